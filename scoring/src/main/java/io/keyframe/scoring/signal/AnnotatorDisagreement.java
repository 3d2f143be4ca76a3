package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import java.util.List;
import java.util.Optional;

/**
 * Annotator vs annotator disagreement per frame, averaged over annotator pairs: unmatched objects,
 * class mismatches and (1 - IoU) over the objects in the union; frames where repeated labels
 * disagree are the ones worth re-labelling (Sheng, Provost &amp; Ipeirotis 2008, Get Another Label?).
 *
 * @param minIou IoU below which two annotators' boxes are not the same object
 */
public record AnnotatorDisagreement(double minIou) implements Signal {
  /** Default IoU threshold for "same object", as in MOT/COCO matching. */
  public static final double DEFAULT_MIN_IOU = 0.5;

  public AnnotatorDisagreement {
    if (!(minIou > 0 && minIou <= 1)) throw new IllegalArgumentException("minIou not in (0,1]: " + minIou);
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
    if (evidence.annotators().size() < 2)
      return Optional.of(
          "needs labels from at least two annotators on the same video; give a second --labels file or set this weight to 0");
    return Optional.empty();
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    int n = evidence.annotators().size();
    List<List<List<Detection>>> per = evidence.annotators().stream().map(evidence::perFrame).toList();
    FrameScores.Builder b = new FrameScores.Builder(evidence.frameCount());
    int pairs = n * (n - 1) / 2;
    for (int f = 0; f < evidence.frameCount(); f++)
      for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
          PairDisagreement d = PairDisagreement.of(per.get(i).get(f), per.get(j).get(f), BoxMatcher.DEFAULT, minIou);
          b.add(f, d.value() / pairs);
          for (int id : d.objects()) b.object(f, id);
        }
    return b.build();
  }
}
