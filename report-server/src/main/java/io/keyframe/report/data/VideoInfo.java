package io.keyframe.report.data;

import io.keyframe.dataset.contract.OutputTables;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.Table;

/**
 * One row of the {@code videos} table: what the frames are, so that pages draw at the true size.
 *
 * @param id video ID (pseudonymised for real data)
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param frames frame count
 */
public record VideoInfo(String id, int width, int height, double fps, int frames) {
  /** The rows of a {@code videos} table, by video ID. */
  static Map<String, VideoInfo> of(Table videos) {
    Map<String, VideoInfo> out = new TreeMap<>();
    for (int r = 0; r < videos.rowCount(); r++) {
      String id = videos.stringColumn(OutputTables.VIDEO_ID).get(r);
      out.put(
          id,
          new VideoInfo(
              id,
              videos.intColumn("width").getInt(r),
              videos.intColumn("height").getInt(r),
              Num.at(videos, "fps", r),
              videos.intColumn("frames").getInt(r)));
    }
    return Collections.unmodifiableMap(out);
  }
}
