package io.keyframe.scoring.queue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AtomicOutput;
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
    AtomicOutput.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write(QUEUE_HEADER + "\n");
          for (String line : queueCsvLines(rows)) w.write(line + "\n");
          w.flush();
        });
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
    writeJsonArray(
        target,
        rows,
        (g, r) -> {
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
        });
  }

  /** Writes the spot-check sample as CSV. */
  public static void writeSpotCheckCsv(Path target, List<SpotCheckRow> rows) throws IOException {
    AtomicOutput.write(
        target,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          w.write("video_id,frame,label,stratum\n");
          for (SpotCheckRow r : rows)
            w.write(
                csv(r.videoId())
                    + ","
                    + r.frame()
                    + ","
                    + csv(r.label())
                    + ","
                    + csv(r.stratum())
                    + "\n");
          w.flush();
        });
  }

  /** Writes the spot-check sample as a JSON array. */
  public static void writeSpotCheckJson(Path target, List<SpotCheckRow> rows) throws IOException {
    writeJsonArray(
        target,
        rows,
        (g, r) -> {
          g.writeStringField("video_id", r.videoId());
          g.writeNumberField("frame", r.frame());
          g.writeStringField("label", r.label());
          g.writeStringField("stratum", r.stratum());
        });
  }

  /** The fields of one row, written inside its JSON object. */
  @FunctionalInterface
  private interface JsonFields<T> {
    void write(JsonGenerator g, T row) throws IOException;
  }

  /** Writes rows atomically as a pretty-printed JSON array of objects. */
  private static <T> void writeJsonArray(Path target, List<T> rows, JsonFields<T> fields)
      throws IOException {
    AtomicOutput.write(
        target,
        out -> {
          try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (T r : rows) {
              g.writeStartObject();
              fields.write(g, r);
              g.writeEndObject();
            }
            g.writeEndArray();
          }
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
