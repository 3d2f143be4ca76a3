package io.keyframe.scoring.qa;

import java.util.List;

/**
 * Provenance of one object in one frame of a consensus: who saw it, who agreed on its class, and
 * which rule decided.
 *
 * @param trackId consensus track ID, or -1 when dropped or untracked
 * @param label consensus class (majority vote)
 * @param seenBy annotators with a matching shape in this frame
 * @param agreeingOnClass annotators among {@code seenBy} whose class equals {@code label}; their
 *     shapes were fused
 * @param kept whether the object is in the merged annotation
 * @param rule the rule that decided: {@code unanimous}, {@code majority}, {@code class-tie}, {@code
 *     presence-tie}, {@code minority-dropped}
 */
public record ConsensusObject(
    int frame,
    int trackId,
    String label,
    List<String> seenBy,
    List<String> agreeingOnClass,
    boolean kept,
    String rule) {
  public ConsensusObject {
    seenBy = List.copyOf(seenBy);
    agreeingOnClass = List.copyOf(agreeingOnClass);
  }

  static final String CSV_HEADER = "frame,track_id,label,seen_by,agreeing_on_class,kept,rule";

  String csvRow() {
    return frame
        + ","
        + trackId
        + ","
        + label
        + ","
        + String.join(";", seenBy)
        + ","
        + String.join(";", agreeingOnClass)
        + ","
        + kept
        + ","
        + rule;
  }
}
