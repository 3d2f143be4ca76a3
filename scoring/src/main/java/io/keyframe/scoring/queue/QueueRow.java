package io.keyframe.scoring.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the expert queue: a frame or a span of adjacent frames of one video, its score, cost
 * and why it is there. Mirrors the {@code queue} table of the Parquet contract.
 *
 * @param rank 1-based position in the queue
 * @param videoId the video's ID as given (pseudonymise before writing shared tables)
 * @param frameStart first frame (0-based, inclusive)
 * @param frameEnd last frame (inclusive)
 * @param score combined score in [0,1] (the span's best frame)
 * @param costMinutes expert minutes for the span
 * @param cumulativeMinutes minutes for this row and every row ranked above it
 * @param reasons top signals and their normalised values, largest weighted contribution first
 * @param objects the objects behind the signals: each track ID with its class in the source whose
 *     numbering it belongs to (IDs of different sources are different objects)
 */
public record QueueRow(
    int rank,
    String videoId,
    int frameStart,
    int frameEnd,
    double score,
    double costMinutes,
    double cumulativeMinutes,
    List<Reason> reasons,
    List<QueueObject> objects) {
  /** One signal behind a row and its normalised value in [0,1]. */
  public record Reason(String signal, double value) implements java.io.Serializable {
    public Reason {
      Objects.requireNonNull(signal, "signal");
    }

    /** {@code entropy=0.91}. */
    public String text() {
      return String.format(Locale.ROOT, "%s=%.2f", signal, value);
    }
  }

  /**
   * One object of a row: track {@code id} shown as {@code label} by {@code source} on the row's
   * frames.
   */
  public record QueueObject(int id, String label, String source) implements java.io.Serializable {
    public QueueObject {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(source, "source");
    }
  }

  public QueueRow {
    if (rank < 1) throw new IllegalArgumentException("rank must be >= 1: " + rank);
    Objects.requireNonNull(videoId, "videoId");
    if (frameStart < 0 || frameEnd < frameStart)
      throw new IllegalArgumentException("bad span " + frameStart + ".." + frameEnd);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    objects = objects == null ? List.of() : List.copyOf(objects);
  }

  /** Number of frames in the row. */
  public int frames() {
    return frameEnd - frameStart + 1;
  }

  /** The reasons as one line, {@code entropy=0.91; occlusion=1.00}. */
  public String reasonsText() {
    List<String> parts = new ArrayList<>();
    for (Reason r : reasons) parts.add(r.text());
    return String.join("; ", parts);
  }

  /** A copy with another video ID (pseudonymised exports). */
  public QueueRow withVideoId(String id) {
    return new QueueRow(
        rank, id, frameStart, frameEnd, score, costMinutes, cumulativeMinutes, reasons, objects);
  }
}
