package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrozenArray;
import java.util.Arrays;
import java.util.Map;

/**
 * A detection's class probabilities, validated and sorted descending. Partial maps (top-k) are
 * renormalised to sum 1 so that entropy, margin and least confidence compare like with like.
 *
 * @param sorted the probabilities, most likely first
 */
record Posterior(FrozenArray.OfDouble sorted) {
  static Posterior of(Detection d) {
    Map<String, Double> probs = d.classProbabilities();
    double[] p = new double[probs.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : probs.entrySet()) {
      double v = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(v >= 0 && v <= 1))
        throw MostUncertainDetection.badValue(
            d,
            "probability of class '" + e.getKey() + "'",
            "is not in [0,1]: " + v + "; export calibrated probabilities (softmax output)");
      p[i++] = v;
    }
    // Sum in sorted order, not the map's: an immutable map's iteration order changes from JVM to
    // JVM,
    // and a different summation order changes the last bit of every signal (re-runs must be
    // identical).
    Arrays.sort(p);
    double sum = 0;
    for (double v : p) sum += v;
    if (!(sum > 0)) throw MostUncertainDetection.badValue(d, "class probabilities", "sum to 0");
    for (int k = 0; k < p.length; k++) p[k] /= sum;
    for (int a = 0, b = p.length - 1; a < b; a++, b--) {
      double t = p[a];
      p[a] = p[b];
      p[b] = t;
    }
    return new Posterior(new FrozenArray.OfDouble(p));
  }

  double top1() {
    return sorted.get(0);
  }

  double top2() {
    return sorted.length() > 1 ? sorted.get(1) : 0;
  }

  double entropy() {
    double h = 0;
    for (int i = 0; i < sorted.length(); i++) {
      double v = sorted.get(i);
      if (v > 0) h -= v * Math.log(v);
    }
    return h;
  }

  /** Shared applicability check of the three posterior-based signals. */
  static java.util.Optional<String> missing(VideoEvidence e) {
    if (e.predictions() == null) return MissingInput.predictions(e);
    boolean any =
        e.predictions().detections().stream().anyMatch(d -> !d.classProbabilities().isEmpty());
    return MissingInput.when(
        !any && !e.predictions().detections().isEmpty(),
        "the model predictions carry no class probabilities; export per-class probabilities or set this signal's weight to 0");
  }
}
