package io.keyframe.scoring.queue;

import static io.keyframe.scoring.queue.QueueFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpotCheckTest {
  // video a: frames 0..14 iv_pole, 15..19 monitor -> strata a/iv_pole (15 frames), a/monitor (5)
  // video b: all iv_pole -> b/iv_pole (20)
  private final List<io.keyframe.scoring.signal.VideoEvidence> batch =
      List.of(video("a", 15), video("b", -1));

  @Test
  void sampleIsStratifiedByVideoAndClassWithRoundRateTimesSizeEach() {
    List<SpotCheckRow> s = SpotCheck.sample(batch, SpotCheckOptions.tenPercent(7), List.of());
    // round(0.1*15) = 2, max(1, round(0.1*5)) = 1, round(0.1*20) = 2
    assertThat(s.stream().filter(r -> r.stratum().equals("a/iv_pole"))).hasSize(2);
    assertThat(s.stream().filter(r -> r.stratum().equals("a/monitor"))).hasSize(1);
    assertThat(s.stream().filter(r -> r.stratum().equals("b/iv_pole"))).hasSize(2);
    assertThat(s.stream().filter(r -> r.label().equals("monitor")).allMatch(r -> r.frame() >= 15))
        .isTrue();
  }

  @Test
  void sameSeedSameSampleOtherSeedOtherSample() {
    var one = SpotCheck.sample(batch, SpotCheckOptions.tenPercent(7), List.of());
    assertThat(SpotCheck.sample(batch, SpotCheckOptions.tenPercent(7), List.of())).isEqualTo(one);
    boolean anyDiffers =
        IntStream.range(8, 20)
            .anyMatch(
                seed ->
                    !SpotCheck.sample(batch, SpotCheckOptions.tenPercent(seed), List.of())
                        .equals(one));
    assertThat(anyDiffers).isTrue();
  }

  @Test
  void neverOverlapsTheExpertQueueUnlessAsked() {
    List<FrameRef> queue = new ArrayList<>();
    for (int f = 0; f < 20; f++) if (f != 3 && f != 4) queue.add(new FrameRef("b", f));
    var s = SpotCheck.sample(batch, SpotCheckOptions.tenPercent(1), queue);
    assertThat(s.stream().filter(r -> r.videoId().equals("b")))
        .extracting(SpotCheckRow::frame)
        .isSubsetOf(3, 4);
    var overlap = SpotCheck.sample(batch, new SpotCheckOptions(1.0, 1, true), queue);
    assertThat(overlap).hasSize(40);
  }

  @Test
  void badRateAndEmptyBatchAreRefused() {
    assertThatThrownBy(() -> new SpotCheckOptions(0, 1, false))
        .hasMessageContaining("rate must be in (0,1]");
    assertThatThrownBy(() -> SpotCheck.sample(List.of(), SpotCheckOptions.tenPercent(1), List.of()))
        .hasMessageContaining("empty batch");
  }
}
