// keyframe report tables: sort by a column (click its header), filter rows by text, and page long
// tables. Plain JavaScript served from this server (/static/tables.js): the pages work offline and
// the Content-Security-Policy (default-src 'self') forbids inline and third-party scripts. Without
// JavaScript the tables are simply complete and unsorted.
(function () {
  "use strict";
  var PAGE = 25; // rows per page of a long table
  var FILTER_FROM = 8; // tables with more body rows than this get a filter box

  // The value a cell sorts by: its data-sort attribute, else the first number in its text (a
  // value before its interval, "3 · 6"), else its text; "—" (undefined) always sorts last.
  function key(cell) {
    if (!cell) return { empty: true };
    var raw = cell.getAttribute("data-sort");
    var text = raw !== null ? raw : cell.textContent.trim();
    if (text === "" || text === "\u2014") return { empty: true };
    var m = text.match(/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?/);
    if (m) return { num: parseFloat(m[0]) };
    return { text: text.toLowerCase() };
  }

  function compare(a, b) {
    if (a.empty || b.empty) return a.empty && b.empty ? 0 : a.empty ? 1 : -1;
    if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
    if (a.num !== undefined) return -1;
    if (b.num !== undefined) return 1;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }

  function setUp(table) {
    // Wide tables scroll inside their own box instead of widening the page.
    if (!table.parentNode.classList.contains("wide")) {
      var wrap = document.createElement("div");
      wrap.className = "wide";
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
    }
    var body = table.tBodies[0];
    var head = table.tHead;
    if (!body || !head || head.rows.length === 0) return;
    var rows = Array.prototype.slice.call(body.rows);
    // A lone "no data" row (one cell spanning the table) is not data.
    if (rows.length === 1 && rows[0].cells.length === 1 && head.rows[0].cells.length > 1) return;
    var state = { rows: rows, filter: "", page: 0, table: table };
    table.classList.add("js-table");
    Array.prototype.forEach.call(head.rows[head.rows.length - 1].cells, function (th, col) {
      th.classList.add("sort");
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      th.title = "Sort by this column";
      var go = function () { sortBy(state, th, col); };
      th.addEventListener("click", go);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
    });
    if (rows.length > FILTER_FROM) {
      var box = document.createElement("input");
      box.type = "search";
      box.className = "table-filter";
      box.placeholder = "Filter " + rows.length + " rows\u2026";
      box.setAttribute("aria-label", "Filter rows");
      box.addEventListener("input", function () {
        state.filter = box.value.trim().toLowerCase();
        state.page = 0;
        render(state);
      });
      var host = table.parentNode.classList.contains("wide") ? table.parentNode : table;
      host.parentNode.insertBefore(box, host);
    }
    if (rows.length > PAGE) {
      state.pager = document.createElement("div");
      state.pager.className = "table-pager";
      var after = table.parentNode.classList.contains("wide") ? table.parentNode : table;
      after.parentNode.insertBefore(state.pager, after.nextSibling);
    }
    render(state);
  }

  function sortBy(state, th, col) {
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", dir);
    var sign = dir === "ascending" ? 1 : -1;
    var keyed = state.rows.map(function (r, i) { return { r: r, k: key(r.cells[col]), i: i }; });
    keyed.sort(function (a, b) {
      var c = compare(a.k, b.k);
      // Undefined cells stay last in both directions; ties keep their order.
      if (a.k.empty || b.k.empty) return c || a.i - b.i;
      return sign * c || a.i - b.i;
    });
    state.rows = keyed.map(function (x) { return x.r; });
    var body = state.table.tBodies[0];
    state.rows.forEach(function (r) { body.appendChild(r); });
    state.page = 0;
    render(state);
  }

  function render(state) {
    var shown = state.rows.filter(function (r) {
      return state.filter === "" || r.textContent.toLowerCase().indexOf(state.filter) >= 0;
    });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var from = state.pager ? state.page * PAGE : 0;
    var to = state.pager ? from + PAGE : shown.length;
    state.rows.forEach(function (r) { r.hidden = true; });
    shown.slice(from, to).forEach(function (r) { r.hidden = false; });
    state.table.setAttribute("data-shown", String(Math.min(to, shown.length) - from));
    state.table.setAttribute("data-matching", String(shown.length));
    if (!state.pager) return;
    state.pager.textContent = "";
    var info = document.createElement("span");
    info.className = "muted";
    info.textContent = shown.length === 0 ? "No rows match." :
      "Rows " + (from + 1) + "\u2013" + Math.min(to, shown.length) + " of " + shown.length;
    state.pager.appendChild(info);
    [["\u2190 previous", state.page - 1, "prev"], ["next \u2192", state.page + 1, "next"]].forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.className = "btn secondary page-" + b[2];
      btn.textContent = b[0];
      btn.disabled = b[1] < 0 || b[1] >= pages;
      btn.addEventListener("click", function () { state.page = b[1]; render(state); });
      state.pager.appendChild(btn);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("main table"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
