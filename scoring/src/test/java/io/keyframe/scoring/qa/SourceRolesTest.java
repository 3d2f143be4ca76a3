package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.scoring.qa.SourceRoles.Run;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceRolesTest {
  private static final Set<String> SOURCES =
      Set.of("gt", "model-a", "ann-1", "ann-2", "ann-3", "tracker");

  private static Run run(String id, String job, long endedAt, String params) {
    return Run.parse(id, job, endedAt, params);
  }

  /** The roles the runs give the store's {@link #SOURCES}. */
  private static SourceRoles rolesOf(Run... runs) {
    return SourceRoles.of(List.of(runs), SOURCES);
  }

  @Test
  void theNewestRankRunNamesEveryRole() {
    SourceRoles roles =
        rolesOf(
            run(
                "r1",
                "rank",
                10,
                "{\"annotator_sources\":[\"ann-3\"],\"prediction_source\":\"model-a\"}"),
            run(
                "r2",
                "rank",
                20,
                "{\"annotator_sources\":[\"ann-2\",\"ann-1\",\"gt\",\"absent\"],"
                    + "\"prediction_source\":\"null\",\"tracker_source\":\"tracker\","
                    + "\"occlusion_source\":\"tracker\"}"),
            run("g", "generate", 5, "{\"model\":{\"name\":\"model-a\"}}"));

    // Order as the run names them; gt and sources without detections dropped; "null" is no value.
    assertThat(roles.annotators()).containsExactly("ann-2", "ann-1");
    assertThat(roles.prediction()).isNull();
    assertThat(roles.tracker()).isEqualTo("tracker");
    assertThat(roles.occlusionSource()).isEqualTo("tracker");
    assertThat(roles.reference()).isEqualTo("gt");
    assertThat(roles.fromRun()).isEqualTo("r2");
  }

  @Test
  void withoutARankRunTheAgreementRunsRatersAreTheAnnotators() {
    SourceRoles roles =
        rolesOf(
            run("g", "generate", 5, "{\"model\":{\"name\":\"model-a\"}}"),
            run("a", "agreement", 8, "{\"raters\":[\"ann-1\",\"ann-3\"]}"));

    assertThat(roles.annotators()).containsExactly("ann-1", "ann-3");
    assertThat(roles.prediction()).isEqualTo("model-a");
    assertThat(roles.fromRun()).isEqualTo("a");
  }

  @Test
  void withoutRankOrAgreementEveryOtherSourceIsAnAnnotator() {
    SourceRoles roles =
        rolesOf(
            run("t2", "track", 30, "{\"output_source\":\"later\",\"detector_source\":\"x\"}"),
            run(
                "t1",
                "track",
                20,
                "{\"output_source\":\"tracker\",\"detector_source\":\"model-a\"}"),
            run("bad", "rank", 40, "{not json"));

    // The oldest track run gives the tracker and the prediction; gt, model and trackers are not
    // annotators; a rank run whose parameters do not parse names nothing.
    assertThat(roles.annotators()).containsExactlyInAnyOrder("ann-1", "ann-2", "ann-3");
    assertThat(roles.prediction()).isEqualTo("model-a");
    assertThat(roles.tracker()).isEqualTo("tracker");
    assertThat(roles.trackers()).containsExactly("tracker", "later");
    assertThat(roles.occlusionSource()).isEqualTo("tracker");
    assertThat(roles.fromRun()).isNull();
  }
}
