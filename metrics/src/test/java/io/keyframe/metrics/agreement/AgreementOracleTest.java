package io.keyframe.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.report.AgreementReport;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * item,rater,label CSVs against oracle_expected.json, written by
 * src/test/resources/agreement/oracle.py with scikit-learn 1.2.1 and statsmodels 0.13.5 (Debian
 * python3).
 */
class AgreementOracleTest {
  private static final double TOL = 1e-9;

  static Path resource(String name) throws Exception {
    return Path.of(AgreementOracleTest.class.getResource("/agreement/" + name).toURI());
  }

  @Test
  void csvStatisticsEqualScikitLearnStatsmodelsAndKrippendorff() throws Exception {
    JsonNode expected = new ObjectMapper().readTree(resource("oracle_expected.json").toFile());
    int checked = 0;
    for (JsonNode file : expected.get("results")) {
      RatingTable t = RatingTable.readCsv(resource(file.get("file").asText()));
      for (Weighting w : Weighting.values()) {
        RatingAgreement a = RatingAgreement.of(t, w, null);
        for (RatingAgreement.PairKappa p : a.pairs()) {
          JsonNode want = file.get("cohen").get(p.raterA() + "|" + p.raterB());
          assertThat(p.weighted().value())
              .as("%s %s|%s %s", file.get("file").asText(), p.raterA(), p.raterB(), w)
              .isCloseTo(want.get(w.name().toLowerCase(Locale.ROOT)).asDouble(), within(TOL));
          checked++;
        }
      }
      RatingAgreement a = RatingAgreement.of(t, Weighting.NONE, null);
      assertThat(a.fleiss().value())
          .isCloseTo(file.get("fleiss").get("fleiss").asDouble(), within(TOL));
      assertThat(a.randolph().value())
          .isCloseTo(file.get("fleiss").get("randolph").asDouble(), within(TOL));
      assertThat(a.fleissItems()).isEqualTo(file.get("fleiss").get("items").asInt());
      for (var e : a.alpha().entrySet()) {
        String level = e.getKey().name().toLowerCase(Locale.ROOT);
        assertThat(e.getValue().value())
            .as(level)
            .isCloseTo(file.get("krippendorff").get(level).asDouble(), within(TOL));
        checked++;
      }
      if (t.numeric())
        assertThat(KrippendorffAlpha.of(t, KrippendorffAlpha.Level.RATIO).value())
            .isCloseTo(file.get("krippendorff").get("ratio").asDouble(), within(TOL));
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void reportShowsIntervalsAroundTheEstimate() throws Exception {
    AgreementReport r = AgreementReport.ofCsv(resource("ratings_3raters.csv"), Weighting.QUADRATIC);
    var ci = r.agreement().intervals().get("alpha:nominal");
    double alpha = r.agreement().alpha().get(KrippendorffAlpha.Level.NOMINAL).value();
    assertThat(ci.low()).isLessThan(alpha);
    assertThat(ci.high()).isGreaterThan(alpha);
    assertThat(r.toText())
        .contains("cohen_kappa ann|bob")
        .contains("quadratic-weighted")
        .contains("95% CI");
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertThat(json.get("krippendorff_alpha").get("interval").get("value").asDouble())
        .isCloseTo(
            KrippendorffAlpha.of(r.agreement().table(), KrippendorffAlpha.Level.INTERVAL).value(),
            within(1e-12));
    // Same seed, same interval.
    AgreementReport again =
        AgreementReport.ofCsv(resource("ratings_3raters.csv"), Weighting.QUADRATIC);
    assertThat(again.agreement().intervals()).isEqualTo(r.agreement().intervals());
  }

  @Test
  void singleRaterCsvReportsUndefinedWithReasons(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("one.csv");
    java.nio.file.Files.writeString(csv, "item,rater,label\na,ann,x\nb,ann,y\n");
    AgreementReport r = AgreementReport.ofCsv(csv, Weighting.LINEAR);
    assertThat(r.agreement().pairs()).isEmpty();
    assertThat(r.toText()).contains("only one rater").contains("undefined (").doesNotContain("NaN");
    assertThat(r.toJson()).contains("\"undefined\"").doesNotContain("NaN");
  }

  @Test
  void repeatedRatingIsRejectedWithItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("dup.csv");
    java.nio.file.Files.writeString(csv, "item,rater,label\na,ann,x\na,bob,y\na,ann,y\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RatingTable.readCsv(csv))
        .isInstanceOf(io.keyframe.dataset.BadAnnotationException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("labels item 'a' twice");
  }

  @Test
  void bootstrapPercentileInterpolatesLikeNumpy() {
    // numpy.percentile([1,2,3,4], 25) = 1.75, 97.5 -> 3.925 (linear interpolation).
    double[] v = {1, 2, 3, 4};
    assertThat(PercentileBootstrap.percentile(v, 25)).isCloseTo(1.75, within(1e-12));
    assertThat(PercentileBootstrap.percentile(v, 97.5)).isCloseTo(3.925, within(1e-12));
  }
}
