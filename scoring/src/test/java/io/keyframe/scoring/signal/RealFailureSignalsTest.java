package io.keyframe.scoring.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrackEnds} and {@link Crowding} on hand-built tracks, expected values by hand. */
class RealFailureSignalsTest {
  private static final Video LONG = new Video("v1", 30, 100, 100, 12, "");

  private static VideoEvidence delivered(List<Detection> ds) {
    return new VideoEvidence(
        LONG,
        null,
        null,
        List.of(new AnnotationSet(LONG, Provenance.unknown(), List.of("object"), ds)),
        List.of());
  }

  private static void track(List<Detection> out, int id, int from, int to, double x, double y) {
    for (int f = from; f <= to; f++) out.add(Detection.of(f, id, "object", new Box(x, y, 10, 10)));
  }

  @Test
  void aTrackEndingMidImageScoresTheFramesAfterItFallingOverTheWindow() {
    List<Detection> ds = new ArrayList<>();
    track(ds, 1, 0, 5, 40, 40); // dies on frame 5 in the middle of the 100x100 image
    FrameScores s = new TrackEnds(4, 1, 5).score(delivered(ds));
    // inside: frame 5 = 1, frame 4 = 1 - 1/2; outside: frames 6..9 = 1, 3/4, 2/4, 1/4; born on
    // frame 0 = no birth
    assertThat(s.values().toArray()).containsExactly(0, 0, 0, 0, 0.5, 1, 1, 0.75, 0.5, 0.25, 0, 0);
    assertThat(s.objectsAt(7)).containsExactly(1);
  }

  @Test
  void aBirthMidImageScoresTheFramesBeforeItAndBordersAndVideoEndsDoNot() {
    List<Detection> ds = new ArrayList<>();
    track(ds, 1, 8, 11, 40, 40); // born on frame 8 mid-image, lives to the last frame
    track(ds, 2, 3, 6, 1, 40); // born and dead at x = 1, within the 5 px margin: entering / leaving
    FrameScores s = new TrackEnds(2, 0, 5).score(delivered(ds));
    // outside the birth: frames 7 and 6 = 1 and 1/2; frame 8 itself = 1 (lead 0 still marks the end
    // frame)
    assertThat(s.values().toArray()).containsExactly(0, 0, 0, 0, 0, 0, 0.5, 1, 1, 0, 0, 0);
  }

  @Test
  void crowdingSumsEachBoxsLargestOverlapWithAnother() {
    List<Detection> ds = new ArrayList<>();
    // frame 0: boxes A (0,0,10,10) and B (5,0,10,10): IoU = 50 / 150 = 1/3 each; C far away (0)
    ds.add(Detection.of(0, 1, "object", new Box(0, 0, 10, 10)));
    ds.add(Detection.of(0, 2, "object", new Box(5, 0, 10, 10)));
    ds.add(Detection.of(0, 3, "object", new Box(60, 60, 10, 10)));
    // frame 1: A and D (9,0,10,10): IoU = 10 / 190, below the 0.1 floor
    ds.add(Detection.of(1, 1, "object", new Box(0, 0, 10, 10)));
    ds.add(Detection.of(1, 4, "object", new Box(9, 0, 10, 10)));
    FrameScores s = new Crowding(0.1).score(delivered(ds));
    assertThat(s.value(0)).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(s.value(1)).isZero();
    assertThat(s.objectsAt(0)).containsExactly(1, 2);
  }
}
