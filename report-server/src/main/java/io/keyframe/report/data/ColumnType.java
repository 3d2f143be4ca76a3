package io.keyframe.report.data;

/** Logical column types of the Parquet contract, mapped onto Tablesaw column types. */
public enum ColumnType {
  STRING,
  INT,
  LONG,
  DOUBLE,
  BOOLEAN
}
