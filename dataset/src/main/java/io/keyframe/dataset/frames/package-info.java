/**
 * Decoded video frames by index: {@link io.keyframe.dataset.frames.FrameSource} with
 * implementations for folders of images, MP4 files (H.264 through JCodec), DICOM ({@code
 * frames.dicom}) and NIfTI-1 ({@code frames.nifti}), all with frame-accurate random access; each
 * extends {@link io.keyframe.dataset.frames.CheckedFrameSource}, which checks a frame index once
 * for all of them. See {@code dataset/FRAMES.md} for the decoder choice.
 */
package io.keyframe.dataset.frames;
