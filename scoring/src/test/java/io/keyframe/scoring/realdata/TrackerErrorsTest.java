package io.keyframe.scoring.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackerErrorsTest {
  private static List<RealSequence> sequences;

  /**
   * py-motmetrics' per-frame events (bench/real-queue/oracle_errors.py): seq -> frame (1-based) ->
   * {fp, miss, switch}.
   */
  private static Map<String, Map<Integer, int[]>> oracle;

  @BeforeAll
  static void read() throws IOException {
    sequences = TrackEvalFolder.read(RealData.DATA);
    oracle = new TreeMap<>();
    List<String> lines =
        Files.readAllLines(RealData.DATA.resolveSibling("py-motmetrics-errors.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      if (c[1].equals("TOTAL")) continue;
      oracle
          .computeIfAbsent(c[0], k -> new TreeMap<>())
          .put(
              Integer.parseInt(c[1]),
              new int[] {Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4])});
    }
  }

  private static RealSequence sequence(String name) {
    return sequences.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MOT17-02-FRCNN",
        "MOT17-04-FRCNN",
        "MOT17-05-FRCNN",
        "MOT17-09-FRCNN",
        "MOT17-10-FRCNN",
        "MOT17-11-FRCNN",
        "MOT17-13-FRCNN"
      })
  void falsePositivesMissesAndSwitchesPerFrameEqualPyMotmetrics(String name) {
    RealSequence s = sequence(name);
    TrackerErrors e = TrackerErrors.count(name, s.groundTruth(), s.delivered(), s.frameCount());
    Map<Integer, int[]> expected = oracle.get(name);
    assertThat(e.frameCount()).isEqualTo(200);
    for (int f = 0; f < e.frameCount(); f++) {
      int[] x = expected.getOrDefault(f + 1, new int[3]);
      assertThat(new int[] {e.falsePositives().get(f), e.misses().get(f), e.switches().get(f)})
          .as(name + " frame " + (f + 1))
          .containsExactly(x);
    }
  }

  @Test
  void groundTruthKeepsOnlyConsideredPedestrians() {
    // awk -F, '$7!=0 && $8==1' gt.txt | wc -l: 1687 of 2505 rows (MOT17-05), 1645 of 3299
    // (MOT17-09)
    assertThat(sequence("MOT17-05-FRCNN").groundTruth().detections()).hasSize(1687);
    assertThat(sequence("MOT17-05-FRCNN").ignoredGtRows()).isEqualTo(2505 - 1687);
    assertThat(sequence("MOT17-09-FRCNN").groundTruth().detections()).hasSize(1645);
    assertThat(sequence("MOT17-09-FRCNN").ignoredGtRows()).isEqualTo(3299 - 1645);
    assertThat(sequence("MOT17-09-FRCNN").deliveredTracker()).isEqualTo("MoTT");
    assertThat(sequence("MOT17-09-FRCNN").groundTruth().video().width()).isEqualTo(1920);
  }

  @Test
  void handBuiltSequenceCountsEachKindOnItsFrame() {
    Video v = new Video("v", 30, 100, 100, 4, "");
    // gt: objects 1 and 2 on frames 0-3, far apart.
    List<Detection> gt = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      gt.add(Detection.of(f, 1, "1", new Box(0, 0, 10, 10)));
      gt.add(Detection.of(f, 2, "1", new Box(50, 50, 10, 10)));
    }
    // tracker: frame 0 both right (ids 7, 8); frame 1 misses object 2 and puts a box nowhere (1
    // FP);
    // frame 2 object 1 is covered by new id 9 (a switch), object 2 by 8 again; frame 3 as frame 2.
    List<Detection> tr = new ArrayList<>();
    tr.add(Detection.of(0, 7, "object", new Box(0, 0, 10, 10)));
    tr.add(Detection.of(0, 8, "object", new Box(50, 50, 10, 10)));
    tr.add(Detection.of(1, 7, "object", new Box(1, 0, 10, 10)));
    tr.add(Detection.of(1, 5, "object", new Box(80, 0, 10, 10)));
    for (int f = 2; f < 4; f++) {
      tr.add(Detection.of(f, 9, "object", new Box(0, 0, 10, 10)));
      tr.add(Detection.of(f, 8, "object", new Box(50, 50, 10, 10)));
    }
    TrackerErrors e =
        TrackerErrors.count(
            "v",
            new AnnotationSet(v, Provenance.unknown(), List.of("1"), gt),
            new AnnotationSet(v, Provenance.unknown(), List.of("object"), tr),
            4);
    assertThat(e.falsePositives().toArray()).containsExactly(0, 1, 0, 0);
    assertThat(e.misses().toArray()).containsExactly(0, 1, 0, 0);
    assertThat(e.switches().toArray()).containsExactly(0, 0, 1, 0);
    assertThat(e.perFrame()).containsExactly(0, 2, 1, 0);
    assertThat(e.total()).isEqualTo(3);
  }
}
