/**
 * Scores a predicted annotation set against ground truth with every tracking metric family at
 * once (CLEAR-MOT, identity, HOTA), per video, per class and combined.
 */
package io.keyframe.metrics.tracking;
