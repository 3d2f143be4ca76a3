/**
 * SAM 2-family video object tracking on ONNX Runtime Java (Ravi et al., "SAM 2: Segment Anything in
 * Images and Videos", 2024; Zhou et al., "EdgeTAM: On-Device Track Anything Model", CVPR 2025): a
 * manifest-driven bundle of split ONNX graphs, the per-frame loop with its memory bank
 * (conditioning frames kept for good, the 6 most recent frames, up to 16 object pointers with
 * temporal offsets), occlusion from the object-score logit, and re-initialisation at keyframes.
 */
package io.keyframe.tracker.sam2;
