package io.keyframe.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file holding one JSON object, written with Jackson's streaming generator through {@link
 * AtomicOutput}: the caller writes what goes between the braces, the pretty printer decides the
 * layout, and the file ends with a newline. A failed write leaves the old file as it was.
 */
public final class JsonObjectFile {
  private static final JsonFactory JSON = new JsonFactory();

  /** What goes between the object's outer braces. */
  @FunctionalInterface
  public interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonObjectFile() {}

  /**
   * Writes {@code {FIELDS}\n} to {@code target} in UTF-8.
   *
   * @param layout a printer for this file alone: printers keep the nesting they are in
   */
  public static void write(Path target, PrettyPrinter layout, Fields fields) throws IOException {
    AtomicOutput.write(
        target,
        out -> {
          try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(layout);
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
            g.writeRaw('\n');
          }
        });
  }
}
