/**
 * Reading the Parquet outputs of spark-jobs (README "Parquet outputs") with parquet-java into
 * Tablesaw tables, one newest complete run per table.
 */
package io.keyframe.report.data;
