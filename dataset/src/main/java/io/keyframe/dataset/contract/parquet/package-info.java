/**
 * Reading the contract's Parquet outputs without Spark: one reader ({@link RunPartitionReader})
 * that report-server (Tablesaw) and the CLI (an output root as a batch) both use. parquet-hadoop is
 * an optional dependency of dataset: a module that reads outputs declares it (report-server) or has
 * it through Spark (spark-jobs, cli).
 */
package io.keyframe.dataset.contract.parquet;
