package io.keyframe.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.FrozenArray;
import io.keyframe.scoring.queue.ScoredVideo;
import io.keyframe.scoring.queue.TrackLabels;
import io.keyframe.scoring.queue.VideoScores;
import io.keyframe.scoring.signal.FrameScores;
import io.keyframe.scoring.signal.KCenterGreedy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records that hold arrays copy them on the way in and out, so a caller cannot change a result. */
class ResultArraysTest {

  @Test
  void kCenterGreedyCannotBeChangedThroughItsArrays() {
    // points 0, 1, 10 on a line from 0: take 0, then 10 (farthest); 1 is 1 from its nearest centre
    KCenterGreedy g = KCenterGreedy.select(new double[][] {{0}, {1}, {10}}, 2, 0);
    g.order().toArray()[0] = 2;
    g.radius().toArray()[1] = 50;
    assertThat(g.order().toArray()).containsExactly(0, 2);
    assertThat(g.centre(1)).isEqualTo(2);
    assertThat(g.size()).isEqualTo(2);
    assertThat(g.radius(1)).isEqualTo(1.0);
    assertThat(g.radius(2)).isEqualTo(10.0);
  }

  @Test
  void videoAndScoredVideoKeepTheirArrays() {
    int[] objects = {2, 3};
    double[][] embeddings = {{0, 0}, {3, 4}};
    VideoScores v =
        new VideoScores(
            "v",
            2,
            Map.of("s", new FrameScores(new FrozenArray.OfDouble(0.5, 1), Map.of())),
            Map.of(),
            objects,
            embeddings,
            new TrackLabels(List.of()));
    objects[0] = 9;
    embeddings[1][0] = 0;
    v.objects()[1] = 9;
    v.embeddings()[0][0] = 1;
    assertThat(v.objects()).containsExactly(2, 3);
    assertThat(v.objects(1)).isEqualTo(3);
    // |(0,0) - (3,4)| = 5
    assertThat(v.embeddingDistance(0, 1)).isEqualTo(5.0);
    assertThat(v.embeddings()[1]).containsExactly(3, 4);

    double[] combined = {0.25, 0.75};
    ScoredVideo s = new ScoredVideo(v, combined);
    combined[0] = 1;
    s.combined()[1] = 0;
    assertThat(s.combined()).containsExactly(0.25, 0.75);
    assertThat(s.combined(0)).isEqualTo(0.25);
    assertThat(s.objects(0)).isEqualTo(2);
    assertThat(s.embeddingDistance(1, 0)).isEqualTo(5.0);
    assertThat(s).isEqualTo(new ScoredVideo(v, new double[] {0.25, 0.75}));
  }
}
