/**
 * The occlusion-aware view of tracking errors: which ID switches and fragmentations happen during
 * or shortly after an object was hidden, with occlusion events from the generator's manifest or
 * from CVAT's occluded/outside flags.
 */
package io.keyframe.metrics.occlusion;
