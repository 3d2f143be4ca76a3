package io.keyframe.scoring.qa;

/**
 * How {@link ConsensusMerger} decides.
 *
 * @param minIou two annotators' shapes are the same object when their IoU is at least this (0.5 is
 *     the MOTChallenge/COCO convention)
 * @param keepPresenceTies keep an object seen by exactly half of the annotators (and send it to the
 *     expert); when false such objects are dropped (and still sent to the expert)
 */
public record ConsensusOptions(double minIou, boolean keepPresenceTies) {
  public ConsensusOptions {
    if (!(minIou > 0 && minIou <= 1)) throw new IllegalArgumentException("minIou not in (0,1]: " + minIou);
  }

  /** IoU 0.5, presence ties kept. */
  public static ConsensusOptions defaults() {
    return new ConsensusOptions(0.5, true);
  }
}
