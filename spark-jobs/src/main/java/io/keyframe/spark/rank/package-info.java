/**
 * The rank job: acquisition signals per frame and a small summary per video (in the executors),
 * then the global budgeted expert queue and its spot-check sample from the summaries alone (on the
 * driver).
 */
package io.keyframe.spark.rank;
