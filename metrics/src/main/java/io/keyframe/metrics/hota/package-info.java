/**
 * HOTA (Luiten et al. 2021): detection, association and localisation accuracy over 19 IoU
 * thresholds.
 */
package io.keyframe.metrics.hota;
