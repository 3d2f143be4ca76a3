package io.keyframe.metrics.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.keyframe.dataset.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Pretty-printed UTF-8 JSON files written atomically (a reader sees the old file or the complete
 * new one): the tracker's outputs ({@code tracker.json}, occlusions, keyframes) and the label
 * queue's JSON exports.
 */
public final class JsonFile {
  private JsonFile() {}

  /** What goes into the file, written through its generator. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The fields of one item, written inside its JSON object. */
  @FunctionalInterface
  public interface Fields<T> {
    void write(JsonGenerator g, T item) throws IOException;
  }

  /** Writes {@code file} with {@code body}; returns the file. */
  public static Path write(Path file, Body body) throws IOException {
    AtomicOutput.write(
        file,
        out -> {
          try (JsonGenerator g =
              new JsonFactory()
                  .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                  .createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
          }
        });
    return file;
  }

  /** Writes {@code file} as a JSON array with one object per item; returns the file. */
  public static <T> Path writeArray(Path file, List<T> items, Fields<T> fields) throws IOException {
    return write(
        file,
        g -> {
          g.writeStartArray();
          for (T item : items) {
            g.writeStartObject();
            fields.write(g, item);
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }
}
