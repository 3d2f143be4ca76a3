/**
 * Video object segmentation metrics (DAVIS, Perazzi et al. 2016; SA-V's evaluator): region
 * similarity J, contour accuracy F, J&amp;F per object and per video, and masklet matching between
 * two annotation sets of the same video.
 */
package io.keyframe.metrics.vos;
