/**
 * COCO-style JSON: COCO instances (per-frame images), YouTube-VIS (per-track lists with nulls) and
 * SA-V masklets, with RLE masks in both the compressed-string and the plain counts form. Read with
 * Jackson's streaming {@code JsonParser}, never as a tree; written with {@code JsonGenerator}, one
 * image/annotation per line, atomically. keyframe's own fields (video, provenance, flags, class
 * probabilities) live under {@code info.keyframe} and {@code attributes}, which other tools ignore.
 */
package io.keyframe.dataset.coco;
