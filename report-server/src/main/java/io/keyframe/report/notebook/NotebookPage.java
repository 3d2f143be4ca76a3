package io.keyframe.report.notebook;

import java.nio.file.Path;
import java.util.List;

/** Renders a run notebook as one self-contained HTML page (charts linked beside it). */
public final class NotebookPage {
  private NotebookPage() {}

  public static String render(Notebook nb, List<NotebookRunner.CellResult> results, Path pageDir) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(nb.name()))
        .append(" · keyframe notebook</title><style>")
        .append(
            "body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;color:#1d2433;padding:0 1em}")
        .append(
            "pre{background:#f4f6fa;border:1px solid #dde3ec;border-radius:6px;padding:.7em;overflow:auto;font-size:13px}")
        .append(
            "pre.out{background:#fff;border-left:4px solid #3b6fd8}img{max-width:100%;border:1px solid #dde3ec;border-radius:6px}")
        .append("code{background:#f4f6fa;padding:0 .2em}</style></head><body>\n");
    for (NotebookRunner.CellResult r : results) {
      if (r.cell().markdown()) {
        h.append(markdown(r.cell().text()));
        continue;
      }
      h.append("<pre class=\"in\"><code>").append(esc(r.cell().text())).append("</code></pre>\n");
      if (!r.output().isBlank())
        h.append("<pre class=\"out\">").append(esc(r.output().stripTrailing())).append("</pre>\n");
      for (Path chart : r.charts())
        h.append("<p><img alt=\"")
            .append(esc(chart.getFileName().toString()))
            .append("\" src=\"")
            .append(esc(pageDir.relativize(chart).toString()))
            .append("\"></p>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  /** Headings, paragraphs, bullet lists and inline code: enough for analysts' notes. */
  static String markdown(String text) {
    StringBuilder h = new StringBuilder();
    for (String block : text.split("\n\\s*\n")) {
      boolean list = false;
      StringBuilder para = new StringBuilder();
      for (String line : block.split("\n")) {
        String t = line.strip();
        int level = 0;
        while (level < t.length() && t.charAt(level) == '#') level++;
        boolean heading = level > 0 && level <= 6 && t.length() > level && t.charAt(level) == ' ';
        boolean item = t.startsWith("- ") || t.startsWith("* ");
        if (heading || item) flush(h, para);
        if (list && !item && (heading || t.isEmpty())) {
          h.append("</ul>\n");
          list = false;
        }
        if (heading) {
          h.append("<h")
              .append(level)
              .append('>')
              .append(inline(t.substring(level + 1)))
              .append("</h")
              .append(level)
              .append(">\n");
        } else if (item) {
          if (!list) h.append("<ul>");
          list = true;
          h.append("<li>").append(inline(t.substring(2))).append("</li>");
        } else if (list && !t.isEmpty()) {
          // A wrapped list item continues on the next line.
          h.setLength(h.length() - "</li>".length());
          h.append(' ').append(inline(t)).append("</li>");
        } else if (!t.isEmpty()) {
          para.append(para.length() == 0 ? "" : " ").append(t);
        }
      }
      flush(h, para);
      if (list) h.append("</ul>\n");
    }
    return h.toString();
  }

  /** The lines of one block read as one paragraph, as Markdown does. */
  private static void flush(StringBuilder h, StringBuilder para) {
    if (para.length() == 0) return;
    h.append("<p>").append(inline(para.toString())).append("</p>\n");
    para.setLength(0);
  }

  private static String inline(String s) {
    return esc(s)
        .replaceAll("`([^`]+)`", "<code>$1</code>")
        .replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
