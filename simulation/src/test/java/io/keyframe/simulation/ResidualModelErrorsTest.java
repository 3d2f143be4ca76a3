package io.keyframe.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.synth.InjectedFault;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResidualModelErrorsTest {
  private static final Video VIDEO = new Video("v", 15, 640, 360, 8, null);
  private static final List<String> LABELS = List.of("iv_pole", "monitor", "bed_rail");

  /** Object 1 (iv_pole) at x=10 and object 2 (monitor) at x=300, frames 0..7. */
  private static AnnotationSet truth() {
    List<Detection> d = new ArrayList<>();
    for (int f = 0; f < 8; f++) {
      d.add(Detection.of(f, 1, "iv_pole", new Box(10, 10, 40, 80)));
      d.add(Detection.of(f, 2, "monitor", new Box(300, 50, 60, 40)));
    }
    return new AnnotationSet(VIDEO, Provenance.groundTruth("gt"), LABELS, d);
  }

  private static InjectedFault fault(
      InjectedFault.Kind kind, int start, int end, List<Integer> ids, String detail) {
    return new InjectedFault("synthetic-detector", kind, "v", start, end, ids, detail);
  }

  /** Rate 1: the one fault survives into {@code labels} (the truth is {@link #truth()}). */
  private static ResidualModelErrors.Result everyFaultSurvives(
      AnnotationSet labels, InjectedFault fault) {
    return new ResidualModelErrors(1)
        .apply(labels, truth(), List.of(fault), new SplittableRandom(1));
  }

  private static List<Detection> of(AnnotationSet s, int frame) {
    return s.detections().stream().filter(d -> d.frame() == frame).toList();
  }

  @Test
  void aSurvivingClassConfusionRelabelsTheObjectOverItsSpan() {
    ResidualModelErrors.Result r =
        everyFaultSurvives(
            truth(),
            fault(InjectedFault.Kind.CLASS_CONFUSION, 2, 4, List.of(1), "iv_pole->monitor"));
    assertThat(r.errors())
        .containsExactly(new InjectedError(ResidualModelErrors.CLASS_CONFUSION, 1, 2, 4));
    assertThat(of(r.labels(), 3))
        .filteredOn(d -> d.trackId() == 1)
        .extracting(Detection::label)
        .containsExactly("monitor");
    assertThat(of(r.labels(), 5))
        .filteredOn(d -> d.trackId() == 1)
        .extracting(Detection::label)
        .containsExactly("iv_pole");
    assertThat(r.labels().detections()).hasSize(16);
  }

  @Test
  void aSurvivingMissRemovesOnlyBoxesTheAnnotatorStillHad() {
    // The annotator had already skipped frame 4 of object 1: the model's miss over 3..5 adds frames
    // 3 and 5, two errors.
    List<Detection> own = new ArrayList<>(truth().detections());
    own.removeIf(d -> d.trackId() == 1 && d.frame() == 4);
    AnnotationSet labels = truth().withDetections(own);
    ResidualModelErrors.Result r =
        everyFaultSurvives(
            labels,
            fault(InjectedFault.Kind.MISSED_DETECTION, 3, 5, List.of(1), "min visibility 0.400"));
    assertThat(r.errors())
        .containsExactly(
            new InjectedError(ResidualModelErrors.MISSED, 1, 3, 3),
            new InjectedError(ResidualModelErrors.MISSED, 1, 5, 5));
    assertThat(r.labels().detections()).hasSize(16 - 3);
  }

  @Test
  void theObjectIsFoundByItsBoxSoAnAnnotatorsIdSwapIsFollowed() {
    // The annotator exchanged IDs 1 and 2: the truth's object 1 carries label ID 2.
    List<Detection> swapped =
        truth().detections().stream().map(d -> d.withTrackId(3 - d.trackId())).toList();
    ResidualModelErrors.Result r =
        everyFaultSurvives(
            truth().withDetections(swapped),
            fault(InjectedFault.Kind.CLASS_CONFUSION, 0, 0, List.of(1), "iv_pole->monitor"));
    assertThat(of(r.labels(), 0))
        .filteredOn(d -> d.trackId() == 2)
        .extracting(Detection::label)
        .containsExactly("monitor");
    assertThat(r.errors())
        .containsExactly(new InjectedError(ResidualModelErrors.CLASS_CONFUSION, 1, 0, 0));
  }

  @Test
  void aSurvivingFalsePositiveIsANewObjectCountedOnItsFrame() {
    ResidualModelErrors.Result r =
        everyFaultSurvives(
            truth(),
            fault(
                InjectedFault.Kind.FALSE_POSITIVE,
                6,
                6,
                List.of(),
                "bed_rail on person at 120.00,40.50,30.00,20.00"));
    assertThat(of(r.labels(), 6))
        .hasSize(3)
        .anySatisfy(
            d -> {
              assertThat(d.label()).isEqualTo("bed_rail");
              assertThat(d.box()).isEqualTo(new Box(120, 40.5, 30, 20));
              assertThat(d.trackId()).isEqualTo(3);
            });
    InjectedError e =
        new InjectedError(ResidualModelErrors.FALSE_POSITIVE, InjectedError.SPURIOUS, 6, 6);
    assertThat(r.errors()).containsExactly(e);
    SimulatedVideo sim =
        new SimulatedVideo(
            truth(),
            new VideoEvidence(VIDEO, truth(), null, List.of(r.labels()), List.of()),
            r.errors());
    assertThat(sim.frames(e).stream().toArray()).containsExactly(6);
  }

  @Test
  void atRateZeroNothingSurvivesAndAboutRateSurviveOtherwise() {
    InjectedFault fp =
        fault(
            InjectedFault.Kind.FALSE_POSITIVE,
            1,
            1,
            List.of(),
            "bed_rail on background at 100.00,100.00,30.00,20.00");
    assertThat(
            new ResidualModelErrors(0)
                .apply(truth(), truth(), List.of(fp), new SplittableRandom(1))
                .errors())
        .isEmpty();
    List<InjectedFault> many = new ArrayList<>();
    for (int i = 0; i < 2000; i++) many.add(fp);
    int kept =
        new ResidualModelErrors(0.3)
            .apply(truth(), truth(), many, new SplittableRandom(7))
            .errors()
            .size();
    // Binomial(2000, 0.3): sd ~20.5, so 600 +- 80 is a four-sigma band.
    assertThat(kept).isBetween(520, 680);
    assertThatThrownBy(() -> new ResidualModelErrors(1.5)).hasMessageContaining("[0, 1]");
  }
}
