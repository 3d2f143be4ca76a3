package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.privacy.PseudonymKey;
import io.keyframe.dataset.privacy.Pseudonymiser;
import io.keyframe.dataset.privacy.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With --redact, no real annotator name or raw video ID reaches consensus, review or scorecard
 * exports.
 */
class RedactedExportsTest {
  final Redactor r = new Redactor(new Pseudonymiser(PseudonymKey.of("k".repeat(40))));
  final Video v = new Video("MRN-0042-bed3", 10, 100, 100, 5, "/videos/MRN-0042-bed3.mp4");

  AnnotationSet set(String who, String label) {
    return new AnnotationSet(
        v,
        Provenance.annotator(who, null, ""),
        List.of("iv_pole", "monitor"),
        List.of(Detection.of(0, 1, label, new Box(0, 0, 10, 10))));
  }

  @Test
  void consensusReviewAndScorecardExportsCarryOnlyPseudonyms() {
    List<AnnotationSet> sets = List.of(set("Alice Smith", "iv_pole"), set("Bob Jones", "monitor"));
    ConsensusResult c = ConsensusMerger.merge(sets, ConsensusOptions.defaults()).redact(r);
    Scorecard s =
        Scorecards.compute(
                List.of(new VideoLabels(null, null, sets)),
                TimeLog.empty(),
                ScorecardOptions.defaults(),
                ProgressListener.NONE)
            .redact(r);
    String everything = c.toString() + c.merged() + c.expertList() + s.csv() + s.json() + s.text();
    assertThat(everything).doesNotContain("Alice", "Bob", "MRN", "/videos");
    assertThat(c.merged().provenance().source())
        .isEqualTo(
            "consensus(" + r.annotator("Alice Smith") + "+" + r.annotator("Bob Jones") + ")");
    assertThat(c.expertList())
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.video()).isEqualTo(r.video("MRN-0042-bed3")));
    assertThat(s.rows()).extracting(ScorecardRow::annotator).contains(r.annotator("Alice Smith"));
    assertThat(c.expertList().get(0).reasons().get(0))
        .contains(r.annotator("Alice Smith") + "=iv_pole", r.annotator("Bob Jones") + "=monitor");
    ReviewItem missing =
        new ReviewItem(
            "v", -1, WorkItem.video("v"), List.of("A", "B"), List.of("missing-submission: A,B"));
    assertThat(missing.redact(r).reasons())
        .containsExactly("missing-submission: " + r.annotator("A") + "," + r.annotator("B"));
  }
}
