/**
 * keyframe's Parquet output contract (README "Parquet outputs"): the tables and their schemas, the
 * staged writer that makes a run's partitions appear atomically, the {@code runs} provenance table
 * and the quarantine of bad input rows.
 */
package io.keyframe.spark.output;
