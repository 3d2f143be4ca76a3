package io.keyframe.scoring.signal;

import io.keyframe.dataset.Detection;
import io.keyframe.metrics.iou.BoxIou;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Occlusion pressure: the sum over a frame's boxes of each box's largest IoU with another box of
 * the frame. Overlapping people hide each other, and hidden people are what trackers miss and
 * confuse (the occlusion analysis of Dendorfer et al. 2021, MOTChallenge: A Benchmark for
 * Single-Camera Multiple Target Tracking, IJCV 129; Shao et al. 2018, CrowdHuman). Only pairs
 * overlapping by at least {@code minIou} count; the IDs behind a value are those boxes' tracks.
 *
 * <p>Source: the delivered labels (first annotator), or the tracker output when there are none.
 *
 * @param minIou overlap below which two boxes do not press on each other
 */
public record Crowding(double minIou) implements Signal {
  public Crowding {
    if (!(minIou >= 0 && minIou < 1))
      throw new IllegalArgumentException("minIou not in [0,1): " + minIou);
  }

  /** Default: pairs overlapping by IoU 0.1 or more. */
  public Crowding() {
    this(0.1);
  }

  @Override
  public String name() {
    return "crowding";
  }

  @Override
  public Optional<String> inapplicable(VideoEvidence evidence) {
    return MissingInput.when(
        evidence.labels().isEmpty() && evidence.tracker() == null,
        "needs labels or tracker output; pass --labels or --tracks");
  }

  @Override
  public FrameScores score(VideoEvidence evidence) {
    requireApplicable(evidence);
    List<List<Detection>> frames = evidence.perFrame(evidence.labels().orElse(evidence.tracker()));
    FrameScores.Builder b = new FrameScores.Builder(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      List<Detection> ds = new ArrayList<>();
      for (Detection d : frames.get(f)) if (!d.outside() && d.boxOrMaskBox() != null) ds.add(d);
      for (int i = 0; i < ds.size(); i++) {
        double best = 0;
        for (int j = 0; j < ds.size(); j++)
          if (i != j)
            best = Math.max(best, BoxIou.of(ds.get(i).boxOrMaskBox(), ds.get(j).boxOrMaskBox()));
        if (best >= minIou && best > 0) {
          b.add(f, best);
          b.object(f, ds.get(i).trackId());
        }
      }
    }
    return b.build();
  }
}
