package io.keyframe.scoring.queue;

import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The QA spot-check sample: a random share of frames, stratified by video and class so that every
 * video and every class on it is checked, reproducible from a seed, and (unless asked) disjoint
 * from the expert queue so that QA measures the labels the queue did not already fix.
 *
 * <p>Each frame falls in the stratum of its rarest class (by frames in the batch), or {@code
 * __none__} when empty, so rare classes are not drowned by common ones. Each stratum gets
 * round(rate x size) frames, at least one, so with many small strata the sample can slightly exceed
 * the rate.
 */
public final class SpotCheck {
  /** Stratum label of frames with no objects. */
  public static final String NONE = "__none__";

  private SpotCheck() {}

  /**
   * Draws the sample from the videos' evidence: {@link #sampleClasses} over {@link FrameClasses#of}
   * of each video.
   *
   * @param expertQueue frames already queued for experts (excluded unless {@code allowOverlap})
   * @return sampled frames ordered by video (input order), then frame
   */
  public static List<SpotCheckRow> sample(
      List<VideoEvidence> batch, SpotCheckOptions options, Collection<FrameRef> expertQueue) {
    requireVideos(batch == null ? 0 : batch.size());
    return sampleClasses(batch.stream().map(FrameClasses::of).toList(), options, expertQueue);
  }

  /**
   * Draws the sample from each video's classes per frame alone, which is all the sample reads, so
   * the classes can be gathered per video elsewhere (a Spark executor) and only they brought here.
   *
   * @param batch every video of the batch, in output order
   * @param expertQueue frames already queued for experts (excluded unless {@code allowOverlap})
   * @return sampled frames ordered by video (input order), then frame
   */
  public static List<SpotCheckRow> sampleClasses(
      List<FrameClasses> batch, SpotCheckOptions options, Collection<FrameRef> expertQueue) {
    requireVideos(batch == null ? 0 : batch.size());
    Set<FrameRef> excluded = options.allowOverlap() ? Set.of() : new HashSet<>(expertQueue);
    List<Map<Integer, Set<String>>> classes = new ArrayList<>();
    Map<String, Integer> frequency = new HashMap<>();
    for (FrameClasses c : batch) {
      Map<Integer, Set<String>> perFrame = c.byFrame();
      perFrame.values().forEach(s -> s.forEach(l -> frequency.merge(l, 1, Integer::sum)));
      classes.add(perFrame);
    }
    Map<String, List<SpotCheckRow>> strata = new TreeMap<>();
    for (int vi = 0; vi < batch.size(); vi++) {
      String video = batch.get(vi).videoId();
      for (int f = 0; f < batch.get(vi).frameCount(); f++) {
        if (excluded.contains(new FrameRef(video, f))) continue;
        String label =
            classes.get(vi).getOrDefault(f, Set.of()).stream()
                .min(Comparator.comparingInt((String l) -> frequency.get(l)).thenComparing(l -> l))
                .orElse(NONE);
        String stratum = video + "/" + label;
        strata
            .computeIfAbsent(stratum, k -> new ArrayList<>())
            .add(new SpotCheckRow(video, f, label, stratum));
      }
    }
    if (strata.isEmpty())
      throw new IllegalArgumentException(
          "no frame is left to spot-check: every frame is in the expert queue; allow overlap or shrink the queue");
    List<SpotCheckRow> out = new ArrayList<>();
    for (Map.Entry<String, List<SpotCheckRow>> s : strata.entrySet()) {
      List<SpotCheckRow> rows = new ArrayList<>(s.getValue());
      // String.hashCode is specified, so the per-stratum stream is the same on every JVM.
      Collections.shuffle(rows, new Random(options.seed() * 31 + s.getKey().hashCode()));
      int take = Math.max(1, (int) Math.round(options.rate() * rows.size()));
      out.addAll(rows.subList(0, Math.min(take, rows.size())));
    }
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) order.putIfAbsent(batch.get(i).videoId(), i);
    out.sort(
        Comparator.comparingInt((SpotCheckRow r) -> order.get(r.videoId()))
            .thenComparingInt(SpotCheckRow::frame));
    return List.copyOf(out);
  }

  private static void requireVideos(int videos) {
    if (videos == 0)
      throw new IllegalArgumentException(
          "empty batch: no videos to sample; pass at least one labels file");
  }
}
