/**
 * The agreement job: tracking metrics (CLEAR-MOT, IDF1, HOTA) of predictions against a reference
 * and agreement between annotators, per video and class, computed by {@code io.keyframe.metrics}
 * inside the executors and combined across videos and classes by adding per-sequence counts.
 */
package io.keyframe.spark.agreement;
