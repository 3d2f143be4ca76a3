package io.keyframe.report.data;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * A table's rows as records whose components are named for its columns: component {@code
 * nUnmatchedA} reads column {@code n_unmatched_a}. The views' row records mirror contract tables
 * column for column, so one naming rule replaces a constructor call per view that lists every
 * column again by hand, where two neighbouring columns of one type could be swapped unseen.
 *
 * <p>Component types and what they read: {@code String} a string column; {@code int}, {@code long},
 * {@code boolean} a column of that type, as Tablesaw gives its cell; {@code double} any numeric
 * column, NaN when missing ({@link Num#at}).
 */
public final class TableRecords {
  private static final Set<Class<?>> READABLE =
      Set.of(String.class, int.class, long.class, double.class, boolean.class);

  private TableRecords() {}

  /**
   * Every row of {@code table} as a {@code type}, in row order.
   *
   * @throws IllegalArgumentException naming the component when the table has no column for it or
   *     the component's type is none of those above
   */
  public static <R extends Record> List<R> read(Table table, Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    int[] columns = new int[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      String column = columnName(components[i].getName());
      if (!READABLE.contains(types[i])) {
        throw unreadable(type, components[i], "no table cell reads as " + types[i].getSimpleName());
      }
      if (!table.containsColumn(column)) {
        throw unreadable(type, components[i], "table " + table.name() + " has no column " + column);
      }
      columns[i] = table.columnIndex(column);
    }
    Constructor<R> constructor = canonicalConstructor(type, types);
    List<R> out = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      Object[] args = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        args[i] = cell(table, columns[i], types[i], r);
      }
      out.add(newRecord(constructor, args));
    }
    return Collections.unmodifiableList(out);
  }

  /** The column a component reads: camelCase to snake_case ({@code ciLo} to {@code ci_lo}). */
  static String columnName(String component) {
    StringBuilder out = new StringBuilder(component.length() + 4);
    for (char ch : component.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static IllegalArgumentException unreadable(
      Class<?> record, RecordComponent component, String why) {
    return new IllegalArgumentException(
        record.getSimpleName() + "." + component.getName() + ": " + why);
  }

  private static Object cell(Table t, int column, Class<?> type, int row) {
    if (type == String.class) return t.stringColumn(column).get(row);
    if (type == int.class) return t.intColumn(column).getInt(row);
    if (type == long.class) return t.longColumn(column).getLong(row);
    if (type == double.class) return Num.at(t, column, row);
    return t.booleanColumn(column).get(row) == Boolean.TRUE;
  }

  private static <R extends Record> Constructor<R> canonicalConstructor(
      Class<R> type, Class<?>[] types) {
    try {
      return type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record always has its canonical constructor: " + type, e);
    }
  }

  private static <R> R newRecord(Constructor<R> constructor, Object[] args) {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
