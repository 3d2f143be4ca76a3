package io.keyframe.dataset.coco;

import io.keyframe.dataset.AnnotationSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * COCO-VID (mmtracking, mmdetection video): one set per entry of {@code videos}, frames by {@code
 * frame_id}.
 */
final class CocoVidReader extends CocoImagesReader {
  CocoVidReader(CocoJsonStream in, Consumer<String> warnings) {
    super(in, warnings);
  }

  @Override
  List<AnnotationSet> sets() {
    if (!in.sawVideos) throw bad(-1, "videos", "read as COCO-VID but the file has no 'videos' key");
    if (in.videos.isEmpty()) throw bad(-1, "videos", "COCO-VID file has an empty 'videos' list");
    Map<Long, List<Map<String, Object>>> imagesOf = new LinkedHashMap<>();
    Map<Long, Map<String, Object>> videoById = new LinkedHashMap<>();
    for (Map<String, Object> v : in.videos) {
      long line = (Long) v.get("@line");
      long id = longField(v, "id", line, -1);
      if (videoById.put(id, v) != null) throw bad(line, "id", "video id " + id + " appears twice");
      imagesOf.put(id, new ArrayList<>());
    }
    Map<Long, Long> videoOfImage = new HashMap<>();
    for (Map<String, Object> img : in.images) {
      long line = (Long) img.get("@line");
      long vid = longField(img, "video_id", line, -1);
      List<Map<String, Object>> list = imagesOf.get(vid);
      if (list == null)
        throw bad(
            line, "video_id", "unknown video id " + vid + "; videos are " + videoById.keySet());
      list.add(img);
      videoOfImage.put(longField(img, "id", line, -1), vid);
    }
    Map<Long, List<RawAnnotation>> annsOf = new HashMap<>();
    for (RawAnnotation a : in.annotations) {
      long imageId = required(a.imageId, a.line, -1, "image_id");
      Long vid = videoOfImage.get(imageId);
      if (vid == null) throw bad(a.line, "image_id", "unknown image id " + imageId);
      annsOf.computeIfAbsent(vid, k -> new ArrayList<>()).add(a);
    }
    List<AnnotationSet> out = new ArrayList<>();
    for (var e : videoById.entrySet()) {
      Object name = e.getValue().get("name");
      String videoName =
          name instanceof String sname && !sname.isBlank() ? sname : Long.toString(e.getKey());
      out.add(
          imageSet(
              imagesOf.get(e.getKey()),
              annsOf.getOrDefault(e.getKey(), List.of()),
              videoName,
              e.getKey()));
    }
    return out;
  }
}
