package io.keyframe.spark;

import io.keyframe.spark.output.RunRecord;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A run's output table as a test reads it back: {@code <out>/tables/<table>/run_id=<run>}. */
public final class RunTables {
  private RunTables() {}

  public static Dataset<Row> read(SparkSession spark, Path out, String table, String runId) {
    return spark.read().parquet(out.resolve("tables/" + table + "/run_id=" + runId).toString());
  }

  public static Dataset<Row> read(SparkSession spark, Path out, String table, RunRecord run) {
    return read(spark, out, table, run.runId());
  }
}
