/**
 * COCO-style JSON: COCO instances (images of any sizes, polygon and RLE segmentations, crowd
 * regions), COCO-VID (mmtracking's videos / frame ids / instance ids), YouTube-VIS (per-track lists
 * with nulls) and SA-V masklets, with RLE masks in both the compressed-string and the plain counts
 * form. Read with Jackson's streaming {@code JsonParser}, never as a tree ({@code CocoJsonStream}
 * keeps the fields keyframe uses, one reader per dialect builds the sets); written with {@code
 * JsonGenerator}, one image/annotation per line, atomically. The file's own ids, names, sizes,
 * crowd flags, polygons and areas come back on a same-format write ({@code SourceLayout}, {@code
 * SourceFields}). keyframe's own fields (video, provenance, flags, class probabilities) live under
 * {@code info.keyframe} and {@code attributes}, which other tools ignore.
 */
package io.keyframe.dataset.coco;
