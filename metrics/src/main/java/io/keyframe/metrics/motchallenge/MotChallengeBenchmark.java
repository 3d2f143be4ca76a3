package io.keyframe.metrics.motchallenge;

import java.util.List;
import java.util.Locale;

/**
 * Which MOTChallenge benchmark's rules apply. TrackEval never preprocesses MOT15 beyond dropping
 * zero-marked ground truth (MOT15 has no classes); MOT20 adds {@code non_mot_vehicle} to the
 * distractor classes.
 */
public enum MotChallengeBenchmark {
  MOT15,
  MOT16,
  MOT17,
  MOT20;

  /** Distractor class ids: predictions matched to these are removed before scoring. */
  public List<Integer> distractors() {
    // person_on_vehicle, static_person, distractor, reflection (+ non_mot_vehicle on MOT20)
    return this == MOT20
        ? List.of(2, 7, 8, 12, 6)
        : this == MOT15 ? List.of() : List.of(2, 7, 8, 12);
  }

  /** {@code mot15}, {@code MOT17}, ... */
  public static MotChallengeBenchmark parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown MOTChallenge benchmark '" + s + "' (MOT15, MOT16, MOT17 or MOT20)");
    }
  }

  /**
   * The benchmark a sequence belongs to: MOT20 or MOT16 by its name's prefix, MOT15 when the ground
   * truth has no MOTChallenge classes (2D MOT 2015 files), MOT17 otherwise (MOT16 and MOT17 share
   * their rules).
   */
  public static MotChallengeBenchmark guess(String sequence, boolean hasClasses) {
    String s = sequence.toUpperCase(Locale.ROOT);
    if (!hasClasses) return MOT15;
    if (s.startsWith("MOT20")) return MOT20;
    if (s.startsWith("MOT16")) return MOT16;
    return MOT17;
  }
}
