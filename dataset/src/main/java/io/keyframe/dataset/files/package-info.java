/**
 * Annotation files whatever their format: detect the format (MOTChallenge, CVAT video, COCO /
 * YouTube-VIS, SA-V), read, summarise and write. Kept out of the root package so that the domain
 * records do not depend on the format packages that depend on them.
 */
package io.keyframe.dataset.files;
