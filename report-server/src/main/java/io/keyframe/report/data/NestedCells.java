package io.keyframe.report.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;

/**
 * Nested cells of the contract's {@code list}, {@code map} and struct columns inside a Tablesaw
 * table. Tablesaw has no nested column type, so the reader keeps each nested cell as its JSON value
 * (lossless, written and read by Jackson, never by hand) in a string column, and pages turn it back
 * into lists and maps here.
 */
public final class NestedCells {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NestedCells() {}

  /** A {@code list<struct<...>>} cell as a list of field maps (empty for a missing cell). */
  public static List<Map<String, Object>> structs(String cell) {
    if (cell == null || cell.isEmpty()) return List.of();
    try {
      return JSON.readValue(cell, new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "nested cell is not a JSON list: " + e.getOriginalMessage(), e);
    }
  }

  /** A {@code map<string,double>} cell (empty for a missing cell). */
  public static Map<String, Double> doubles(String cell) {
    if (cell == null || cell.isEmpty()) return Map.of();
    try {
      return JSON.readValue(cell, new TypeReference<LinkedHashMap<String, Double>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "nested cell is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON of one nested Parquet value of contract type {@code type}. */
  static String json(Group value, ColumnType type) {
    try {
      return JSON.writeValueAsString(toJava(value, type));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object toJava(Group g, ColumnType type) {
    if (type instanceof ColumnType.ListOf l) {
      List<Object> out = new ArrayList<>();
      int n = g.getFieldRepetitionCount("list");
      for (int i = 0; i < n; i++) out.add(element(g.getGroup("list", i), "element", l.element()));
      return out;
    }
    if (type instanceof ColumnType.MapOf m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      int n = g.getFieldRepetitionCount("key_value");
      for (int i = 0; i < n; i++) {
        Group kv = g.getGroup("key_value", i);
        out.put(element(kv, "key", m.key()), element(kv, "value", m.value()));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column f : ((ColumnType.StructOf) type).fields())
      out.put(f.name(), element(g, f.name(), f.type()));
    return out;
  }

  private static Object element(Group parent, String field, ColumnType type) {
    if (parent.getFieldRepetitionCount(field) == 0) return null;
    if (!(type instanceof ColumnType.Scalar s)) return toJava(parent.getGroup(field, 0), type);
    return switch (s) {
      case STRING -> parent.getString(field, 0);
      case INT -> parent.getInteger(field, 0);
      case LONG -> parent.getLong(field, 0);
      case DOUBLE -> parent.getDouble(field, 0);
      case BOOLEAN -> parent.getBoolean(field, 0);
    };
  }
}
