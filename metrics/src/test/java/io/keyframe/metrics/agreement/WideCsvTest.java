package io.keyframe.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.metrics.report.AgreementReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The refdata kappa CSVs are wide (one column per rater); the agreement command reads them as they
 * are.
 */
class WideCsvTest {
  static final Path KAPPA =
      Path.of(System.getProperty("keyframe.shared", "../shared"), "refdata/kappa");

  @Test
  void cohenFromTheTwoColumnRefdataFile() {
    // refdata README: sklearn/statsmodels give 0.801325 / 0.835526 / 0.877651 on this file.
    Path csv = KAPPA.resolve("cohen_ap2008_table4_3class.csv");
    assertThat(RatingTable.readCsv(csv).raters()).hasSize(2);
    assertThat(AgreementReport.ofCsv(csv, Weighting.NONE).toText()).contains("0.801325");
    assertThat(AgreementReport.ofCsv(csv, Weighting.LINEAR).toText()).contains("0.835526");
    assertThat(AgreementReport.ofCsv(csv, Weighting.QUADRATIC).toText()).contains("0.877651");
  }

  @Test
  void fleissFromTheSixColumnRefdataFile() {
    // refdata README: statsmodels / R irr give Fleiss 0.430245 on this file.
    String text =
        AgreementReport.ofCsv(KAPPA.resolve("fleiss1971_diagnoses_raw_30x6.csv"), Weighting.NONE)
            .toText();
    assertThat(text).contains("0.430245");
  }
}
