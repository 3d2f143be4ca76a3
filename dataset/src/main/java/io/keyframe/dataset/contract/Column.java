package io.keyframe.dataset.contract;

import java.util.Objects;

/**
 * One column (or struct field) of a contract table.
 *
 * @param name column name in the Parquet files
 * @param type logical type
 * @param nullable whether a row may leave it unset; writers must fill every other column
 * @param doc what the value means, as the README's table shows it (may be empty)
 */
public record Column(String name, ColumnType type, boolean nullable, String doc) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[a-z][a-z0-9_]*"))
      throw new IllegalArgumentException("column name is not snake_case: " + name);
    doc = doc == null ? "" : doc;
  }

  /** A required column. */
  public static Column of(String name, ColumnType type, String doc) {
    return new Column(name, type, false, doc);
  }

  public static Column of(String name, ColumnType type) {
    return new Column(name, type, false, "");
  }

  /** A nullable column. */
  public static Column nullable(String name, ColumnType type, String doc) {
    return new Column(name, type, true, doc);
  }
}
