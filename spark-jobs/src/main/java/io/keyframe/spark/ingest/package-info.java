/**
 * The ingest job: annotation files of a batch folder (MOT, CVAT, COCO) read inside the executors
 * into contract tables, bad files quarantined.
 */
package io.keyframe.spark.ingest;
