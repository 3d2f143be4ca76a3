package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewListTest {
  @TempDir Path dir;

  static AnnotationSet sub(String who, String video, List<Detection> ds) {
    return new AnnotationSet(
        new Video(video, 10, 100, 100, 20, ""),
        Provenance.annotator(who, null, "test"),
        List.of("iv_pole", "monitor"),
        ds);
  }

  static Detection d(int frame, int id, String label, double x) {
    return Detection.of(frame, id, label, new Box(x, 0, 10, 10));
  }

  /** Four objects in one frame, second annotator calls the last iv_pole a monitor. */
  static List<Detection> four(boolean disagree) {
    return List.of(
        d(0, 1, "iv_pole", 0),
        d(0, 2, "iv_pole", 20),
        d(0, 3, "monitor", 40),
        d(0, 4, disagree ? "monitor" : "iv_pole", 60));
  }

  AssignmentPlan plan() {
    return new AssignmentPlan(
        List.of("A", "B", "C"),
        List.of(
            new Assignment(WorkItem.video("v1"), List.of("A", "B")),
            new Assignment(WorkItem.video("v2"), List.of("A", "C")),
            new Assignment(WorkItem.video("v3"), List.of("B", "C")),
            new Assignment(WorkItem.video("v4"), List.of("C"))));
  }

  @Test
  void kappaOnMatchedClassesIsTheHandComputedValue() {
    // pairs (iv,iv) (iv,iv) (mon,mon) (iv,mon): po = 3/4; marginals A iv 3 mon 1, B iv 2 mon 2;
    // pe = (3*2 + 1*2)/16 = 1/2; kappa = (3/4 - 1/2) / (1/2) = 1/2.
    ItemAgreement ag =
        ItemAgreement.of(
            ObjectMatching.of(sub("A", "v", four(false)), sub("B", "v", four(true)), 0.5));
    assertThat(ag.kappa().value()).isCloseTo(0.5, within(1e-12));
    assertThat(ag.classAgreement()).isCloseTo(0.75, within(1e-12));
    assertThat(ag.meanIou()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void onlyItemsThatDisagreeBeyondThresholdsOrLackASubmissionAreListed() throws Exception {
    List<Detection> shifted = new ArrayList<>();
    for (Detection x : four(false))
      shifted.add(x.withBox(new Box(x.box().x() + 3, 0, 10, 10))); // IoU 70/130
    List<AnnotationSet> subs =
        List.of(
            sub("A", "v1", four(false)),
            sub("B", "v1", four(false)), // agree
            sub("A", "v2", four(false)),
            sub("C", "v2", four(true)), // class kappa 0.5
            sub("B", "v3", four(false)), // C missing
            sub("C", "v4", four(false)));
    List<ReviewItem> review = ReviewList.of(plan(), subs, ReviewThresholds.defaults());
    assertThat(review).extracting(ReviewItem::video).containsExactly("v2", "v3");
    assertThat(review.get(0).reasons()).containsExactly("class-kappa=0.50<0.60");
    assertThat(review.get(1).reasons()).containsExactly("missing-submission: C");

    List<ReviewItem> loose =
        ReviewList.of(
            plan(),
            List.of(sub("A", "v1", four(false)), sub("B", "v1", shifted)),
            ReviewThresholds.defaults());
    assertThat(loose.get(0).reasons()).contains(String.format("mean-iou=%.2f<0.70", 70.0 / 130));

    Path csv = dir.resolve("review.csv");
    ReviewList.writeCsv(review, csv);
    assertThat(Files.readAllLines(csv))
        .containsExactly(
            ReviewItem.CSV_HEADER,
            "v2,v2,-1,A;C,class-kappa=0.50<0.60",
            "v3,v3,-1,B;C,missing-submission: C");
  }

  @Test
  void swappedIdsBetweenTheTwoAnnotatorsAreFlagged() {
    List<Detection> a = new ArrayList<>(), b = new ArrayList<>();
    for (int f = 0; f < 10; f++) {
      a.add(d(f, 1, "iv_pole", 0));
      a.add(d(f, 2, "iv_pole", 50));
      b.add(d(f, f < 5 ? 1 : 2, "iv_pole", 0));
      b.add(d(f, f < 5 ? 2 : 1, "iv_pole", 50));
    }
    List<ReviewItem> review =
        ReviewList.of(
            plan(), List.of(sub("A", "v1", a), sub("B", "v1", b)), ReviewThresholds.defaults());
    assertThat(review.get(0).reasons()).containsExactly("id-mismatch=10/20");
  }

  @Test
  void submissionsFromUnknownOrUnassignedAnnotatorsAreErrors() {
    assertThatThrownBy(
            () ->
                ReviewList.of(
                    plan(), List.of(sub("Zed", "v1", List.of())), ReviewThresholds.defaults()))
        .hasMessageContaining("unknown annotator 'Zed'");
    assertThatThrownBy(
            () ->
                ReviewList.of(
                    plan(), List.of(sub("C", "v1", List.of())), ReviewThresholds.defaults()))
        .hasMessageContaining("was not assigned video v1");
  }
}
