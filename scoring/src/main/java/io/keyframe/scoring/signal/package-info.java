/**
 * Acquisition signals: each a small record implementing the sealed {@link
 * io.keyframe.scoring.signal.Signal}, computed per frame of one video from its {@link
 * io.keyframe.scoring.signal.VideoEvidence} (model predictions, tracker output, annotator labels,
 * occlusion events). Higher values mean "more worth an expert's look". Segment-level signals
 * (temporal instability, occlusion proximity) attribute their value to the frames of the
 * object-track segment and name the track IDs involved.
 */
package io.keyframe.scoring.signal;
