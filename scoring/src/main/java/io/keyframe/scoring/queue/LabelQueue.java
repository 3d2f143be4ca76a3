package io.keyframe.scoring.queue;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.signal.Diversity;
import io.keyframe.scoring.signal.FrameScores;
import io.keyframe.scoring.signal.Signal;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Ranks a batch's frames for expert review: scores every signal, normalises each by its batch
 * maximum, combines them with {@link SignalWeights}, takes frames best-first within the {@link
 * Budget} (deferring near-duplicates of frames already taken), merges adjacent frames into spans,
 * and explains every row.
 *
 * <p>Three steps, so that the heavy one can run apart from the batch: {@link #scoreVideo} reads one
 * video's detections and keeps a small {@link VideoScores} (run it where the detections are);
 * {@link #combine} normalises and weights the whole batch's summaries; {@link #select} takes frames
 * within the budget and explains them. {@link #rank} does all three in one process.
 */
public final class LabelQueue {
  private LabelQueue() {}

  /** {@link #rank(List, QueueOptions, ProgressListener)} without progress. */
  public static RankedQueue rank(List<VideoEvidence> batch, QueueOptions options) {
    return rank(batch, options, ProgressListener.NONE);
  }

  /**
   * Builds the queue.
   *
   * @throws IllegalArgumentException for an empty batch, a budget beyond the data, or when no
   *     weighted signal can run on the inputs (the message says what to supply)
   */
  public static RankedQueue rank(
      List<VideoEvidence> batch, QueueOptions options, ProgressListener progress) {
    BatchScores scores = score(batch, options.weights(), progress);
    return select(scores, options);
  }

  /**
   * Scores and normalises every weighted signal over the batch: {@link #scoreVideo} on each video,
   * then {@link #combine}.
   *
   * @throws IllegalArgumentException as {@link #combine}
   */
  public static BatchScores score(
      List<VideoEvidence> batch, SignalWeights weights, ProgressListener progress) {
    requireFrames(
        batch == null ? 0 : batch.size(),
        batch == null ? 0 : batch.stream().mapToLong(VideoEvidence::frameCount).sum());
    List<VideoScores> videos = new ArrayList<>();
    for (VideoEvidence e : batch) {
      videos.add(scoreVideo(e, weights));
      progress.progress("score", videos.size(), batch.size());
    }
    return combine(videos, weights);
  }

  /**
   * One video's raw signals and everything else the queue reads of it, from that video alone: the
   * step that can run wherever the video's detections are (a Spark executor). Only signals with a
   * positive weight are scored; those that cannot run on the video are named with the reason.
   */
  public static VideoScores scoreVideo(VideoEvidence e, SignalWeights weights) {
    Map<String, FrameScores> signals = new LinkedHashMap<>();
    Map<String, String> inapplicable = new LinkedHashMap<>();
    for (Signal s : SignalWeights.SIGNALS) {
      if (weights.of(s.name()) <= 0) continue;
      Optional<String> no = s.inapplicable(e);
      if (no.isPresent()) inapplicable.put(s.name(), no.get());
      else signals.put(s.name(), s.score(e));
    }
    return new VideoScores(
        e.video().id(),
        e.frameCount(),
        signals,
        inapplicable,
        objects(e),
        Diversity.embeddings(e),
        TrackLabels.of(e));
  }

  /**
   * The batch step: normalises each signal by its maximum over all {@code videos} and combines them
   * with {@code weights} (those the videos were scored with).
   *
   * @param videos every video of the batch, in the order the queue breaks ties by
   * @throws IllegalArgumentException for an empty batch, or when no weighted signal ran on any
   *     video (the message says what to supply)
   */
  public static BatchScores combine(List<VideoScores> videos, SignalWeights weights) {
    requireFrames(
        videos == null ? 0 : videos.size(),
        videos == null ? 0 : videos.stream().mapToLong(VideoScores::frameCount).sum());
    Map<String, Integer> skipped = new LinkedHashMap<>();
    Map<String, String> why = new HashMap<>();
    Map<String, Double> maxima = new HashMap<>();
    List<ScoredVideo> unscored = new ArrayList<>();
    for (VideoScores v : videos) {
      v.inapplicable()
          .forEach(
              (name, reason) -> {
                skipped.merge(name, 1, Integer::sum);
                why.putIfAbsent(name, reason);
              });
      v.signals().forEach((name, fs) -> maxima.merge(name, fs.max(), Math::max));
      unscored.add(new ScoredVideo(v, new double[v.frameCount()]));
    }
    if (unscored.stream().allMatch(v -> v.signals().isEmpty())) {
      StringBuilder m = new StringBuilder("no weighted signal can run on these inputs:");
      why.forEach((k, v) -> m.append("\n  ").append(k).append(": ").append(v));
      throw new IllegalArgumentException(m.toString());
    }
    List<String> notes = new ArrayList<>();
    skipped.forEach(
        (k, n) ->
            notes.add(
                k + " not used for " + n + " of " + videos.size() + " videos: " + why.get(k)));
    // Normalising reads only the maxima, so the raw batch gives every frame's combined score.
    BatchScores raw = new BatchScores(unscored, maxima, weights, notes);
    List<ScoredVideo> scored = new ArrayList<>();
    for (ScoredVideo v : raw.videos()) {
      double total = 0;
      for (String s : v.signals().keySet()) total += weights.of(s);
      double[] combined = new double[v.frameCount()];
      for (int f = 0; f < v.frameCount(); f++) {
        double c = 0;
        for (String s : v.signals().keySet()) c += weights.of(s) * raw.normalised(v, s, f);
        combined[f] = total > 0 ? c / total : 0;
      }
      scored.add(new ScoredVideo(v.scores(), combined));
    }
    return new BatchScores(scored, raw.maxima(), weights, raw.notes());
  }

  private static void requireFrames(int videos, long frames) {
    if (videos == 0)
      throw new IllegalArgumentException(
          "empty batch: no videos to rank; pass at least one --pred or --labels file");
    if (frames == 0)
      throw new IllegalArgumentException(
          "empty batch: the videos have no frames and no detections to rank");
  }

  /** Picks frames within the budget and turns them into ranked, explained rows. */
  public static RankedQueue select(BatchScores scores, QueueOptions options) {
    List<ScoredVideo> videos = scores.videos();
    int total = scores.frameCount();
    double allMinutes = 0;
    for (ScoredVideo v : videos)
      for (int f = 0; f < v.frameCount(); f++) allMinutes += options.cost().frame(v.objects(f));
    Budget budget = options.budget();
    if (budget.inMinutes() && budget.minutes() > allMinutes + 1e-9)
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "budget of %.1f expert-minutes exceeds the %.1f minutes needed to review all %d frames; lower the budget or review every frame",
              budget.minutes(),
              allMinutes,
              total));
    int frameLimit = budget.inMinutes() ? Integer.MAX_VALUE : budget.frames(total);
    double minuteLimit = budget.inMinutes() ? budget.minutes() : Double.POSITIVE_INFINITY;

    List<int[]> candidates = new ArrayList<>();
    for (int vi = 0; vi < videos.size(); vi++)
      for (int f = 0; f < videos.get(vi).frameCount(); f++)
        if (videos.get(vi).combined(f) > 0) candidates.add(new int[] {vi, f});
    candidates.sort(
        Comparator.<int[]>comparingDouble(c -> -videos.get(c[0]).combined(c[1]))
            .thenComparingInt(c -> c[0])
            .thenComparingInt(c -> c[1]));

    List<TreeSet<Integer>> chosen = new ArrayList<>();
    for (int i = 0; i < videos.size(); i++) chosen.add(new TreeSet<>());
    List<int[]> deferred = new ArrayList<>();
    int frames = 0;
    double minutes = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int[] c : pass == 0 ? candidates : deferred) {
        if (frames >= frameLimit) break;
        ScoredVideo v = videos.get(c[0]);
        TreeSet<Integer> mine = chosen.get(c[0]);
        if (pass == 0 && nearDuplicate(v, mine, c[1], options)) {
          deferred.add(c);
          continue;
        }
        double cost = options.cost().frame(v.objects(c[1]));
        if (minutes + cost > minuteLimit + 1e-9) continue;
        mine.add(c[1]);
        frames++;
        minutes += cost;
      }
    }
    List<String> notes = new ArrayList<>(scores.notes());
    if (!budget.inMinutes() && frames < frameLimit)
      notes.add(
          "only "
              + frames
              + " of the "
              + frameLimit
              + " budgeted frames show any signal; the rest were left out");
    return new RankedQueue(rows(scores, chosen, options), scores, frames, minutes, notes);
  }

  private static boolean nearDuplicate(
      ScoredVideo v, TreeSet<Integer> chosen, int f, QueueOptions o) {
    if (chosen.contains(f - 1) || chosen.contains(f + 1)) return false; // extends a span instead
    for (int g : chosen.subSet(f - o.dedupWindow(), true, f + o.dedupWindow(), true))
      if (v.embeddingDistance(f, g) <= o.dedupRadius()) return true;
    return false;
  }

  private record Span(int video, int start, int end, double score) {}

  private static List<QueueRow> rows(
      BatchScores scores, List<TreeSet<Integer>> chosen, QueueOptions o) {
    List<Span> spans = new ArrayList<>();
    for (int vi = 0; vi < chosen.size(); vi++) {
      double[] c = scores.videos().get(vi).combined();
      int start = -1, prev = -2;
      double best = 0;
      for (int f : chosen.get(vi)) {
        if (f != prev + 1) {
          if (start >= 0) spans.add(new Span(vi, start, prev, best));
          start = f;
          best = 0;
        }
        best = Math.max(best, c[f]);
        prev = f;
      }
      if (start >= 0) spans.add(new Span(vi, start, prev, best));
    }
    spans.sort(
        Comparator.comparingDouble((Span s) -> -s.score())
            .thenComparingInt(Span::video)
            .thenComparingInt(Span::start));
    List<QueueRow> rows = new ArrayList<>();
    double cumulative = 0;
    for (Span s : spans) {
      ScoredVideo v = scores.videos().get(s.video());
      double cost = 0;
      for (int f = s.start(); f <= s.end(); f++) cost += o.cost().frame(v.objects(f));
      cumulative += cost;
      TreeSet<Integer> ids = new TreeSet<>();
      for (FrameScores fs : v.signals().values())
        for (int f = s.start(); f <= s.end(); f++) if (fs.value(f) > 0) ids.addAll(fs.objectsAt(f));
      rows.add(
          new QueueRow(
              rows.size() + 1,
              v.videoId(),
              s.start(),
              s.end(),
              s.score(),
              cost,
              cumulative,
              reasons(scores, v, s, o.topReasons()),
              v.scores().labels().objects(s.start(), s.end(), ids)));
    }
    return rows;
  }

  private static List<QueueRow.Reason> reasons(BatchScores scores, ScoredVideo v, Span s, int top) {
    record Part(String name, double value, double contribution) {}
    List<Part> parts = new ArrayList<>();
    for (String name : v.signals().keySet()) {
      double best = 0;
      for (int f = s.start(); f <= s.end(); f++)
        best = Math.max(best, scores.normalised(v, name, f));
      if (best > 0) parts.add(new Part(name, best, best * scores.weights().of(name)));
    }
    parts.sort(Comparator.comparingDouble((Part p) -> -p.contribution()).thenComparing(Part::name));
    List<QueueRow.Reason> out = new ArrayList<>();
    for (Part p : parts.subList(0, Math.min(top, parts.size())))
      out.add(new QueueRow.Reason(p.name(), p.value()));
    return out;
  }

  /** Objects per frame: the most any single source shows. */
  private static int[] objects(VideoEvidence e) {
    int[] n = new int[e.frameCount()];
    for (AnnotationSet s : e.sets()) {
      int[] mine = new int[n.length];
      for (Detection d : s.detections())
        if (d.frame() < n.length && !d.outside()) mine[d.frame()]++;
      for (int f = 0; f < n.length; f++) n[f] = Math.max(n[f], mine[f]);
    }
    return n;
  }
}
