package io.keyframe.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the file a set was read from laid out its images, categories and frames, kept so that writing
 * the same format back keeps image ids, file names, per-image sizes, category ids and CVAT's frame
 * sampling. {@link #DEFAULT} (what keyframe's writers produce on their own) is stored as empty
 * lists.
 *
 * @param images one entry per frame the file listed, in frame order; empty = keyframe's defaults
 *     (id = frame + 1, {@code frame_%06d.jpg}, the video's size)
 * @param categories the file's categories, in label order; empty = ids 1..n in label order
 * @param sourceVideoId the file's numeric video id (YouTube-VIS, COCO-VID), or -1
 * @param frameStart CVAT {@code start_frame}: the first video frame of the task
 * @param frameStep CVAT {@code frame_filter=step=N}: annotated frames are {@code frameStart + k *
 *     frameStep}
 * @param subset the CVAT project subset or task name the set came from, or empty
 */
public record SourceLayout(
    List<FrameImage> images,
    List<Category> categories,
    long sourceVideoId,
    int frameStart,
    int frameStep,
    String subset) {
  public static final SourceLayout DEFAULT = new SourceLayout(List.of(), List.of(), -1, 0, 1, "");

  public SourceLayout {
    images = List.copyOf(images);
    categories = List.copyOf(categories);
    if (frameStart < 0)
      throw new IllegalArgumentException("start frame is negative: " + frameStart);
    if (frameStep < 1) throw new IllegalArgumentException("frame step must be >= 1: " + frameStep);
    Objects.requireNonNull(subset, "subset");
  }

  /** The image of {@code frame}, or null when the file listed none. */
  public FrameImage image(int frame) {
    for (FrameImage i : images) if (i.frame() == frame) return i;
    return null;
  }

  /** Images by frame, for writers that look many up. */
  public Map<Integer, FrameImage> imagesByFrame() {
    Map<Integer, FrameImage> m = new HashMap<>();
    for (FrameImage i : images) m.put(i.frame(), i);
    return m;
  }

  /**
   * The category id of each label: the file's where it said, else one past the largest id so far
   * (for labels the file did not have), so ids never collide.
   */
  public Map<String, Long> categoryIds(List<String> labels) {
    Map<String, Long> ids = new HashMap<>();
    long next = 1;
    for (Category c : categories) next = Math.max(next, c.id() + 1);
    for (Category c : categories) ids.put(c.name(), c.id());
    for (String l : labels) if (!ids.containsKey(l)) ids.put(l, next++);
    return ids;
  }

  /** The supercategory the file gave {@code label}, or empty. */
  public String supercategory(String label) {
    for (Category c : categories) if (c.name().equals(label)) return c.supercategory();
    return "";
  }

  /** Whether every image has the same size. */
  public boolean uniformSize() {
    return images.stream().map(i -> i.width() + "x" + i.height()).distinct().count() <= 1;
  }

  public SourceLayout withImages(List<FrameImage> newImages) {
    return new SourceLayout(newImages, categories, sourceVideoId, frameStart, frameStep, subset);
  }

  public SourceLayout withCategories(List<Category> newCategories) {
    return new SourceLayout(images, newCategories, sourceVideoId, frameStart, frameStep, subset);
  }

  /**
   * Categories that are exactly keyframe's default (ids 1..n in label order, no supercategory) are
   * dropped.
   */
  public static List<Category> unlessDefault(List<Category> categories) {
    List<Category> c = new ArrayList<>(categories);
    for (int i = 0; i < c.size(); i++)
      if (c.get(i).id() != i + 1 || !c.get(i).supercategory().isEmpty()) return c;
    return List.of();
  }
}
