/**
 * DICOM Part 10 files as frames: a reader (and writer, for de-identified copies) for exactly the
 * subset keyframe needs, with {@link io.keyframe.dataset.frames.dicom.DicomFrameSource} for
 * multi-frame instances and series folders. No DICOM library is on Maven Central; the subset, the
 * decision and the limits are in {@code dataset/FRAMES.md}.
 */
package io.keyframe.dataset.frames.dicom;
