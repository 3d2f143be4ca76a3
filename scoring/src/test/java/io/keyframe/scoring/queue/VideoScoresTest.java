package io.keyframe.scoring.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.FrozenArray;
import io.keyframe.scoring.signal.FrameScores;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoScoresTest {
  private static VideoScores scores(int frames, FrameScores s, int objects) {
    return new VideoScores(
        "v",
        frames,
        Map.of("temporal", s),
        Map.of("entropy", "no model predictions given"),
        new int[objects],
        new double[frames][3],
        new TrackLabels(List.of(new TrackLabels.Run("a", 4, "monitor", 0, 1))));
  }

  @Test
  void trackIdsOfAnySizeAndSignSurviveTheCompactSerializedForm() {
    Map<Integer, Set<Integer>> ids =
        Map.of(
            0,
            Set.of(Integer.MIN_VALUE, -1, 0, 1, 2, 300, Integer.MAX_VALUE),
            2,
            Set.of(),
            3,
            Set.of(7));
    VideoScores s = scores(4, new FrameScores(new FrozenArray.OfDouble(1, 0, 0.5, 2), ids), 4);
    VideoScores back = JavaSerialization.roundTrip(s);
    assertThat(back).isEqualTo(s);
    assertThat(back.signals().get("temporal").objects()).isEqualTo(ids);
    assertThat(back.inapplicable()).containsEntry("entropy", "no model predictions given");
  }

  @Test
  void everyPerFrameArrayMustCoverTheVideo() {
    FrameScores three = new FrameScores(new FrozenArray.OfDouble(new double[3]), Map.of());
    assertThatThrownBy(() -> scores(4, three, 4))
        .hasMessageContaining("signal temporal has 3 frames, the video 4");
    assertThatThrownBy(() -> scores(3, three, 2)).hasMessageContaining("one entry per frame (3)");
  }
}
