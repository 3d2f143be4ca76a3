package io.keyframe.metrics.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * The one writer of plain Java values as JSON through a jackson-core generator (no ObjectMapper to
 * build): the metrics report ({@code mot-metrics --json}) and the tracker's provenance ({@code
 * tracker.json}) both use it. Maps are written in their iteration order, so sorted or
 * insertion-ordered maps give the same bytes for equal values; numbers keep their Java type ({@code
 * 0.7f} is written {@code 0.7}, not as the double it widens to).
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * Writes {@code v}: {@code null}, a string, boolean, {@code Integer}, {@code Long}, {@code Float}
   * or {@code Double}, a map (keys as strings) or an iterable of such values.
   *
   * @throws IllegalArgumentException for any other value, naming its class
   */
  public static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) g.writeNull();
    else if (v instanceof String s) g.writeString(s);
    else if (v instanceof Double d) g.writeNumber(d);
    else if (v instanceof Float f) g.writeNumber(f);
    else if (v instanceof Long l) g.writeNumber(l);
    else if (v instanceof Integer i) g.writeNumber(i);
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object x : it) write(g, x);
      g.writeEndArray();
    } else throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
  }
}
