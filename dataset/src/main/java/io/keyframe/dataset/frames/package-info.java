/**
 * Decoded video frames by index: {@link io.keyframe.dataset.frames.FrameSource} with
 * implementations for folders of images, MP4 files (H.264 through JCodec), DICOM ({@code
 * frames.dicom}) and NIfTI-1 ({@code frames.nifti}), all with frame-accurate random access. See
 * {@code dataset/FRAMES.md} for the decoder choice.
 */
package io.keyframe.dataset.frames;
