package io.keyframe.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframesTest {
  private static final Box BOX = new Box(10, 10, 20, 20);

  @Test
  void eachIdentityRuleIsCheckedWithWordsNamingTheIdAndFrame() {
    assertThatThrownBy(() -> Keyframes.of(List.of(Detection.of(4, -1, "bed", BOX))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyframe at frame 4 has no track ID");
    assertThatThrownBy(
            () ->
                Keyframes.of(
                    List.of(Detection.of(0, 3, "bed", BOX), Detection.of(9, 3, "iv_pole", BOX))))
        .hasMessage("keyframes give ID 3 two classes: bed, iv_pole");
    assertThatThrownBy(
            () ->
                Keyframes.of(
                    List.of(Detection.of(2, 3, "bed", BOX), Detection.of(2, 3, "bed", BOX))))
        .hasMessage("keyframes give ID 3 twice in frame 2");
  }

  @Test
  void boxesComeBackByFrameAndTheirIdsAreReserved() {
    Keyframes k =
        Keyframes.of(
            List.of(
                Detection.of(7, 2, "bed", BOX),
                Detection.of(0, 5, "bed", BOX),
                Detection.of(7, 1, "monitor", BOX)));
    assertThat(k.byFrame().keySet()).containsExactly(0, 7);
    assertThat(k.byFrame().get(7)).extracting(Detection::trackId).containsExactly(2, 1);
    assertThat(k.ids()).containsExactlyInAnyOrder(1, 2, 5);
    assertThat(Keyframes.of(null).isEmpty()).isTrue();
  }

  @Test
  void theFallbackTrackerRejectsThroughTheSameCheck() {
    AnnotationSet none =
        new AnnotationSet(
            new Video("v", 10, 64, 64, 5, ""), Provenance.unknown(), List.of(), List.of());
    assertThatThrownBy(
            () ->
                new ByteTracker(ByteTrackConfig.plain())
                    .track(
                        none,
                        FrameImages.NONE,
                        List.of(Detection.of(1, 3, "bed", BOX), Detection.of(1, 3, "bed", BOX)),
                        null))
        .hasMessage("keyframes give ID 3 twice in frame 1");
  }
}
