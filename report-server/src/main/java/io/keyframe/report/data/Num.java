package io.keyframe.report.data;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Numeric cell access that does not care whether Tablesaw produced an int, long or double column.
 */
public final class Num {
  private Num() {}

  /** Cell {@code (row, col)} of a numeric column as a double; NaN when missing. */
  public static double at(Table t, int col, int row) {
    NumericColumn<?> c = (NumericColumn<?>) t.column(col);
    return c.isMissing(row) ? Double.NaN : c.getDouble(row);
  }

  /** Cell of the named numeric column as a double; NaN when missing. */
  public static double at(Table t, String col, int row) {
    return at(t, t.columnIndex(col), row);
  }
}
