package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Optional;

/**
 * Customer model vs tracker (SAM2 or fallback) disagreement per frame: unmatched objects, class
 * mismatches and (1 - IoU) of matched pairs over the objects in the union; query-by-committee with
 * two members (Seung, Opper &amp; Sompolinsky 1992, Query by Committee).
 *
 * @param minIou IoU below which a model box and a tracker box are not the same object
 */
public record ModelTrackerDisagreement(double minIou) implements Signal {
  /** Default: boxes overlapping less than 0.3 IoU are different objects. */
  public static final double DEFAULT_MIN_IOU = 0.3;

  public ModelTrackerDisagreement {
    PairDisagreement.requireMinIou(minIou);
  }

  public ModelTrackerDisagreement() {
    this(DEFAULT_MIN_IOU);
  }

  @Override
  public String name() {
    return "model_tracker";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    if (evidence.predictions() == null) return MissingInput.predictions(evidence);
    return MissingInput.when(
        evidence.tracker() == null,
        "no tracker output given; pass tracker masks/boxes (--tracks) or set this weight to 0");
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    List<List<Detection>> model = evidence.perFrame(evidence.predictions());
    List<List<Detection>> tracker = evidence.perFrame(evidence.tracker());
    FrameScores.Builder b = new FrameScores.Builder(evidence.frameCount());
    for (int f = 0; f < model.size(); f++) {
      PairDisagreement d =
          PairDisagreement.of(model.get(f), tracker.get(f), BoxMatcher.DEFAULT, minIou);
      b.add(f, d.value()).objects(f, d.objects());
    }
    return b.build();
  }
}
