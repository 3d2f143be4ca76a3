package io.keyframe.scoring.qa;

import java.util.Objects;

/**
 * How {@link ConsensusMerger} decides.
 *
 * @param minIou two annotators' shapes are the same object when their IoU is at least this (0.5 is
 *     the MOTChallenge/COCO convention)
 * @param keepPresenceTies keep an object seen by exactly half of the annotators (and send it to the
 *     expert); when false such objects are dropped (and still sent to the expert)
 * @param boxFusion how the boxes of the annotators who agree on the class become one
 */
public record ConsensusOptions(double minIou, boolean keepPresenceTies, BoxFusion boxFusion) {
  /** Box fusion rule. */
  public enum BoxFusion {
    /** Mean of each corner coordinate. */
    MEAN,
    /**
     * Median of each corner coordinate (mean of the middle two for an even count, so two annotators
     * give the mean): one careless box cannot pull the result.
     */
    MEDIAN
  }

  public ConsensusOptions {
    if (!(minIou > 0 && minIou <= 1))
      throw new IllegalArgumentException("minIou not in (0,1]: " + minIou);
    Objects.requireNonNull(boxFusion, "boxFusion");
  }

  /** Mean box fusion. */
  public ConsensusOptions(double minIou, boolean keepPresenceTies) {
    this(minIou, keepPresenceTies, BoxFusion.MEAN);
  }

  /**
   * IoU 0.5, presence ties kept, median box. The median rather than the mean because one careless
   * annotator's jittered box drags a mean off every careful one (on the simulated five-annotator
   * panel in QA.md the mean-box consensus scores below the best annotator's HOTA, the median
   * above).
   */
  public static ConsensusOptions defaults() {
    return new ConsensusOptions(0.5, true, BoxFusion.MEDIAN);
  }

  public ConsensusOptions withBoxFusion(BoxFusion f) {
    return new ConsensusOptions(minIou, keepPresenceTies, f);
  }
}
