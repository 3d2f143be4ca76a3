package io.keyframe.scoring.queue;

import static io.keyframe.scoring.queue.QueueFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelQueueTest {
  private final QueueOptions occlusionOnly =
      QueueOptions.defaults().withWeights(SignalWeights.only("occlusion"));

  @Test
  void nearDuplicateFramesAreDeferredAndAdjacentFramesMergeIntoASpan() {
    // occlusion 8..9: boundaries 8 and 10 score 1, frames 7, 9, 11 score 1 - 1/6.
    // budget 10% of 20 = 2 frames: 8, then 10 is an identical frame 2 away (deferred), so 7 joins
    // 8.
    RankedQueue q = LabelQueue.rank(List.of(video("v", -1)), occlusionOnly);
    assertThat(q.rows()).hasSize(1);
    QueueRow r = q.rows().get(0);
    assertThat(r.frameStart()).isEqualTo(7);
    assertThat(r.frameEnd()).isEqualTo(8);
    assertThat(r.score()).isEqualTo(1);
    assertThat(r.reasons()).containsExactly(new QueueRow.Reason("occlusion", 1.0));
    assertThat(r.objects())
        .extracting(QueueRow.QueueObject::id, QueueRow.QueueObject::label)
        .containsExactly(tuple(1, "iv_pole"));
    // default cost: 0.5 per frame + 0.25 per object, one object per frame, two frames
    assertThat(r.costMinutes()).isCloseTo(2 * (0.5 + 0.25), within(1e-12));
  }

  @Test
  void withoutDedupBothBoundariesAreRowsWithCumulativeCost() {
    QueueOptions o =
        new QueueOptions(
            SignalWeights.only("occlusion"),
            Budget.ofFraction(0.1),
            CostModel.defaults(),
            0,
            0.05,
            3);
    RankedQueue q = LabelQueue.rank(List.of(video("v", -1)), o);
    assertThat(q.rows()).extracting(QueueRow::frameStart).containsExactly(8, 10);
    assertThat(q.rows().get(1).cumulativeMinutes()).isCloseTo(1.5, within(1e-12));
    assertThat(q.rows()).extracting(QueueRow::rank).containsExactly(1, 2);
  }

  @Test
  void weightsCombineNormalisedSignalsAndRowsExplainThemselves() {
    // temporal: 1 event at frame 17 (class flip) -> normalised 1; occlusion 0 there (7 frames from
    // the boundary at 10, window 5). combined(17) = (3*1 + 1*0) / 4 = 0.75; combined(8) = (3*0 +
    // 1*1) / 4
    // = 0.25
    QueueOptions o =
        QueueOptions.defaults()
            .withWeights(new SignalWeights(Map.of("temporal", 3.0, "occlusion", 1.0)));
    RankedQueue q = LabelQueue.rank(List.of(video("v", 17)), o);
    QueueRow top = q.rows().get(0);
    assertThat(top.frameStart()).isEqualTo(17);
    assertThat(top.score()).isCloseTo(0.75, within(1e-12));
    assertThat(top.reasonsText()).isEqualTo("temporal=1.00");
    assertThat(q.scores().videos().get(0).combined()[8]).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void minutesBudgetStopsWhenTheNextFrameDoesNotFit() {
    // each frame costs 0.75 min; 2 minutes fit two frames
    QueueOptions o = occlusionOnly.withBudget(Budget.ofMinutes(2));
    RankedQueue q = LabelQueue.rank(List.of(video("v", -1)), o);
    assertThat(q.framesSelected()).isEqualTo(2);
    assertThat(q.minutes()).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void budgetLargerThanTheDataIsRefusedWithAdvice() {
    assertThatThrownBy(
            () ->
                LabelQueue.rank(
                    List.of(video("v", -1)), occlusionOnly.withBudget(Budget.ofMinutes(100))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the 15.0 minutes needed to review all 20 frames");
    assertThatThrownBy(() -> Budget.parse("150%"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold more frames than the batch has");
  }

  @Test
  void emptyBatchIsRefused() {
    assertThatThrownBy(() -> LabelQueue.rank(List.of(), QueueOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty batch");
  }

  @Test
  void noRunnableSignalNamesWhatToSupply() {
    assertThatThrownBy(
            () ->
                LabelQueue.rank(
                    List.of(video("v", -1)),
                    QueueOptions.defaults().withWeights(SignalWeights.only("entropy"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entropy: no model predictions given");
  }

  @Test
  void skippedSignalsAreReportedAsNotes() {
    RankedQueue q = LabelQueue.rank(List.of(video("v", 15)), QueueOptions.defaults());
    assertThat(q.notes()).anyMatch(n -> n.startsWith("entropy not used for 1 of 1 videos"));
  }

  @Test
  void budgetParsesPercentFractionAndMinutes() {
    assertThat(Budget.parse("10%").fraction()).isCloseTo(0.1, within(1e-12));
    assertThat(Budget.parse("0.25").fraction()).isEqualTo(0.25);
    assertThat(Budget.parse("120min").minutes()).isEqualTo(120);
    assertThat(Budget.ofFraction(0.1).frames(1000)).isEqualTo(100);
  }

  @Test
  void weightOverridesParseAndRejectUnknownSignals() {
    assertThat(SignalWeights.parse("entropy=0, temporal=2").of("temporal")).isEqualTo(2);
    assertThatThrownBy(() -> SignalWeights.parse("entropi=1"))
        .hasMessageContaining("unknown signal 'entropi'");
  }

  @Test
  void signalRowsListEveryNonZeroRawValue() {
    RankedQueue q =
        LabelQueue.rank(
            List.of(video("v", 17)),
            QueueOptions.defaults().withWeights(SignalWeights.only("temporal")));
    // the class flips to monitor at 17 (1) and stays there, unlike the rest of the track (0.5 on
    // 17..19)
    assertThat(q.scores().signalRows())
        .containsExactly(
            new BatchScores.SignalRow("v", 17, "temporal", 1.5),
            new BatchScores.SignalRow("v", 18, "temporal", 0.5),
            new BatchScores.SignalRow("v", 19, "temporal", 0.5));
  }

  @Test
  void theSameInputGivesTheSameQueue() {
    var batch = List.of(video("a", 17), video("b", 12));
    assertThat(LabelQueue.rank(batch, QueueOptions.defaults()).rows())
        .isEqualTo(LabelQueue.rank(batch, QueueOptions.defaults()).rows());
  }
}
