package io.keyframe.metrics.vos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.metrics.RefData;
import io.keyframe.metrics.iou.MaskIou;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real SA-V pair (human-verified vs model-generated masklets of sav_000001) against
 * sav_expected.json, written by src/test/resources/vos/sav_oracle.py with SA-V's evaluator
 * arithmetic on OpenCV 4.6 / scikit-image 0.19.
 */
class SavMaskletTest {
  static Masklets manual, auto;
  static JsonNode expected;

  @BeforeAll
  static void load() throws Exception {
    manual = Masklets.readSav(RefData.root().resolve("sav/sav_000001_manual.json"));
    auto = Masklets.readSav(RefData.root().resolve("sav/sav_000001_auto.json"));
    expected =
        new ObjectMapper()
            .readTree(
                Path.of(SavMaskletTest.class.getResource("/vos/sav_expected.json").toURI())
                    .toFile());
  }

  @Test
  void readsBothAnnotationSets() {
    assertThat(manual.ids()).hasSize(5);
    assertThat(auto.ids()).hasSize(9);
    assertThat(manual.frames()).isEqualTo(121);
    assertThat(auto.frames()).isEqualTo(121);
    assertThat(manual.height()).isEqualTo(848);
    assertThat(manual.width()).isEqualTo(480);
  }

  @Test
  void meanIouMatrixEqualsOracle() {
    JsonNode m = expected.get("mean_iou_matrix");
    for (int i = 0; i < 5; i++)
      for (int j = 0; j < 9; j++) {
        double sum = 0;
        for (int k = 0; k < manual.frames(); k++)
          sum += MaskIou.of(manual.masks()[k][i], auto.masks()[k][j]);
        assertThat(sum / manual.frames())
            .as("%d:%d", i, j)
            .isCloseTo(m.get(i).get(j).asDouble(), within(1e-12));
      }
  }

  @Test
  void jAndFPerPairEqualsOracle() {
    JAndF jf = JAndF.semiSupervised();
    for (JsonNode p : expected.get("pairs")) {
      int i = p.get("manual").asInt(), j = p.get("auto").asInt();
      ObjectScore s = jf.score(i, manual.masklet(i), auto.masklet(j));
      assertThat(s.frames()).isEqualTo(p.get("frames").asInt());
      assertThat(s.j()).as("J %d:%d", i, j).isCloseTo(p.get("J").asDouble(), within(1e-9));
      assertThat(s.f()).as("F %d:%d", i, j).isCloseTo(p.get("F").asDouble(), within(1e-9));
    }
  }

  @Test
  void matchingIsTheBestOneToOneAssignmentOfTheOracleMatrix() {
    double min = 0.1;
    JsonNode m = expected.get("mean_iou_matrix");
    // Brute force over all injective maps of the 5 manual masklets into the 9 automatic ones.
    int[] best = bestAssignment(m, 5, 9);
    List<Integer> wantUnmatched = new ArrayList<>();
    List<String> wantPairs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      if (m.get(i).get(best[i]).asDouble() >= min && m.get(i).get(best[i]).asDouble() > 0)
        wantPairs.add(i + ":" + best[i]);
      else wantUnmatched.add(i);
    }
    MaskletMatching.Result r = new MaskletMatching(min, JAndF.semiSupervised()).match(manual, auto);
    assertThat(r.pairs().stream().map(p -> p.reference() + ":" + p.other()).toList())
        .isEqualTo(wantPairs);
    assertThat(r.unmatchedReference()).isEqualTo(wantUnmatched);
    assertThat(r.unmatchedOther()).hasSize(9 - wantPairs.size());
    assertThat(wantPairs).containsExactly("1:3");
    JsonNode p13 = null;
    for (JsonNode p : expected.get("pairs"))
      if (p.get("manual").asInt() == 1 && p.get("auto").asInt() == 3) p13 = p;
    assertThat(r.meanJF())
        .isCloseTo((p13.get("J").asDouble() + p13.get("F").asDouble()) / 2, within(1e-9));
  }

  private static int[] bestAssignment(JsonNode m, int r, int c) {
    int[] cur = new int[r], best = new int[r];
    double[] bestScore = {-1};
    search(m, 0, r, c, new boolean[c], cur, 0, best, bestScore);
    return best;
  }

  private static void search(
      JsonNode m,
      int i,
      int r,
      int c,
      boolean[] used,
      int[] cur,
      double score,
      int[] best,
      double[] bestScore) {
    if (i == r) {
      if (score > bestScore[0]) {
        bestScore[0] = score;
        System.arraycopy(cur, 0, best, 0, r);
      }
      return;
    }
    for (int j = 0; j < c; j++) {
      if (used[j]) continue;
      used[j] = true;
      cur[i] = j;
      search(m, i + 1, r, c, used, cur, score + m.get(i).get(j).asDouble(), best, bestScore);
      used[j] = false;
    }
  }

  @Test
  void handBuiltBoundaryCases() {
    boolean[] square = new boolean[100];
    for (int x = 2; x <= 5; x++) for (int y = 2; y <= 5; y++) square[x * 10 + y] = true;
    Mask a = Mask.fromColumnMajor(10, 10, square);
    Mask empty = Mask.empty(10, 10);
    assertThat(BoundaryF.of(a, a).f()).isEqualTo(1.0);
    // Empty prediction: precision 1, recall 0, F 0; both empty: 1 (DAVIS conventions).
    BoundaryF none = BoundaryF.of(empty, a);
    assertThat(new double[] {none.precision(), none.recall(), none.f()}).containsExactly(1, 0, 0);
    assertThat(BoundaryF.of(empty, empty).f()).isEqualTo(1.0);
    assertThat(MaskIou.jaccard(empty, empty)).isEqualTo(1.0);
    // A one-pixel shift stays within a one-pixel tolerance (ceil(0.008 * sqrt(200)) = 1).
    boolean[] shifted = new boolean[100];
    for (int x = 3; x <= 6; x++) for (int y = 2; y <= 5; y++) shifted[x * 10 + y] = true;
    assertThat(BoundaryF.of(Mask.fromColumnMajor(10, 10, shifted), a).f()).isEqualTo(1.0);
    // Far apart: no boundary pixel within tolerance.
    boolean[] far = new boolean[100];
    far[8 * 10 + 8] = true;
    assertThat(BoundaryF.of(Mask.fromColumnMajor(10, 10, far), a).f()).isEqualTo(0.0);
  }

  @Test
  void aFileWithoutVideoIdNamesTheVideoAsTheAnnotationReaderDoes(@TempDir Path tmp)
      throws Exception {
    assertThat(manual.videoId()).isEqualTo("sav_000001");
    ObjectMapper json = new ObjectMapper();
    ObjectNode root =
        (ObjectNode) json.readTree(RefData.root().resolve("sav/sav_000001_manual.json").toFile());
    root.remove("video_id");
    Path copy = tmp.resolve("ward-3_manual.json");
    json.writeValue(copy.toFile(), root);
    // The name without its extension, as dataset's SA-V reader names the same file's video.
    assertThat(Masklets.readSav(copy).videoId()).isEqualTo("ward-3_manual");
    assertThat(AnnotationFiles.read(copy).video().id()).isEqualTo("ward-3_manual");
  }
}
