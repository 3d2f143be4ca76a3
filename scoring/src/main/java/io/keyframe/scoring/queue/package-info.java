/**
 * The budgeted expert-labelling queue: {@link io.keyframe.scoring.queue.LabelQueue} combines
 * normalised signals with {@link io.keyframe.scoring.queue.SignalWeights} into ranked,
 * de-duplicated frames and spans that explain themselves, priced by a {@link
 * io.keyframe.scoring.queue.CostModel} and cut at a {@link io.keyframe.scoring.queue.Budget}; plus
 * the QA {@link io.keyframe.scoring.queue.SpotCheck} sample and CSV/JSON writers. Both read each
 * video through a small serializable summary ({@link io.keyframe.scoring.queue.VideoScores}, {@link
 * io.keyframe.scoring.queue.FrameClasses}) that can be computed where the video's detections are.
 */
package io.keyframe.scoring.queue;
