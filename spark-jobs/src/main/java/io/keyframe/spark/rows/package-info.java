/** Conversions between keyframe's domain records and the rows of the Parquet contract tables. */
package io.keyframe.spark.rows;
