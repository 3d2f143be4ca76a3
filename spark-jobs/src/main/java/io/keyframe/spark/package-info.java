/**
 * keyframe's batch jobs on Apache Spark: track, agreement, rank and compare over video batches,
 * Parquet out. Every job is one class with a static {@code run(SparkSession, Options)} behind a
 * thin {@code main} for {@code spark-submit}; metric, tracking and scoring logic is called from the
 * {@code metrics}, {@code tracker} and {@code scoring} modules inside the executors.
 */
package io.keyframe.spark;
