package io.keyframe.scoring.signal;

import io.keyframe.dataset.FrozenArray;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A signal's value for every frame of one video plus, per frame, the object (track) IDs that caused
 * it.
 *
 * @param values one non-negative value per frame (index = 0-based frame)
 * @param objects frame -> track IDs behind the value (sparse; absent = none known)
 */
public record FrameScores(FrozenArray.OfDouble values, Map<Integer, Set<Integer>> objects) {
  public FrameScores {
    for (int f = 0; f < values.length(); f++)
      if (!(values.get(f) >= 0) || !Double.isFinite(values.get(f)))
        throw new IllegalArgumentException(
            "signal value at frame " + f + " is not finite and >= 0: " + values.get(f));
    TreeMap<Integer, Set<Integer>> copy = new TreeMap<>();
    objects.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    objects = Collections.unmodifiableMap(copy);
  }

  /** Value of one frame. */
  public double value(int frame) {
    return values.get(frame);
  }

  /** Number of frames. */
  public int frameCount() {
    return values.length();
  }

  /** Largest value over all frames (0 for an empty video). */
  public double max() {
    if (values.length() == 0) return 0;
    double max = values.get(0);
    for (int f = 1; f < values.length(); f++) max = Math.max(max, values.get(f));
    return max;
  }

  /** Track IDs behind the value of {@code frame}. */
  public Set<Integer> objectsAt(int frame) {
    return objects.getOrDefault(frame, Set.of());
  }

  /** Mutable accumulator signals fill in frame order. */
  static final class Builder {
    private final double[] values;
    private final Map<Integer, Set<Integer>> objects = new TreeMap<>();

    Builder(int frames) {
      values = new double[frames];
    }

    Builder add(int frame, double v) {
      if (frame >= 0 && frame < values.length) values[frame] += v;
      return this;
    }

    Builder max(int frame, double v) {
      if (frame >= 0 && frame < values.length) values[frame] = Math.max(values[frame], v);
      return this;
    }

    Builder object(int frame, int trackId) {
      if (frame >= 0 && frame < values.length && trackId >= 0)
        objects.computeIfAbsent(frame, k -> new TreeSet<>()).add(trackId);
      return this;
    }

    /** {@link #object} for each of {@code trackIds}. */
    Builder objects(int frame, Iterable<Integer> trackIds) {
      for (int id : trackIds) object(frame, id);
      return this;
    }

    double get(int frame) {
      return values[frame];
    }

    FrameScores build() {
      return new FrameScores(new FrozenArray.OfDouble(values), objects);
    }
  }
}
