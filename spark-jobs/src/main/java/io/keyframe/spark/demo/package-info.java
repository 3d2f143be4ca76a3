/**
 * The end-to-end demo behind {@code ./keyframe demo}: generate, track, agreement, rank and compare
 * on an embedded Spark session.
 */
package io.keyframe.spark.demo;
