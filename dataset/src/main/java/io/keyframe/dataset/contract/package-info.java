/**
 * The Parquet outputs' contract: every table, column and logical type that spark-jobs writes and
 * report-server reads, named once ({@link OutputTables}). Spark-free and Parquet-free on purpose:
 * spark-jobs maps it to Spark's {@code StructType}, report-server to parquet-java's schema, and
 * both are pinned to {@link TableDef#parquetSchema()} by tests on each side. The one reader of the
 * written files lives beside it, in {@code contract.parquet}.
 */
package io.keyframe.dataset.contract;
