package io.keyframe.scoring.qa;

import java.util.Objects;

/**
 * A unit of labelling work: a whole video, or an inclusive span of its frames.
 *
 * @param video video ID (pseudonymise before export)
 * @param firstFrame 0-based first frame, or -1 for the whole video
 * @param lastFrame 0-based last frame (inclusive), or -1 for the whole video
 */
public record WorkItem(String video, int firstFrame, int lastFrame)
    implements Comparable<WorkItem> {
  public WorkItem {
    Objects.requireNonNull(video, "video");
    if (video.isBlank()) throw new IllegalArgumentException("work item has a blank video ID");
    boolean whole = firstFrame == -1 && lastFrame == -1;
    if (!whole && (firstFrame < 0 || lastFrame < firstFrame))
      throw new IllegalArgumentException(
          "frame span of "
              + video
              + " must be 0 <= first <= last, or -1/-1 for the whole video: "
              + firstFrame
              + ".."
              + lastFrame);
  }

  /** The whole video. */
  public static WorkItem video(String id) {
    return new WorkItem(id, -1, -1);
  }

  /** Frames {@code first..last} (inclusive) of a video. */
  public static WorkItem span(String id, int first, int last) {
    return new WorkItem(id, first, last);
  }

  /**
   * A video of {@code frames} frames cut into spans of {@code length} frames (the last one shorter
   * when {@code length} does not divide it), so that an overlap share can be met in frames rather
   * than in whole videos.
   */
  public static java.util.List<WorkItem> segments(String video, int frames, int length) {
    if (frames <= 0)
      throw new IllegalArgumentException("video " + video + " has no frames to segment");
    if (length <= 0)
      throw new IllegalArgumentException("segment length must be > 0 frames: " + length);
    java.util.List<WorkItem> out = new java.util.ArrayList<>();
    for (int first = 0; first < frames; first += length)
      out.add(span(video, first, Math.min(frames, first + length) - 1));
    return java.util.List.copyOf(out);
  }

  public boolean wholeVideo() {
    return firstFrame == -1;
  }

  /** Load this item adds: its frame count for a span, 1 for a whole video. */
  public int weight() {
    return wholeVideo() ? 1 : lastFrame - firstFrame + 1;
  }

  /** {@code video} or {@code video@first-last}. */
  public String id() {
    return wholeVideo() ? video : video + "@" + firstFrame + "-" + lastFrame;
  }

  /** True when {@code frame} belongs to this item. */
  public boolean contains(int frame) {
    return wholeVideo() || (frame >= firstFrame && frame <= lastFrame);
  }

  @Override
  public int compareTo(WorkItem o) {
    int c = video.compareTo(o.video);
    if (c != 0) return c;
    c = Integer.compare(firstFrame, o.firstFrame);
    return c != 0 ? c : Integer.compare(lastFrame, o.lastFrame);
  }
}
