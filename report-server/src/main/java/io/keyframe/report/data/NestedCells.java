package io.keyframe.report.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** The JSON of one nested value as the contract's reader returns it (lists and maps). */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
