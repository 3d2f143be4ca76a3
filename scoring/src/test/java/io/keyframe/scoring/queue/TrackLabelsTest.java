package io.keyframe.scoring.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackLabelsTest {
  private static final Box BOX = new Box(1, 1, 5, 5);

  /**
   * 10 frames. Labels: track 1 iv_pole on 0..9 except 4 (missed); track 2 monitor 0..4, bed_rail
   * 5..9. Model: untracked monitor on 8 and 9, and a box on frame 12, past the video's end.
   */
  private static VideoEvidence evidence() {
    Video v = new Video("v", 30, 100, 100, 10, "");
    List<Detection> labels = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      if (f != 4) labels.add(Detection.of(f, 1, "iv_pole", BOX));
      labels.add(Detection.of(f, 2, f < 5 ? "monitor" : "bed_rail", BOX));
    }
    List<Detection> model =
        List.of(
            Detection.of(8, Detection.UNTRACKED, "monitor", BOX),
            Detection.of(9, Detection.UNTRACKED, "monitor", BOX),
            Detection.of(12, 7, "cart", BOX));
    List<String> names = List.of("bed_rail", "cart", "iv_pole", "monitor");
    return new VideoEvidence(
        v,
        new AnnotationSet(v, Provenance.annotator("model", null, "t"), names, model),
        null,
        List.of(new AnnotationSet(v, Provenance.annotator("a", null, "t"), names, labels)),
        List.of());
  }

  @Test
  void eachTrackAndClassBecomesRunsOfConsecutiveFramesWithinTheVideo() {
    assertThat(TrackLabels.of(evidence()).runs())
        .containsExactly(
            new TrackLabels.Run("model", Detection.UNTRACKED, "monitor", 8, 9),
            new TrackLabels.Run("a", 1, "iv_pole", 0, 3),
            new TrackLabels.Run("a", 1, "iv_pole", 5, 9),
            new TrackLabels.Run("a", 2, "bed_rail", 5, 9),
            new TrackLabels.Run("a", 2, "monitor", 0, 4));
  }

  @Test
  void objectsPairEachIdWithItsOwnClassInItsOwnSource() {
    TrackLabels t = TrackLabels.of(evidence());
    assertThat(t.objects(3, 6, Set.of(2)))
        .containsExactly(
            new QueueRow.QueueObject(2, "bed_rail", "a"),
            new QueueRow.QueueObject(2, "monitor", "a"));
    assertThat(t.objects(4, 4, Set.of(1))).isEmpty(); // track 1 is missed there
    assertThat(t.objects(0, 9, Set.of())).isEmpty();
    assertThat(t.objects(3, 3, Set.of(1, 2)))
        .containsExactly(
            new QueueRow.QueueObject(1, "iv_pole", "a"),
            new QueueRow.QueueObject(2, "monitor", "a"));
  }

  @Test
  void theSameIdInTwoSourcesIsTwoObjects() {
    Video v = new Video("v", 30, 100, 100, 2, "");
    List<String> names = List.of("bedside_table", "iv_pole");
    AnnotationSet tracker =
        new AnnotationSet(
            v,
            Provenance.annotator("tracker", null, "t"),
            names,
            List.of(Detection.of(0, 2, "iv_pole", BOX)));
    AnnotationSet labels =
        new AnnotationSet(
            v,
            Provenance.annotator("gt", null, "t"),
            names,
            List.of(Detection.of(0, 2, "bedside_table", BOX)));
    TrackLabels t = TrackLabels.of(new VideoEvidence(v, null, tracker, List.of(labels), List.of()));
    assertThat(t.objects(0, 0, Set.of(2)))
        .containsExactly(
            new QueueRow.QueueObject(2, "bedside_table", "gt"),
            new QueueRow.QueueObject(2, "iv_pole", "tracker"));
  }

  @Test
  void survivesJavaSerialization() {
    TrackLabels t = TrackLabels.of(evidence());
    assertThat(JavaSerialization.roundTrip(t)).isEqualTo(t);
  }
}
