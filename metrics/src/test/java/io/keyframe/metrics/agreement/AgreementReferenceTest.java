package io.keyframe.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.metrics.RefData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from ../shared/refdata/README.md (scikit-learn, statsmodels, Krippendorff 2011). */
class AgreementReferenceTest {
  private static final double TOL = 1e-6;

  static List<String[]> rows(String name) throws IOException {
    List<String> lines = Files.readAllLines(RefData.root().resolve("kappa").resolve(name));
    List<String[]> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) out.add(l.split(",", -1));
    return out;
  }

  static List<String> header(String name) throws IOException {
    return Arrays.asList(
        Files.readAllLines(RefData.root().resolve("kappa").resolve(name)).get(0).split(","));
  }

  @ParameterizedTest
  @CsvSource({
    "cohen_ap2008_table1_binary.csv, 0.347826, 0.347826, 0.347826",
    "cohen_ap2008_table4_3class.csv, 0.801325, 0.835526, 0.877651",
    "cohen_weighted_3class.csv,      0.931507, 0.941176, 0.954128",
  })
  void cohenMatchesScikitLearn(String file, double none, double linear, double quadratic)
      throws IOException {
    RatingTable t = RatingTable.fromColumns(header(file), rows(file));
    assertThat(CohenKappa.of(t, 0, 1, Weighting.NONE).value()).isCloseTo(none, within(TOL));
    assertThat(CohenKappa.of(t, 0, 1, Weighting.LINEAR).value()).isCloseTo(linear, within(TOL));
    assertThat(CohenKappa.of(t, 0, 1, Weighting.QUADRATIC).value())
        .isCloseTo(quadratic, within(TOL));
  }

  /** Both of statsmodels' {@code fleiss_kappa} methods on one data set. */
  static void assertFleissAndRandolph(
      Function<FleissKappa.Method, Agreement> kappa, double fleiss, double randolph) {
    assertThat(kappa.apply(FleissKappa.Method.FLEISS).value()).isCloseTo(fleiss, within(TOL));
    assertThat(kappa.apply(FleissKappa.Method.RANDOLPH).value()).isCloseTo(randolph, within(TOL));
  }

  @Test
  void fleissMatchesStatsmodelsOnRawRatings() throws IOException {
    String file = "fleiss1971_diagnoses_raw_30x6.csv";
    RatingTable t = RatingTable.fromColumns(header(file), rows(file));
    assertFleissAndRandolph(method -> FleissKappa.of(t, method), 0.430245, 0.444444);
  }

  @Test
  void fleissMatchesStatsmodelsOnCounts() throws IOException {
    double[][] counts =
        rows("fleiss_randolph_7-1_3-5.csv").stream()
            .map(r -> Arrays.stream(r).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
    assertFleissAndRandolph(method -> FleissKappa.ofCounts(counts, method), 0.161905, 0.214286);
  }

  @Test
  void krippendorffMatchesPublishedExample() throws IOException {
    // One row per coder, one column per unit; transpose to one row per unit.
    List<String[]> coders = rows("krippendorff_3coders_15units_missing.csv");
    int units = header("krippendorff_3coders_15units_missing.csv").size();
    List<String[]> perUnit = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      String[] r = new String[coders.size()];
      for (int c = 0; c < coders.size(); c++)
        r[c] = u < coders.get(c).length ? coders.get(c)[u] : "";
      perUnit.add(r);
    }
    RatingTable t = RatingTable.fromColumns(List.of("c1", "c2", "c3"), perUnit);
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.NOMINAL).value())
        .isCloseTo(0.691358, within(TOL));
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.ORDINAL).value())
        .isCloseTo(0.806721, within(TOL));
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.INTERVAL).value())
        .isCloseTo(0.810845, within(TOL));
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.RATIO).value())
        .isCloseTo(0.808944, within(TOL));
  }

  @Test
  void singleCategoryGivesAReasonNotNaN() {
    RatingTable t =
        RatingTable.fromColumns(
            List.of("a", "b"), List.of(new String[] {"x", "x"}, new String[] {"x", "x"}));
    Agreement k = CohenKappa.of(t, 0, 1, Weighting.NONE);
    assertThat(k.isDefined()).isFalse();
    assertThat(k.format(3)).contains("undefined").contains("one single category");
    assertThat(FleissKappa.of(t, FleissKappa.Method.FLEISS).isDefined()).isFalse();
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.NOMINAL).isDefined()).isFalse();
  }

  @Test
  void singleRaterIsUndefined() {
    RatingTable t =
        RatingTable.fromColumns(List.of("a"), List.of(new String[] {"x"}, new String[] {"y"}));
    assertThat(CohenKappa.of(t, 0, 0, Weighting.NONE).undefinedReason()).contains("two raters");
    assertThat(FleissKappa.of(t, FleissKappa.Method.FLEISS).undefinedReason())
        .contains("two or more raters");
    assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.NOMINAL).undefinedReason())
        .contains("two or more values");
  }

  @Test
  void labelSeenByOneRaterOnlyStillCounts() {
    // Hand arithmetic: a = x,y,y,y; b = y,y,y,y. po = 3/4, pe = (1*0 + 3*4)/16 = 3/4, kappa = 0.
    RatingTable t =
        RatingTable.fromColumns(
            List.of("a", "b"),
            List.of(
                new String[] {"x", "y"},
                new String[] {"y", "y"},
                new String[] {"y", "y"},
                new String[] {"y", "y"}));
    assertThat(CohenKappa.of(t, 0, 1, Weighting.NONE).value()).isCloseTo(0.0, within(1e-12));
  }

  static Path kappaDir() {
    return RefData.root().resolve("kappa");
  }
}
