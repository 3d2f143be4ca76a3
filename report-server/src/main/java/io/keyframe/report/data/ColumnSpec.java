package io.keyframe.report.data;

import java.util.Objects;

/** One column of a contract table: its name inside the Parquet files and its logical type. */
public record ColumnSpec(String name, ColumnType type) {
  public ColumnSpec {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column name is blank");
    }
  }
}
