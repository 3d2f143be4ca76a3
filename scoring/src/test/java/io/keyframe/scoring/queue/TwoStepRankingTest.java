package io.keyframe.scoring.queue;

import static io.keyframe.scoring.queue.QueueFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue built the way the Spark job builds it (each video scored on its own, its summary
 * shipped through Java serialization, the batch combined from the summaries) equals the queue built
 * from the whole batch in one call.
 */
class TwoStepRankingTest {
  private static final List<VideoEvidence> BATCH = MixedBatch.of(3, 50, 4, 7);

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of("defaults, 10%", QueueOptions.defaults()),
        Arguments.of(
            "defaults, 40 expert-minutes",
            QueueOptions.defaults().withBudget(Budget.parse("40min"))),
        Arguments.of(
            "entropy alone, 30%",
            QueueOptions.defaults()
                .withWeights(SignalWeights.only("entropy"))
                .withBudget(Budget.parse("30%"))),
        // the occlusion signal blames the occluded track alone, so rows name only some classes
        Arguments.of(
            "occlusion alone, 10%",
            QueueOptions.defaults().withWeights(SignalWeights.only("occlusion"))),
        Arguments.of(
            "no temporal, diversity up",
            QueueOptions.defaults().withWeights(SignalWeights.parse("temporal=0,diversity=1"))));
  }

  private static RankedQueue twoSteps(List<VideoEvidence> batch, QueueOptions o) {
    List<VideoScores> shipped = new ArrayList<>();
    for (VideoEvidence e : batch)
      shipped.add(JavaSerialization.roundTrip(LabelQueue.scoreVideo(e, o.weights())));
    return LabelQueue.select(LabelQueue.combine(shipped, o.weights()), o);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("options")
  void perVideoSummariesShippedAndCombinedGiveTheOneStepQueueRowForRow(
      String name, QueueOptions o) {
    RankedQueue one = LabelQueue.rank(BATCH, o);
    RankedQueue two = twoSteps(BATCH, o);
    assertThat(one.rows()).isNotEmpty();
    assertThat(two.rows()).containsExactlyElementsOf(one.rows());
    assertThat(two.notes()).isEqualTo(one.notes());
    assertThat(two.framesSelected()).isEqualTo(one.framesSelected());
    assertThat(two.minutes()).isEqualTo(one.minutes());
    assertThat(two.scores().signalRows()).isEqualTo(one.scores().signalRows());
    for (int v = 0; v < BATCH.size(); v++)
      assertThat(two.scores().videos().get(v).combined())
          .containsExactly(one.scores().videos().get(v).combined());
  }

  @Test
  void theComparedQueuesReachEveryPartOfARow() {
    List<QueueRow> rows =
        options()
            .flatMap(a -> LabelQueue.rank(BATCH, (QueueOptions) a.get()[1]).rows().stream())
            .toList();
    // rows about a subset of the classes shown (labels of the blamed tracks only), rows from every
    // video
    assertThat(rows)
        .anyMatch(
            r ->
                !r.objects().isEmpty()
                    && r.objects().stream().map(QueueRow.QueueObject::label).distinct().count()
                        < MixedBatch.LABELS.size());
    assertThat(rows).extracting(QueueRow::videoId).contains("v0", "v1", "v2");
    assertThat(rows)
        .extracting(QueueRow::reasonsText)
        .anyMatch(r -> r.contains("entropy"))
        .anyMatch(r -> r.contains("temporal"));
    assertThat(rows)
        .extracting(QueueRow::frameStart, QueueRow::frameEnd)
        .anyMatch(t -> !t.toList().get(0).equals(t.toList().get(1)));
  }

  @Test
  void aVideoSummarySurvivesJavaSerializationUnchanged() {
    VideoScores s = LabelQueue.scoreVideo(BATCH.get(1), SignalWeights.defaults());
    assertThat(s.signals()).containsKeys("temporal", "entropy", "annotator_annotator", "occlusion");
    assertThat(s.signals().values()).anyMatch(fs -> !fs.objects().isEmpty());
    VideoScores back = JavaSerialization.roundTrip(s);
    assertThat(back).isEqualTo(s);
    assertThat(back.signals().keySet()).containsExactlyElementsOf(s.signals().keySet());
  }

  @Test
  void notesCountTheVideosASignalSkippedOverTheWholeBatch() {
    // only the fixture video without predictions skips entropy: 1 of 2 videos
    QueueOptions o = QueueOptions.defaults();
    List<VideoScores> shipped =
        List.of(
            LabelQueue.scoreVideo(BATCH.get(0), o.weights()),
            LabelQueue.scoreVideo(video("plain", 15), o.weights()));
    assertThat(shipped.get(1).inapplicable()).containsKey("entropy");
    assertThat(LabelQueue.combine(shipped, o.weights()).notes())
        .anyMatch(n -> n.startsWith("entropy not used for 1 of 2 videos: "));
  }

  @Test
  void combineRefusesWhatScoreRefusesWithTheSameMessage() {
    assertThatThrownBy(() -> LabelQueue.combine(List.of(), SignalWeights.defaults()))
        .hasMessageContaining("empty batch: no videos to rank");
    SignalWeights entropy = SignalWeights.only("entropy");
    List<VideoEvidence> noModel = List.of(video("v", -1));
    assertThatThrownBy(
            () ->
                LabelQueue.combine(
                    List.of(LabelQueue.scoreVideo(noModel.get(0), entropy)), entropy))
        .hasMessage(catchMessage(() -> LabelQueue.score(noModel, entropy, ProgressListener.NONE)))
        .hasMessageContaining("entropy: no model predictions given");
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }
}
