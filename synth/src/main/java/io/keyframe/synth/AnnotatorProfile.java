package io.keyframe.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * How a simulated annotator errs. Rates are per track (the chance a track gets that fault at all);
 * every fault actually injected is recorded as an {@link InjectedFault}, and outside recorded
 * faults the annotator copies the ground truth exactly.
 *
 * @param name annotator id used in file names and provenance, e.g. {@code annotator-A}
 * @param jitterRate chance a track gets a span of jittered boxes
 * @param jitterSigma standard deviation of the jitter in pixels (per box coordinate)
 * @param missTrackRate chance a whole track is never labelled
 * @param missSpanRate chance a span of a track is skipped
 * @param wrongClassRate chance a whole track gets a confusable class
 * @param idSwapRate chance that, after an occlusion, the object's ID is swapped with its nearest
 *     neighbour of the same class for the rest of the video
 */
public record AnnotatorProfile(
    String name,
    double jitterRate,
    double jitterSigma,
    double missTrackRate,
    double missSpanRate,
    double wrongClassRate,
    double idSwapRate) {
  public AnnotatorProfile {
    ProfileChecks.fileNameToken("annotator", name);
    ProfileChecks.probabilities(
        name, jitterRate, missTrackRate, missSpanRate, wrongClassRate, idSwapRate);
    if (!(jitterSigma > 0) || !Double.isFinite(jitterSigma))
      throw new IllegalArgumentException("jitterSigma must be > 0: " + jitterSigma);
  }

  /** A careful annotator: rare, small faults. */
  public static AnnotatorProfile careful(String name) {
    return new AnnotatorProfile(name, 0.05, 1.0, 0.0, 0.03, 0.0, 0.05);
  }

  /** A typical annotator. */
  public static AnnotatorProfile typical(String name) {
    return new AnnotatorProfile(name, 0.15, 1.5, 0.02, 0.08, 0.03, 0.2);
  }

  /**
   * The deliberately sloppy annotator: large jitter, skipped tracks and spans, wrong classes,
   * swaps.
   */
  public static AnnotatorProfile sloppy(String name) {
    return new AnnotatorProfile(name, 0.5, 4.0, 0.08, 0.3, 0.12, 0.6);
  }

  /**
   * The default panel of {@code n >= 2} annotators A, B, C, ...: A careful, the last one sloppy,
   * the others typical.
   */
  public static List<AnnotatorProfile> panel(int n) {
    if (n < 2 || n > 26) throw new IllegalArgumentException("annotators must be in [2, 26]: " + n);
    List<AnnotatorProfile> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = "annotator-" + (char) ('A' + i);
      out.add(i == 0 ? careful(name) : i == n - 1 ? sloppy(name) : typical(name));
    }
    return List.copyOf(out);
  }
}
