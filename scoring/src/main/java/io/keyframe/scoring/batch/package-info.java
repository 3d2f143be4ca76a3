/**
 * Loads a batch folder (one sub-folder per video, the generator's layout) into scoring evidence.
 */
package io.keyframe.scoring.batch;
