package io.keyframe.dataset.coco;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.PolygonMask;
import io.keyframe.dataset.SourceLayout;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** COCO (images): one set, frames by {@code frame_id} where every image has one. */
class CocoImagesReader extends CocoDialectReader {
  CocoImagesReader(CocoJsonStream in, Consumer<String> warnings) {
    super(in, warnings);
  }

  @Override
  List<AnnotationSet> sets() {
    if (!in.sawImages && in.annotations.isEmpty())
      throw bad(-1, "images", "read as COCO but the file has no 'images' or 'annotations' key");
    return List.of(imageSet(in.images, in.annotations, null, -1));
  }

  /**
   * One set from images and their annotations. Frames are {@code frame_id} when every image has
   * one, else the rank of the image id. Each image keeps its id, file name and size; masks and
   * polygons are checked against and rasterised on their own image's size.
   */
  AnnotationSet imageSet(
      List<Map<String, Object>> imgs, List<RawAnnotation> anns, String videoName, long videoId) {
    boolean hasFrameIds =
        !imgs.isEmpty() && imgs.stream().allMatch(i -> i.get("frame_id") instanceof Long);
    TreeMap<Long, Map<String, Object>> byId = new TreeMap<>();
    for (Map<String, Object> img : imgs) {
      long line = (Long) img.get("@line");
      long id = longField(img, "id", line, -1);
      if (byId.put(id, img) != null) throw bad(line, "id", "image id " + id + " appears twice");
    }
    Map<Long, FrameImage> imageOf = new HashMap<>();
    TreeMap<Integer, FrameImage> frames = new TreeMap<>();
    int rank = 0;
    for (var e : byId.entrySet()) {
      long line = (Long) e.getValue().get("@line");
      int f = hasFrameIds ? (int) longField(e.getValue(), "frame_id", line, -1) : rank;
      if (f < 0) throw bad(line, "frame_id", "negative frame id " + f);
      int w = (int) longField(e.getValue(), "width", line, f),
          h = (int) longField(e.getValue(), "height", line, f);
      if (w <= 0 || h <= 0)
        throw bad(line, f, "width", "image size must be positive, got " + w + "x" + h);
      Object name = e.getValue().get("file_name");
      FrameImage fi = new FrameImage(f, e.getKey(), name instanceof String sn ? sn : "", w, h);
      if (frames.put(f, fi) != null) throw bad(line, f, "frame_id", "two images have frame " + f);
      imageOf.put(e.getKey(), fi);
      rank++;
    }
    int w = -1, h = -1;
    if (!frames.isEmpty()) {
      w = frames.firstEntry().getValue().width();
      h = frames.firstEntry().getValue().height();
    }
    int maxFrame = frames.isEmpty() ? -1 : frames.lastKey();
    Video video = video(w, h, frames.isEmpty() ? -1 : Math.max(frames.size(), maxFrame + 1));
    if (videoName != null && in.kfVideo == null) video = rename(video, videoName);
    List<Detection> out = new ArrayList<>(anns.size());
    Set<Long> seen = new HashSet<>();
    for (RawAnnotation a : anns) {
      long line = a.line;
      long imageId = required(a.imageId, line, -1, "image_id");
      FrameImage img = imageOf.get(imageId);
      if (img == null) throw bad(line, "image_id", "unknown image id " + imageId);
      int frame = img.frame();
      String label = label(a, line, frame);
      int track = Detection.UNTRACKED;
      if (a.track != null) {
        if (!(a.track instanceof Long l) || l < 0 || l > Integer.MAX_VALUE)
          throw bad(
              line, frame, "track_id", "track id must be a non-negative integer, got " + a.track);
        track = (int) (long) l;
        if (!seen.add(((long) frame << 32) | track))
          throw bad(line, frame, "track_id", "track " + track + " appears twice in frame " + frame);
      }
      Mask mask = a.segmentation;
      checkMaskSize(mask, img.width(), img.height(), line, frame, "segmentation.size");
      if (mask == null && a.polygons != null)
        mask = PolygonMask.of(a.polygons, img.height(), img.width());
      Box box =
          Boolean.TRUE.equals(a.attributes.get("box_from_mask")) && mask != null
              ? null
              : box(a.bbox, line, frame, "bbox");
      if (box == null && mask == null)
        throw bad(line, frame, "bbox", "annotation has neither a bbox nor a segmentation");
      Map<String, Object> attr = a.attributes;
      if ((a.occluded != null && !attr.containsKey("occluded"))
          || (a.visibility != null && !attr.containsKey("visibility"))) {
        attr = new HashMap<>(attr);
        if (a.occluded != null) attr.putIfAbsent("occluded", a.occluded);
        if (a.visibility != null) attr.putIfAbsent("visibility", a.visibility);
      }
      Detection d = detection(frame, track, label, box, mask, a.score, attr, line);
      out.add(d.withSource(source(a.id, a.crowd, a.polygons, a.area, d, line, frame)));
    }
    out = defaultIds(out);
    List<FrameImage> images = new ArrayList<>(frames.values());
    if (isDefaultImages(images, video)) images = List.of();
    SourceLayout layout =
        new SourceLayout(images, SourceLayout.unlessDefault(in.categoryList), videoId, 0, 1, "");
    sizesNote(layout, video);
    return new AnnotationSet(
        video, provenance(), new ArrayList<>(in.categories.values()), out, layout);
  }

  /**
   * Images of several sizes are normal (COCO val2017); said once, since the video shows only the
   * first's.
   */
  private void sizesNote(SourceLayout layout, Video video) {
    if (layout.uniformSize()) return;
    long n = layout.images().stream().map(i -> i.width() + "x" + i.height()).distinct().count();
    warnings.accept(
        "images differ in size ("
            + n
            + " sizes); each mask is kept at its own image's size, the video size "
            + video.width()
            + "x"
            + video.height()
            + " is the first image's");
  }

  /**
   * What keyframe's COCO writer would have written on its own: ids frame + 1, frame_%06d.jpg, the
   * video's size.
   */
  private static boolean isDefaultImages(List<FrameImage> images, Video video) {
    if (images.size() != video.frameCount()) return false;
    for (int f = 0; f < images.size(); f++) {
      FrameImage i = images.get(f);
      if (i.frame() != f
          || i.id() != f + 1
          || !i.fileName().equals(CocoJsonWriter.fileName(f))
          || i.width() != video.width()
          || i.height() != video.height()) return false;
    }
    return true;
  }
}
