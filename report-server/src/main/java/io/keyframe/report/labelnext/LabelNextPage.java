package io.keyframe.report.labelnext;

import io.keyframe.report.auth.Role;
import io.keyframe.report.html.Templates;
import io.keyframe.scoring.queue.QueueFiles;
import io.keyframe.scoring.queue.QueueRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;
import java.util.TreeSet;

/** Renders {@link LabelNextView} as HTML, and as CSV. */
public final class LabelNextPage {
  private LabelNextPage() {}

  /** The page (template {@code label-next.jte}). */
  public static String render(LabelNextView v, Role role) {
    return Templates.render("label-next.jte", "v", v, "role", role);
  }

  /** Every source with boxes to export, over all videos, sorted. */
  public static SortedSet<String> allSources(LabelNextView v) {
    SortedSet<String> all = new TreeSet<>();
    v.exportSources().values().forEach(all::addAll);
    return all;
  }

  /**
   * The filtered queue as CSV: one line per (row, object), the columns the CLI's queue CSV has
   * (scoring's {@code QueueFiles}), so each line pairs one ID with its own label and source. RFC
   * 4180 quoting; cells starting with = + - @ are defused.
   */
  public static String csv(LabelNextView v) {
    StringBuilder b = new StringBuilder(QueueFiles.QUEUE_HEADER).append("\r\n");
    for (LabelNextView.Row row : v.rows()) {
      QueueRow r = row.queue();
      String head =
          r.rank()
              + ","
              + cell(r.videoId())
              + ","
              + r.frameStart()
              + ","
              + r.frameEnd()
              + ","
              + r.score()
              + ","
              + r.costMinutes()
              + ","
              + r.cumulativeMinutes()
              + ","
              + cell(r.reasonsText());
      if (r.objects().isEmpty()) {
        b.append(head).append(",,,\r\n");
      }
      for (QueueRow.QueueObject o : r.objects()) {
        b.append(
                String.join(",", head, Integer.toString(o.id()), cell(o.label()), cell(o.source())))
            .append("\r\n");
      }
    }
    return b.toString();
  }

  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    // Spreadsheets execute cells that start with these (OWASP CSV injection); a leading quote keeps
    // them text.
    String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  /** The query string ({@code ?video=..&...}, or empty) of {@code f}. */
  public static String query(QueueFilter f) {
    StringBuilder q = new StringBuilder();
    add(q, "video", f.video());
    add(q, "label", f.label());
    add(q, "signal", f.signal());
    return q.toString();
  }

  private static void add(StringBuilder q, String k, String v) {
    if (v != null) {
      q.append(q.isEmpty() ? "?" : "&")
          .append(k)
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
  }
}
