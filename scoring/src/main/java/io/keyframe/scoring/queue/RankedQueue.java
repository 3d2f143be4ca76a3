package io.keyframe.scoring.queue;

import java.util.List;

/**
 * The expert queue for a batch.
 *
 * @param rows ranked rows (frames and spans)
 * @param scores the batch's signals behind the ranking
 * @param framesSelected frames in all rows
 * @param minutes expert minutes for all rows
 * @param notes what the caller should know (skipped signals, budget not filled)
 */
public record RankedQueue(
    List<QueueRow> rows,
    BatchScores scores,
    int framesSelected,
    double minutes,
    List<String> notes) {
  public RankedQueue {
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  /** Every selected frame, row by row. */
  public List<FrameRef> frames() {
    return rows.stream()
        .flatMap(
            r ->
                java.util.stream.IntStream.rangeClosed(r.frameStart(), r.frameEnd())
                    .mapToObj(f -> new FrameRef(r.videoId(), f)))
        .toList();
  }
}
