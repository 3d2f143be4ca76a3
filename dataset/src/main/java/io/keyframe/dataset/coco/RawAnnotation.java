package io.keyframe.dataset.coco;

import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import java.util.List;
import java.util.Map;

/**
 * One annotation as parsed, in primitive fields rather than a map: a long video has tens of
 * thousands of them, all held until categories and images (which may come later) are known.
 */
final class RawAnnotation {
  long line;
  Long id, imageId, videoId, categoryId;
  Object track; // track_id / instance_id as given, checked later
  List<Polygon> polygons; // COCO polygon segmentation, rasterised once the image size is known
  Object crowd, area, occluded, visibility;
  List<Object> areas;
  Object bbox; // double[4] when well-formed, else the raw value for the error message
  Mask segmentation;
  List<Object> segmentations;
  List<Object> bboxes;
  List<Object> frameScores;
  Object score;
  Map<String, Object> attributes = Map.of();
}
