package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Optional;

/**
 * The delivered labels (first annotator) against each second opinion, per frame: unmatched objects
 * + class mismatches + sum of (1 - IoU) over matched boxes, averaged over the second opinions.
 * Frames where repeated labels dispute the delivered ones are the ones worth re-labelling (Sheng,
 * Provost &amp; Ipeirotis 2008, Get Another Label?). Counts, not shares of the objects on the
 * frame, so a frame with more disputed objects ranks higher; second opinions disagreeing with each
 * other say nothing about the delivered labels and are not counted.
 *
 * @param minIou IoU below which two annotators' boxes are not the same object
 */
public record AnnotatorDisagreement(double minIou) implements Signal {
  /** Default IoU threshold for "same object", as in MOT/COCO matching. */
  public static final double DEFAULT_MIN_IOU = 0.5;

  public AnnotatorDisagreement {
    PairDisagreement.requireMinIou(minIou);
  }

  public AnnotatorDisagreement() {
    this(DEFAULT_MIN_IOU);
  }

  @Override
  public String name() {
    return "annotator_annotator";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(
        evidence.annotators().size() < 2,
        "needs labels from at least two annotators on the same video; give a second --labels file or set this weight to 0");
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    int n = evidence.annotators().size();
    List<List<List<Detection>>> per =
        evidence.annotators().stream().map(evidence::perFrame).toList();
    FrameScores.Builder b = new FrameScores.Builder(evidence.frameCount());
    for (int f = 0; f < evidence.frameCount(); f++)
      for (int j = 1; j < n; j++) {
        PairDisagreement d =
            PairDisagreement.of(per.get(0).get(f), per.get(j).get(f), BoxMatcher.DEFAULT, minIou);
        b.add(f, d.count() / (n - 1)).objects(f, d.objects());
      }
    return b.build();
  }
}
