/**
 * NIfTI-1 volumes ({@code .nii}, {@code .nii.gz}) as frames: slices along a chosen voxel axis. See
 * {@code dataset/FRAMES.md} for what is read and what is refused.
 */
package io.keyframe.dataset.frames.nifti;
