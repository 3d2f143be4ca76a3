/** Reading a job's inputs and recording their hashes for provenance. */
package io.keyframe.spark.input;
