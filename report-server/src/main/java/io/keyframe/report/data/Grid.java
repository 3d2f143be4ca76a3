package io.keyframe.report.data;

import java.util.List;

/**
 * A pivot of one value over two keys (rows x columns), e.g. kappa per annotator pair x class. Cells
 * without data are NaN.
 */
public record Grid(List<String> rowKeys, List<String> columnKeys, double[][] values) {
  public Grid {
    rowKeys = List.copyOf(rowKeys);
    columnKeys = List.copyOf(columnKeys);
    if (values.length != rowKeys.size()) {
      throw new IllegalArgumentException(
          "grid has " + values.length + " rows, keys say " + rowKeys.size());
    }
    for (double[] row : values) {
      if (row.length != columnKeys.size()) {
        throw new IllegalArgumentException(
            "grid row has " + row.length + " cells, keys say " + columnKeys.size());
      }
    }
  }

  /**
   * Pivots {@code value} over {@code rowKey} x {@code colKey} with Tablesaw (mean of duplicates).
   */
  public static Grid pivot(tech.tablesaw.api.Table t, String rowKey, String colKey, String value) {
    if (t.isEmpty()) {
      return new Grid(List.of(), List.of(), new double[0][0]);
    }
    tech.tablesaw.api.Table p =
        t.pivot(rowKey, colKey, value, tech.tablesaw.aggregate.AggregateFunctions.mean)
            .sortAscendingOn(rowKey);
    List<String> cols = p.columnNames().subList(1, p.columnCount()).stream().sorted().toList();
    List<String> rows = p.stringColumn(0).asList();
    double[][] v = new double[rows.size()][cols.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < cols.size(); c++) {
        v[r][c] = Num.at(p, cols.get(c), r);
      }
    }
    return new Grid(rows, cols, v);
  }
}
