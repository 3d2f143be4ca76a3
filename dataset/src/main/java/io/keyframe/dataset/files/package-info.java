/**
 * Annotation files whatever their format: detect the format (MOTChallenge, CVAT, COCO, COCO-VID,
 * YouTube-VIS, SA-V), read (one video, or every video of a file), summarise and write; say in one
 * line what a reader skipped and what a writer's format cannot carry ({@code FormatLoss}). Kept out
 * of the root package so that the domain records do not depend on the format packages that depend
 * on them.
 */
package io.keyframe.dataset.files;
