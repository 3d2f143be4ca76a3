package io.keyframe.dataset.contract;

import java.util.List;
import java.util.Objects;

/**
 * A column's logical type: a scalar, or one of Parquet's nested types (LIST, MAP, a group/struct).
 * Nested values travel as nested values, so no reader re-parses a string.
 */
public sealed interface ColumnType
    permits ColumnType.Scalar, ColumnType.ListOf, ColumnType.MapOf, ColumnType.StructOf {

  /**
   * Scalars and their Parquet physical type: UTF-8 {@code BINARY (STRING)}, INT32, INT64, DOUBLE,
   * BOOLEAN.
   */
  enum Scalar implements ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN;

    /** Parquet's physical type name as its schema text writes it. */
    public String physical() {
      return switch (this) {
        case STRING -> "binary";
        case INT -> "int32";
        case LONG -> "int64";
        case DOUBLE -> "double";
        case BOOLEAN -> "boolean";
      };
    }

    /**
     * The logical-type annotation after the name: " (STRING)" for the one scalar whose physical
     * type (BINARY) needs it, nothing for the rest.
     */
    public String annotation() {
      return this == STRING ? " (STRING)" : "";
    }

    /** The physical name, but "string" for STRING (as the README writes types). */
    @Override
    public String describe() {
      return this == STRING ? "string" : physical();
    }
  }

  /** A list of {@code element}s (Parquet LIST). */
  record ListOf(ColumnType element) implements ColumnType {
    public ListOf {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String describe() {
      return "list<" + element.describe() + ">";
    }
  }

  /** A map with string or scalar keys (Parquet MAP; keys are never null). */
  record MapOf(Scalar key, ColumnType value) implements ColumnType {
    public MapOf {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return "map<" + key.describe() + "," + value.describe() + ">";
    }
  }

  /** A struct of named fields (a Parquet group). */
  record StructOf(List<Column> fields) implements ColumnType {
    public StructOf {
      fields = List.copyOf(fields);
      if (fields.isEmpty()) throw new IllegalArgumentException("a struct needs at least one field");
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder("struct<");
      for (int i = 0; i < fields.size(); i++)
        b.append(i == 0 ? "" : ",").append(fields.get(i).name());
      return b.append('>').toString();
    }
  }

  /**
   * The type as the README writes it: {@code int32}, {@code list<struct<signal,value>>}, {@code
   * map<string,double>}.
   */
  String describe();

  /** Shorthand for a list of structs. */
  static ListOf listOf(Column... fields) {
    return new ListOf(new StructOf(List.of(fields)));
  }
}
