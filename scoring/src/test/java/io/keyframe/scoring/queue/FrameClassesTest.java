package io.keyframe.scoring.queue;

import static io.keyframe.scoring.queue.QueueFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.scoring.signal.VideoEvidence;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameClassesTest {
  @Test
  void classesOfTheDeliveredLabelsBecomeRunsPerClass() {
    // QueueFixtures: 20 frames, track 1 iv_pole until frame 14, monitor from 15
    FrameClasses c = FrameClasses.of(video("a", 15));
    assertThat(c.videoId()).isEqualTo("a");
    assertThat(c.frameCount()).isEqualTo(20);
    assertThat(c.runs())
        .containsExactly(
            new FrameClasses.Run("iv_pole", 0, 14), new FrameClasses.Run("monitor", 15, 19));
    assertThat(c.byFrame())
        .hasSize(20)
        .containsEntry(14, Set.of("iv_pole"))
        .containsEntry(15, Set.of("monitor"));
  }

  @Test
  void objectsOutsideTheFrameAndFramesPastTheVideoAreLeftOut() {
    // MixedBatch marks every labelled object outside on frames 16, 33 (f % 17 == 16)
    FrameClasses c = FrameClasses.of(MixedBatch.of(1, 40, 3, 5).get(0));
    assertThat(c.byFrame()).doesNotContainKeys(16, 33).containsKeys(0, 15, 17, 39);
    assertThatThrownBy(() -> new FrameClasses("v", 5, List.of(new FrameClasses.Run("x", 3, 5))))
        .hasMessageContaining("past the video's 5 frames");
  }

  @Test
  void theSampleFromShippedClassesEqualsTheSampleFromTheEvidence() {
    List<VideoEvidence> batch = MixedBatch.of(3, 50, 4, 9);
    List<FrameRef> queue = LabelQueue.rank(batch, QueueOptions.defaults()).frames();
    SpotCheckOptions o = new SpotCheckOptions(0.2, 3, false);
    List<FrameClasses> shipped =
        batch.stream().map(FrameClasses::of).map(JavaSerialization::roundTrip).toList();
    List<SpotCheckRow> fromEvidence = SpotCheck.sample(batch, o, queue);
    assertThat(fromEvidence).hasSizeGreaterThan(20);
    assertThat(SpotCheck.sampleClasses(shipped, o, queue)).containsExactlyElementsOf(fromEvidence);
  }
}
