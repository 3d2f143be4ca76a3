/** The rank job: acquisition signals per frame (in the executors) and the global budgeted expert queue with its spot-check sample. */
package io.keyframe.spark.rank;
