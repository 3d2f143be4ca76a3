package io.keyframe.report.data;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.contract.OutputTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/** Detection rows grouped by video and frame, for drawing one frame's boxes. */
public final class DetectionIndex {
  private final Map<String, Map<Integer, List<FrameBox>>> byVideoFrame = new HashMap<>();
  private final Map<String, int[]> extent = new HashMap<>();
  private final Map<String, Integer> lastFrame = new HashMap<>();

  /**
   * One box drawn on a frame thumbnail.
   *
   * @param source model, tracker or annotator name
   * @param trackId object id ({@code -1} untracked)
   * @param label class
   * @param box geometry in pixels
   * @param keyframe whether a person drew or confirmed it (a tracker's re-initialisation frame)
   */
  public record FrameBox(String source, int trackId, String label, Box box, boolean keyframe) {}

  private final Map<String, VideoInfo> videos;

  DetectionIndex(Table detections, Map<String, VideoInfo> videos) {
    this.videos = videos;
    for (int r = 0; r < detections.rowCount(); r++) {
      lastFrame.merge(
          detections.stringColumn(OutputTables.VIDEO_ID).get(r),
          detections.intColumn("frame").getInt(r),
          Math::max);
      double w = detections.doubleColumn("w").get(r);
      double h = detections.doubleColumn("h").get(r);
      if (!(w > 0 && h > 0) || detections.booleanColumn("outside").get(r) == Boolean.TRUE) {
        continue;
      }
      double x = detections.doubleColumn("x").get(r);
      double y = detections.doubleColumn("y").get(r);
      String video =
          detections.stringColumn(io.keyframe.dataset.contract.OutputTables.VIDEO_ID).get(r);
      int frame = detections.intColumn("frame").getInt(r);
      byVideoFrame
          .computeIfAbsent(video, v -> new HashMap<>())
          .computeIfAbsent(frame, f -> new ArrayList<>())
          .add(
              new FrameBox(
                  detections.stringColumn("source").get(r),
                  detections.intColumn("track_id").getInt(r),
                  detections.stringColumn("label").get(r),
                  new Box(x, y, w, h),
                  detections.booleanColumn("keyframe").get(r) == Boolean.TRUE));
      int[] e = extent.computeIfAbsent(video, v -> new int[2]);
      Integer mw = detections.intColumn("mask_w").get(r);
      Integer mh = detections.intColumn("mask_h").get(r);
      e[0] = Math.max(e[0], mw != null ? mw : (int) Math.ceil(x + w));
      e[1] = Math.max(e[1], mh != null ? mh : (int) Math.ceil(y + h));
    }
  }

  /** Boxes on one frame of one video (empty if none). */
  public List<FrameBox> boxes(String video, int frame) {
    return byVideoFrame.getOrDefault(video, Map.of()).getOrDefault(frame, List.of());
  }

  /** The last frame any detection row of {@code video} names; -1 for an unknown video. */
  public int lastFrame(String video) {
    return lastFrame.getOrDefault(video, -1);
  }

  /** Known videos. */
  public boolean hasVideo(String video) {
    return byVideoFrame.containsKey(video) || videos.containsKey(video);
  }

  /** Sources with boxes on one frame, sorted. */
  public List<String> sources(String video, int frame) {
    return boxes(video, frame).stream().map(FrameBox::source).distinct().sorted().toList();
  }

  /**
   * Every source with boxes anywhere in the video, sorted (so colours stay the same on every
   * frame).
   */
  public List<String> sources(String video) {
    return byVideoFrame.getOrDefault(video, Map.of()).values().stream()
        .flatMap(List::stream)
        .map(FrameBox::source)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * True when the size comes from the {@code videos} table, false when {@link #frameSize} had to
   * guess it.
   */
  public boolean knowsSize(String video) {
    return videos.containsKey(video);
  }

  /**
   * Frame size to draw on: the video's true size from the {@code videos} table; for outputs written
   * before that table existed, the mask size when masks exist, else the boxes' extent rounded up to
   * a common video size, so thumbnails of one video share a scale.
   */
  public int[] frameSize(String video) {
    VideoInfo v = videos.get(video);
    if (v != null) {
      return new int[] {v.width(), v.height()};
    }
    int[] e = extent.getOrDefault(video, new int[] {0, 0});
    int[][] common = {{640, 480}, {1280, 720}, {1920, 1080}, {3840, 2160}};
    for (int[] c : common) {
      if (e[0] <= c[0] && e[1] <= c[1]) {
        return c.clone();
      }
    }
    return new int[] {e[0], e[1]};
  }
}
