package io.keyframe.dataset;

import java.util.List;

/**
 * What an annotation file said about one annotation beyond keyframe's own fields, kept so that a
 * same-format round trip writes it back: the file's annotation id, COCO's {@code iscrowd}, the
 * polygon outline(s) a mask was rasterised from, and the area the file stated. {@link #NONE} (the
 * usual case) means "derive them", as the writers did before.
 *
 * @param id the file's annotation id, or -1 when keyframe numbers annotations itself
 * @param crowd COCO {@code iscrowd = 1}: a region of many objects (COCO evaluation ignores matches
 *     to it)
 * @param polygons outlines the mask was rasterised from; empty when the mask came as RLE (or there
 *     is none)
 * @param area the area the file stated, or NaN to compute it from the mask or box
 */
public record SourceFields(long id, boolean crowd, List<Polygon> polygons, double area) {
  /** Nothing beyond keyframe's fields. */
  public static final SourceFields NONE = new SourceFields(-1, false, List.of(), Double.NaN);

  public SourceFields {
    if (id < -1) throw new IllegalArgumentException("annotation id is negative: " + id);
    polygons = List.copyOf(polygons);
    if (!(Double.isNaN(area) || area >= 0))
      throw new IllegalArgumentException("area is negative: " + area);
  }

  /** True when this carries nothing. */
  public boolean isNone() {
    return equals(NONE);
  }

  public SourceFields withId(long newId) {
    return new SourceFields(newId, crowd, polygons, area);
  }

  public SourceFields withArea(double newArea) {
    return new SourceFields(id, crowd, polygons, newArea);
  }
}
