package io.keyframe.scoring.queue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.metrics.report.JsonFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the queue and the spot-check sample as CSV (RFC 4180, header row) or JSON (an array of
 * objects), column names as in the README's Parquet tables. Writes are atomic: a reader sees the
 * old file or the complete new one.
 */
public final class QueueFiles {
  /**
   * One line per (row, object): the row's columns repeated, then the object's id, label and source.
   */
  public static final String QUEUE_HEADER =
      "rank,video_id,frame_start,frame_end,score,cost_minutes,cumulative_minutes,reasons,object_id,label,source";

  private QueueFiles() {}

  /**
   * Writes queue rows as CSV in long form: one line per object of a row (a row without objects is
   * one line with empty object cells), so every line pairs one track ID with its own class and
   * source and no cell holds a list to split.
   */
  public static void writeQueueCsv(Path target, List<QueueRow> rows) throws IOException {
    writeCsv(target, QUEUE_HEADER, queueCsvLines(rows));
  }

  /**
   * The CSV lines of {@code rows} below the header (the report's CSV export writes the same lines).
   */
  public static List<String> queueCsvLines(List<QueueRow> rows) {
    List<String> out = new java.util.ArrayList<>();
    for (QueueRow r : rows) {
      String head =
          String.join(
              ",",
              Integer.toString(r.rank()),
              csv(r.videoId()),
              Integer.toString(r.frameStart()),
              Integer.toString(r.frameEnd()),
              num(r.score()),
              num(r.costMinutes()),
              num(r.cumulativeMinutes()),
              csv(r.reasonsText()));
      if (r.objects().isEmpty()) out.add(head + ",,,");
      for (QueueRow.QueueObject o : r.objects())
        out.add(head + "," + o.id() + "," + csv(o.label()) + "," + csv(o.source()));
    }
    return out;
  }

  /**
   * Writes queue rows as a JSON array; reasons and objects are arrays of objects, as in the Parquet
   * table.
   */
  public static void writeQueueJson(Path target, List<QueueRow> rows) throws IOException {
    JsonFile.writeArray(target, rows, QueueFiles::writeQueueRow);
  }

  private static void writeQueueRow(JsonGenerator g, QueueRow r) throws IOException {
    g.writeNumberField("rank", r.rank());
    g.writeStringField("video_id", r.videoId());
    g.writeNumberField("frame_start", r.frameStart());
    g.writeNumberField("frame_end", r.frameEnd());
    g.writeNumberField("score", r.score());
    g.writeNumberField("cost_minutes", r.costMinutes());
    g.writeNumberField("cumulative_minutes", r.cumulativeMinutes());
    g.writeArrayFieldStart("reasons");
    for (QueueRow.Reason x : r.reasons()) {
      g.writeStartObject();
      g.writeStringField("signal", x.signal());
      g.writeNumberField("value", x.value());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("objects");
    for (QueueRow.QueueObject o : r.objects()) {
      g.writeStartObject();
      g.writeNumberField("id", o.id());
      g.writeStringField("label", o.label());
      g.writeStringField("source", o.source());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes the spot-check sample as CSV. */
  public static void writeSpotCheckCsv(Path target, List<SpotCheckRow> rows) throws IOException {
    writeCsv(
        target,
        "video_id,frame,label,stratum",
        rows.stream()
            .map(
                r ->
                    csv(r.videoId())
                        + ","
                        + r.frame()
                        + ","
                        + csv(r.label())
                        + ","
                        + csv(r.stratum()))
            .toList());
  }

  /** Writes the spot-check sample as a JSON array. */
  public static void writeSpotCheckJson(Path target, List<SpotCheckRow> rows) throws IOException {
    JsonFile.writeArray(
        target,
        rows,
        (g, r) -> {
          g.writeStringField("video_id", r.videoId());
          g.writeNumberField("frame", r.frame());
          g.writeStringField("label", r.label());
          g.writeStringField("stratum", r.stratum());
        });
  }

  /** Writes a UTF-8 CSV file atomically: the header, then the lines, each ended by {@code \n}. */
  private static void writeCsv(Path target, String header, List<String> lines) throws IOException {
    AtomicOutput.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(header + "\n");
          for (String line : lines) w.write(line + "\n");
          w.flush();
        });
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  public static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0)
      return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
