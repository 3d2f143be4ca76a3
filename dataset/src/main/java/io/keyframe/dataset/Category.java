package io.keyframe.dataset;

import java.util.Objects;

/**
 * A class as an annotation file numbers it (COCO {@code categories[]}): its id, name and
 * supercategory.
 */
public record Category(long id, String name, String supercategory) {
  public Category {
    Objects.requireNonNull(name, "name");
    supercategory = supercategory == null ? "" : supercategory;
  }
}
