package io.keyframe.dataset.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one serialisation of an {@link AuditEntry} that hashes are computed over: keys in sorted
 * order at every level, no whitespace, strings escaped by Jackson's defaults, numbers as plain
 * integers. Same content always gives the same bytes, so a hash only changes when content does.
 */
final class CanonicalJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private CanonicalJson() {}

  static String write(AuditEntry e, boolean withHash) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      // Keys below are written in sorted order by hand; maps are TreeMaps (sorted) by construction.
      g.writeStartObject();
      g.writeStringField("action", e.event().action());
      g.writeStringField("actor", e.event().actor());
      if (withHash) g.writeStringField("hash", e.hash());
      writeMap(g, "inputs", e.event().inputs());
      writeMap(g, "outputs", e.event().outputs());
      writeMap(g, "params", e.event().parameters());
      g.writeStringField("prev", e.previousHash());
      g.writeNumberField("seq", e.seq());
      g.writeStringField("time", e.time().toString());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toString();
  }

  private static void writeMap(JsonGenerator g, String name, Map<String, String> m)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (var kv : new TreeMap<>(m).entrySet()) g.writeStringField(kv.getKey(), kv.getValue());
    g.writeEndObject();
  }

  /**
   * Parses one stored line; throws {@link IllegalArgumentException} naming the problem when the
   * line is not a complete entry (truncated, missing or unknown field, wrong type).
   */
  static AuditEntry read(String line) {
    Map<String, Object> f = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT)
        throw new IllegalArgumentException("not a JSON object");
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t == null) throw new IllegalArgumentException("entry ends before its closing brace");
        String name = p.currentName();
        JsonToken v = p.nextToken();
        Object value =
            switch (v) {
              case VALUE_STRING -> p.getText();
              case VALUE_NUMBER_INT -> p.getLongValue();
              case START_OBJECT -> readStringMap(p, name);
              default ->
                  throw new IllegalArgumentException("field '" + name + "' has unexpected " + v);
            };
        if (f.put(name, value) != null)
          throw new IllegalArgumentException("field '" + name + "' repeated");
      }
      if (p.nextToken() != null) throw new IllegalArgumentException("text after the entry");
    } catch (IOException ex) {
      throw new IllegalArgumentException("not valid JSON (" + firstLine(ex.getMessage()) + ")", ex);
    }
    try {
      AuditEvent event =
          new AuditEvent(
              get(f, "actor", String.class),
              get(f, "action", String.class),
              map(f, "params"),
              map(f, "inputs"),
              map(f, "outputs"));
      AuditEntry e =
          new AuditEntry(
              get(f, "seq", Long.class),
              Instant.parse(get(f, "time", String.class)),
              event,
              get(f, "prev", String.class),
              get(f, "hash", String.class));
      f.keySet()
          .removeAll(
              java.util.List.of(
                  "actor", "action", "params", "inputs", "outputs", "seq", "time", "prev", "hash"));
      if (!f.isEmpty()) throw new IllegalArgumentException("unknown fields " + f.keySet());
      return e;
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException("field 'time' is not an ISO-8601 instant", ex);
    }
  }

  private static Map<String, String> readStringMap(JsonParser p, String name) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      if (t == null) throw new IllegalArgumentException("entry ends inside '" + name + "'");
      String key = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING)
        throw new IllegalArgumentException("'" + name + "." + key + "' is not a string");
      m.put(key, p.getText());
    }
    return m;
  }

  private static <T> T get(Map<String, Object> f, String name, Class<T> type) {
    Object v = f.get(name);
    if (v == null) throw new IllegalArgumentException("missing field '" + name + "'");
    if (!type.isInstance(v))
      throw new IllegalArgumentException("field '" + name + "' has the wrong type");
    return type.cast(v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> map(Map<String, Object> f, String name) {
    Object v = f.get(name);
    if (v == null) throw new IllegalArgumentException("missing field '" + name + "'");
    if (!(v instanceof Map))
      throw new IllegalArgumentException("field '" + name + "' is not an object");
    return (Map<String, String>) v;
  }

  static String sha256(String s) {
    return io.keyframe.dataset.FileHash.sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
