package io.keyframe.report.data;

import io.keyframe.dataset.Box;
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
   */
  public record FrameBox(String source, int trackId, String label, Box box) {}

  DetectionIndex(Table detections) {
    for (int r = 0; r < detections.rowCount(); r++) {
      lastFrame.merge(detections.stringColumn(ParquetContract.VIDEO_ID).get(r), detections.intColumn("frame").getInt(r), Math::max);
      double w = detections.doubleColumn("w").get(r);
      double h = detections.doubleColumn("h").get(r);
      if (!(w > 0 && h > 0) || detections.booleanColumn("outside").get(r) == Boolean.TRUE) {
        continue;
      }
      double x = detections.doubleColumn("x").get(r);
      double y = detections.doubleColumn("y").get(r);
      String video = detections.stringColumn(ParquetContract.VIDEO_ID).get(r);
      int frame = detections.intColumn("frame").getInt(r);
      byVideoFrame.computeIfAbsent(video, v -> new HashMap<>())
          .computeIfAbsent(frame, f -> new ArrayList<>())
          .add(new FrameBox(detections.stringColumn("source").get(r), detections.intColumn("track_id").getInt(r),
              detections.stringColumn("label").get(r), new Box(x, y, w, h)));
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
    return byVideoFrame.containsKey(video);
  }

  /**
   * Frame size to draw on: the mask size when masks exist, else the boxes' extent rounded up to a
   * common video size, so thumbnails of one video share a scale.
   */
  public int[] frameSize(String video) {
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
