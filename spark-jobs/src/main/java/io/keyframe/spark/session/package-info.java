/**
 * Creating an embedded Spark session with keyframe's defaults and reporting its progress per stage.
 */
package io.keyframe.spark.session;
