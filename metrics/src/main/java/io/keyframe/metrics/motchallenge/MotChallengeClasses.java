package io.keyframe.metrics.motchallenge;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Locale;

/**
 * The MOTChallenge class ids (MOT16/17/20 ground truth, column 8): 1 pedestrian ... 13 crowd, as
 * TrackEval's {@code class_name_to_class_id} lists them. A keyframe label names one either as its
 * number ("7", what {@code MotReader} gives without a class list) or as its name ("static_person").
 */
public final class MotChallengeClasses {
  /** Names by id - 1. */
  public static final List<String> NAMES =
      List.of(
          "pedestrian",
          "person_on_vehicle",
          "car",
          "bicycle",
          "motorbike",
          "non_mot_vehicle",
          "static_person",
          "distractor",
          "occluder",
          "occluder_on_ground",
          "occluder_full",
          "reflection",
          "crowd");

  /** Id of {@code pedestrian}, the one class MOTChallenge scores. */
  public static final int PEDESTRIAN = 1;

  private MotChallengeClasses() {}

  /**
   * The MOTChallenge id a label stands for: its number, or its name's position + 1; -1 for the
   * class-less label {@code object} (results files, class -1); 0 for a label that is neither.
   */
  public static int idOf(String label) {
    if (label.equals("object")) return -1;
    if (label.matches("-?[0-9]{1,9}")) return Integer.parseInt(label);
    int i = NAMES.indexOf(label.toLowerCase(Locale.ROOT).replace(' ', '_'));
    return i >= 0 ? i + 1 : 0;
  }

  /** True when the label is one of the 13 MOTChallenge classes (by number or name). */
  public static boolean isKnown(String label) {
    int id = idOf(label);
    return id >= 1 && id <= NAMES.size();
  }

  /**
   * True when ground truth carries MOTChallenge class and visibility columns: some detection has a
   * visibility (MOT16+ layout) and every label is a MOTChallenge class or class-less.
   */
  public static boolean carriedBy(List<Detection> gt) {
    boolean classed = false;
    for (Detection d : gt) {
      int id = idOf(d.label());
      if (id == -1) continue;
      if (id < 1 || id > NAMES.size()) return false;
      if (d.visibility() >= 0) classed = true;
    }
    return classed;
  }

  /** True when two labels name the same class (same MOTChallenge id, or equal text). */
  static boolean same(String a, String b) {
    if (a.equals(b)) return true;
    int ia = idOf(a), ib = idOf(b);
    return ia >= 1 && ia == ib;
  }
}
