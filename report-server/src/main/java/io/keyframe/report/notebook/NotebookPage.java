package io.keyframe.report.notebook;

import io.keyframe.report.html.Html;
import io.keyframe.report.html.Templates;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a run notebook as one self-contained HTML page (charts linked beside it), template {@code
 * notebook.jte}.
 */
public final class NotebookPage {
  private NotebookPage() {}

  /**
   * The page (template {@code notebook.jte}); chart links are relative to {@code pageDir}, where
   * the page is written.
   */
  public static String render(Notebook nb, List<NotebookRunner.CellResult> results, Path pageDir) {
    return Templates.render("notebook.jte", "nb", nb, "results", results, "pageDir", pageDir);
  }

  /**
   * Headings, paragraphs, bullet lists and inline code: enough for analysts' notes. The text is
   * escaped first; only the tags added here are HTML.
   */
  public static String markdown(String text) {
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
    return Html.esc(s)
        .replaceAll("`([^`]+)`", "<code>$1</code>")
        .replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
  }
}
