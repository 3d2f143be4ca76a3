package io.keyframe.dataset.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One output table: its folder name under {@code tables/}, how it is partitioned, and the columns
 * inside its Parquet files (partition columns live only in folder names).
 *
 * @param name folder name under {@code tables/}
 * @param partitioning folder layout below {@code tables/<name>/}
 * @param columns file columns, in file order
 * @param doc one line on what a row is (may be empty)
 */
public record TableDef(String name, Partitioning partitioning, List<Column> columns, String doc) {
  /** How a table's folders are partitioned below {@code tables/<table>/}. */
  public enum Partitioning {
    /** {@code run_id=<run>/part-*.parquet} */
    RUN,
    /** {@code run_id=<run>/video_id=<video>/part-*.parquet} */
    VIDEO
  }

  public TableDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partitioning, "partitioning");
    columns = List.copyOf(columns);
    doc = doc == null ? "" : doc;
    if (columns.stream().map(Column::name).distinct().count() != columns.size())
      throw new IllegalArgumentException(name + ": duplicate column names");
    if (partitioning == Partitioning.VIDEO
        && columns.stream().anyMatch(c -> c.name().equals(OutputTables.VIDEO_ID)))
      throw new IllegalArgumentException(
          name + ": video_id is its partition folder, not a file column");
  }

  public boolean perVideo() {
    return partitioning == Partitioning.VIDEO;
  }

  /** File column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The column named {@code name}, if the table has one. */
  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * The Parquet schema of the files, in parquet-java's schema text, exactly as Spark 4 writes it:
   * nullable columns {@code optional}, the others {@code required}; lists in the standard
   * three-level form ({@code repeated group list { required ... element }}) and maps as {@code
   * repeated group key_value { required key; required value }} (elements and values are never
   * null).
   */
  public String parquetSchema() {
    StringBuilder b = new StringBuilder("message ").append(name).append(" {\n");
    for (Column c : columns) field(b, "  ", c);
    return b.append("}\n").toString();
  }

  private static void field(StringBuilder b, String indent, Column c) {
    field(b, indent, c.nullable() ? "optional" : "required", c.name(), c.type());
  }

  private static void field(
      StringBuilder b, String indent, String repetition, String name, ColumnType type) {
    if (type instanceof ColumnType.Scalar s) {
      b.append(indent)
          .append(repetition)
          .append(' ')
          .append(s.physical())
          .append(' ')
          .append(name)
          .append(s.annotation())
          .append(";\n");
    } else if (type instanceof ColumnType.ListOf l) {
      b.append(indent).append(repetition).append(" group ").append(name).append(" (LIST) {\n");
      b.append(indent).append("  repeated group list {\n");
      field(b, indent + "    ", "required", "element", l.element());
      b.append(indent).append("  }\n").append(indent).append("}\n");
    } else if (type instanceof ColumnType.MapOf m) {
      b.append(indent).append(repetition).append(" group ").append(name).append(" (MAP) {\n");
      b.append(indent).append("  repeated group key_value {\n");
      field(b, indent + "    ", "required", "key", m.key());
      field(b, indent + "    ", "required", "value", m.value());
      b.append(indent).append("  }\n").append(indent).append("}\n");
    } else {
      b.append(indent).append(repetition).append(" group ").append(name).append(" {\n");
      for (Column f : ((ColumnType.StructOf) type).fields()) field(b, indent + "  ", f);
      b.append(indent).append("}\n");
    }
  }

  /** This table's row of the README's "Parquet outputs" table. */
  public String readmeRow() {
    StringBuilder b = new StringBuilder("| `").append(name).append('`');
    if (partitioning == Partitioning.RUN) b.append(" *(run)*");
    b.append(" | ");
    for (int i = 0; i < columns.size(); i++)
      b.append(i == 0 ? "" : ", ").append(describe(columns.get(i)));
    if (!doc.isEmpty()) b.append(" — ").append(doc);
    return b.append(" |").toString();
  }

  private static String describe(Column c) {
    List<String> parts = new java.util.ArrayList<>();
    if (c.type() != ColumnType.Scalar.STRING) parts.add(typeText(c.type()));
    if (c.nullable()) parts.add("nullable");
    if (!c.doc().isEmpty()) parts.add(c.doc());
    return parts.isEmpty() ? c.name() : c.name() + " (" + String.join("; ", parts) + ")";
  }

  private static String typeText(ColumnType t) {
    if (t instanceof ColumnType.ListOf l) return "list<" + typeText(l.element()) + ">";
    if (t instanceof ColumnType.MapOf m)
      return "map<" + m.key().describe() + "," + typeText(m.value()) + ">";
    if (t instanceof ColumnType.StructOf st) {
      StringBuilder b = new StringBuilder("struct<");
      for (int i = 0; i < st.fields().size(); i++) {
        Column f = st.fields().get(i);
        b.append(i == 0 ? "" : ", ").append(f.name());
        if (f.type() != ColumnType.Scalar.STRING) b.append(' ').append(typeText(f.type()));
      }
      return b.append('>').toString();
    }
    return t.describe();
  }
}
