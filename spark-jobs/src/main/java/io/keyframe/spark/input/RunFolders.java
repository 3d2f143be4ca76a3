package io.keyframe.spark.input;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads one table from several run folders ({@code tables/<table>/run_id=R}, or the whole {@code
 * tables/<table>}). Run folders of different runs are separate partition roots, so each is read on
 * its own and the results are unioned by column name.
 */
final class RunFolders {
  private RunFolders() {}

  /** {@code columns} of the Parquet tables at {@code paths} (at least one), unioned. */
  static Dataset<Row> read(SparkSession spark, List<String> paths, String... columns) {
    Column[] selected = Arrays.stream(columns).map(functions::col).toArray(Column[]::new);
    Dataset<Row> rows = null;
    for (String p : paths) {
      Dataset<Row> one = spark.read().parquet(p).select(selected);
      rows = rows == null ? one : rows.unionByName(one);
    }
    return rows;
  }
}
