/**
 * CLEAR-MOT (Bernardin &amp; Stiefelhagen 2008): MOTA, MOTP, misses, false positives, ID switches,
 * fragmentations, mostly tracked/partially tracked/mostly lost; per sequence and combined.
 */
package io.keyframe.metrics.clear;
