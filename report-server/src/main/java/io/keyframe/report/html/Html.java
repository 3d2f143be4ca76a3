package io.keyframe.report.html;

import java.util.Locale;

/**
 * Number formats and the stylesheet of the pages (all rendered by {@link Templates}, which escape
 * by default), and {@link #esc} for the one place that builds HTML in Java: the notebook's
 * Markdown.
 */
public final class Html {
  private Html() {}

  /** Escapes text for element content and double-quoted attribute values (notebook Markdown). */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A real to three decimals (as the e2e tests compare), or an em dash when undefined. */
  public static String f3(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** A real rounded to a whole number (pixels), or an em dash when undefined. */
  public static String f0(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.0f", v);
  }

  /** A real to one decimal, or an em dash when undefined. */
  public static String f1(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
  }

  /** The stylesheet of every page (inlined by {@code layout.jte}). */
  public static final String CSS =
      """
      :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--accent:#2563eb;--pos:#047857;--neg:#b91c1c}
      *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
      header{display:flex;align-items:center;gap:24px;padding:0 24px;height:52px;background:#0f172a;color:#e2e8f0}
      .brand{color:#fff;font-weight:700;text-decoration:none;font-size:16px;letter-spacing:.3px}.logo{color:#60a5fa}
      nav{display:flex;gap:4px;flex:1}nav a{color:#cbd5e1;text-decoration:none;padding:6px 12px;border-radius:6px}
      nav a:hover{background:#1e293b}nav a.active{background:#1e40af;color:#fff}
      .who{display:flex;align-items:center;gap:10px}.who form{margin:0}
      .badge{background:#334155;color:#e2e8f0;border-radius:10px;padding:2px 10px;font-size:12px;text-transform:uppercase;letter-spacing:.5px}
      button.link{background:none;border:0;color:#93c5fd;cursor:pointer;font:inherit}
      main{padding:20px 24px 40px;max-width:1400px;margin:0 auto}h1{font-size:22px;margin:4px 0 16px}
      h2{font-size:16px;margin:28px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin-bottom:8px}
      .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}
      .card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.5px}.card .v{font-size:26px;font-weight:650;margin-top:2px}
      table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px;overflow:hidden}
      th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
      th{background:#f1f5f9;font-weight:600;font-size:12px;color:#334155;text-transform:uppercase;letter-spacing:.3px}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr:hover td{background:#f8fafc}
      .ci{color:var(--muted);font-size:12px;white-space:nowrap}.pos{color:var(--pos);font-weight:600}.neg{color:var(--neg);font-weight:600}
      .muted{color:var(--muted)}.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
      .chart{background:#fff;border:1px solid var(--line);border-radius:10px;padding:8px}.chart img{max-width:100%;height:auto;display:block}
      form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:end;background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px;margin-bottom:14px}
      label{display:flex;flex-direction:column;font-size:12px;color:var(--muted);gap:3px}
      select,input{font:inherit;padding:5px 8px;border:1px solid #cbd5e1;border-radius:6px;min-width:150px;background:#fff}
      .btn{display:inline-block;background:var(--accent);color:#fff;border:0;border-radius:6px;padding:7px 14px;font:inherit;cursor:pointer;text-decoration:none}
      .btn.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
      .tag{display:inline-block;background:#eff6ff;color:#1e40af;border-radius:4px;padding:0 6px;margin:1px 2px 1px 0;font-size:12px;white-space:nowrap}
      img.thumb{width:192px;border-radius:4px;border:1px solid var(--line);display:block}
      .login{max-width:380px;margin:60px auto;background:#fff;border:1px solid var(--line);border-radius:12px;padding:24px}
      .error{background:#fef2f2;color:var(--neg);border:1px solid #fecaca;border-radius:6px;padding:8px 10px;margin-bottom:10px}
      .note{background:#fffbeb;border:1px solid #fde68a;border-radius:6px;padding:8px 10px}
      footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}
      pre{white-space:pre-wrap;word-break:break-all;font-size:11px;margin:0;max-width:380px}
      .wide{overflow-x:auto;max-width:100%;margin-bottom:8px}.wide>table{min-width:100%;width:auto}
      th.sort{cursor:pointer;user-select:none}th.sort::after{content:" ↕";color:#94a3b8;font-size:10px}
      th[aria-sort=ascending]::after{content:" ▲";color:var(--accent)}th[aria-sort=descending]::after{content:" ▼";color:var(--accent)}
      input.table-filter{margin:4px 0 8px;min-width:260px}.table-pager{display:flex;gap:8px;align-items:center;margin:8px 0 12px}
      .table-pager button[disabled]{opacity:.4;cursor:default}tr[hidden]{display:none}
      .verified{background:#ecfdf5;border:1px solid #a7f3d0;color:var(--pos);border-radius:6px;padding:8px 10px}
      .unverified{background:#fef2f2;border:1px solid #fecaca;color:var(--neg);border-radius:6px;padding:8px 10px}
      details>summary{cursor:pointer;color:var(--accent);margin:8px 0}
      .obj.mislabelled,.obj.only_a,.obj.only_b{background:#fef2f2;color:var(--neg)}.pager{margin:10px 0}
      """;
}
