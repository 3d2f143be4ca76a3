/** Generating a synthetic clinic-video batch on Spark, one video per task, as contract tables. */
package io.keyframe.spark.generate;
