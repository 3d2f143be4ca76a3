package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScorecardRowBuilderTest {

  @Test
  void valuesSetByNameLandInTheirComponentsAndTheRestAreUnmeasured() {
    Estimate hota = new Estimate(0.8, 0.7, 0.9);
    ScorecardRow row =
        ScorecardRow.builder("annotator-A", ScorecardRow.ALL)
            .videos(2)
            .referenceObjects(40)
            .hota(hota)
            .idSwitches(3)
            .framesPerHour(600)
            .rank(1)
            .build();
    assertThat(row.annotator()).isEqualTo("annotator-A");
    assertThat(row.label()).isEqualTo(ScorecardRow.ALL);
    assertThat(row.videos()).isEqualTo(2);
    assertThat(row.referenceObjects()).isEqualTo(40);
    assertThat(row.annotatorObjects()).isZero();
    assertThat(row.hota()).isEqualTo(hota);
    assertThat(row.idSwitches()).isEqualTo(3);
    assertThat(row.framesPerHour()).isEqualTo(600);
    assertThat(row.rank()).isEqualTo(1);
    assertThat(row.precision().value()).isNaN();
    assertThat(row.f1()).isNaN();
    assertThat(row.costPerVideo()).isNaN();
    assertThat(row.smallSample()).isFalse();
  }

  @Test
  void toBuilderCopiesEveryValueSoWithRankAndWithAnnotatorChangeOnlyTheirOwn() {
    ScorecardRow row = positional("a", 0);
    assertThat(row.toBuilder().build()).isEqualTo(row);
    assertThat(row.withRank(2)).isEqualTo(positional("a", 2));
    assertThat(row.withAnnotator("b")).isEqualTo(positional("b", 0));
  }

  /** A row with every component set through the positional constructor, all but two fixed. */
  private static ScorecardRow positional(String annotator, int rank) {
    Estimate e = new Estimate(0.5, 0.4, 0.6);
    return new ScorecardRow(
        annotator,
        "bed_rail",
        1,
        2,
        3,
        e,
        e,
        0.5,
        e,
        4,
        e,
        e,
        0.6,
        0.7,
        0.8,
        0.1,
        100,
        200,
        30,
        true,
        rank);
  }
}
