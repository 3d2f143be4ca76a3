/**
 * The compare job: two model iterations scored against the same reference on the same videos, with
 * bootstrap intervals over videos.
 */
package io.keyframe.spark.compare;
