package io.keyframe.report.data;

import io.keyframe.dataset.contract.OutputTables;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Row order of the pages' per-video tables: the all-videos rows ({@link OutputTables#ALL}) first,
 * where a reader looks for the headline, then video by video.
 */
public final class VideoOrder {
  private VideoOrder() {}

  /** All-videos rows first, then by video ID; chain further keys with {@code thenComparing}. */
  public static <T> Comparator<T> allVideosFirst(Function<T, String> videoId) {
    return Comparator.comparing((T row) -> !videoId.apply(row).equals(OutputTables.ALL))
        .thenComparing(videoId);
  }
}
