package io.keyframe.spark.rows;

import io.keyframe.dataset.Video;
import io.keyframe.spark.output.NestedValues;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What a video's frames are, as its {@code videos} row says: size, rate and length ({@link
 * io.keyframe.dataset.contract.OutputTables#VIDEOS}, less the source files). Serializable, unlike
 * {@link Video}, so that it travels to the executors with a job's closure.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frames per second
 * @param frames frame count, 0 when no source said
 */
public record VideoFrames(int width, int height, double fps, int frames) implements Serializable {
  public VideoFrames {
    if (width <= 0 || height <= 0)
      throw new IllegalArgumentException("video size must be positive: " + width + "x" + height);
    Video.checkFps(fps);
    if (frames < 0) throw new IllegalArgumentException("frame count is negative: " + frames);
  }

  /** The frames of {@code v}. */
  public static VideoFrames of(Video v) {
    return new VideoFrames(v.width(), v.height(), v.fps(), v.frameCount());
  }

  /** The frames of a {@code videos} row read with the contract's column names. */
  public static VideoFrames of(Row r) {
    return new VideoFrames(
        r.getInt(r.fieldIndex("width")),
        r.getInt(r.fieldIndex("height")),
        r.getDouble(r.fieldIndex("fps")),
        r.getInt(r.fieldIndex("frames")));
  }

  /**
   * The {@code videos} row of video {@code videoId} ({@code video_id} last), with {@code sources}
   * rows of (source, file, sha256).
   */
  public Row toRow(List<Row> sources, String videoId) {
    return RowFactory.create(width, height, fps, frames, NestedValues.list(sources), videoId);
  }
}
