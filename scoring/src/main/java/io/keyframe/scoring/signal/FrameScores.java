package io.keyframe.scoring.signal;

import java.util.Arrays;
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
public record FrameScores(double[] values, Map<Integer, Set<Integer>> objects) {
  public FrameScores {
    values = values.clone();
    for (int f = 0; f < values.length; f++)
      if (!(values[f] >= 0) || !Double.isFinite(values[f]))
        throw new IllegalArgumentException(
            "signal value at frame " + f + " is not finite and >= 0: " + values[f]);
    TreeMap<Integer, Set<Integer>> copy = new TreeMap<>();
    objects.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    objects = Collections.unmodifiableMap(copy);
  }

  /** Value of one frame. */
  public double value(int frame) {
    return values[frame];
  }

  /** Number of frames. */
  public int frameCount() {
    return values.length;
  }

  /** Largest value over all frames (0 for an empty video). */
  public double max() {
    return Arrays.stream(values).max().orElse(0);
  }

  /** Track IDs behind the value of {@code frame}. */
  public Set<Integer> objectsAt(int frame) {
    return objects.getOrDefault(frame, Set.of());
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrameScores s
        && Arrays.equals(values, s.values)
        && objects.equals(s.objects);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + objects.hashCode();
  }

  @Override
  public String toString() {
    return "FrameScores" + Arrays.toString(values);
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
      return new FrameScores(values, objects);
    }
  }
}
