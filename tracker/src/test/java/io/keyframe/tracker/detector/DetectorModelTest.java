package io.keyframe.tracker.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Track;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.dataset.frames.Mp4FrameSource;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the two shipped real detectors on the real bedroom clip (two people, one bed in view). */
class DetectorModelTest {
  private static final Path SHARED = Path.of(System.getProperty("keyframe.shared", "../shared"));
  private static final Path DEIM = SHARED.resolve("models/deimv2_hgnetv2_atto_coco.onnx");
  private static final Path YOLOX = SHARED.resolve("models/yolox_nano.onnx");
  private static List<Frame> frames;

  @BeforeAll
  static void decode() throws Exception {
    try (FrameSource source = new Mp4FrameSource(SHARED.resolve("videos/bedroom.mp4"))) {
      frames = new java.util.ArrayList<>();
      for (Frame f : source) {
        frames.add(f);
        if (frames.size() == 24) break; // decoding is the slow part of this test
      }
    }
  }

  private static Video video() {
    return new Video(
        "bedroom", 24, frames.get(0).width(), frames.get(0).height(), frames.size(), "");
  }

  @Test
  void deimFindsPeopleAndTheBedAndTracksKeepStableIds() throws Exception {
    AnnotationSet dets;
    try (DetectorModel model = DetectorModel.load(DEIM, DetectorOptions.defaults())) {
      assertThat(model.layout()).isEqualTo(DetectorLayout.DETR_LABELS_BOXES_SCORES);
      assertThat(model.batchSize()).isEqualTo(4);
      dets = model.detectVideo(video(), frames, null);
    }
    assertThat(dets.provenance().kind()).isEqualTo(Provenance.Kind.MODEL);
    assertThat(dets.provenance().modelSha256()).isEqualTo(FileHash.sha256(DEIM));
    Map<Integer, List<Detection>> byFrame = dets.byFrame();
    assertThat(byFrame).hasSize(frames.size());
    for (List<Detection> ds : byFrame.values()) {
      assertThat(ds).anyMatch(d -> d.label().equals("person") && d.score() >= 0.5);
      assertThat(ds).anyMatch(d -> d.label().equals("bed") && d.score() >= 0.5);
    }
    TrackedVideo tracked =
        new ByteTracker(ByteTrackConfig.defaults()).track(dets, frameImages(), List.of(), null);
    Map<String, List<Track>> byClass =
        tracked.tracks().tracks().stream().collect(Collectors.groupingBy(Track::label));
    // One bed in view all along: one ID covering (nearly) every frame.
    Track bed =
        byClass.get("bed").stream()
            .max(Comparator.comparingInt(t -> t.detections().size()))
            .orElseThrow();
    assertThat(bed.detections().size()).isGreaterThanOrEqualTo(frames.size() - 2);
    // The standing person is in view all along: one ID in every frame.
    List<Track> people =
        byClass.get("person").stream()
            .sorted(Comparator.comparingInt((Track t) -> t.detections().size()).reversed())
            .toList();
    assertThat(people.get(0).detections()).hasSize(frames.size());
    // Frames 0-16 show both people clearly (score >= 0.5): exactly two person IDs there, each in
    // every frame.
    Map<Integer, Long> idsEarly =
        tracked.tracks().detections().stream()
            .filter(d -> d.label().equals("person") && d.frame() <= 16)
            .collect(Collectors.groupingBy(Detection::trackId, Collectors.counting()));
    assertThat(idsEarly).hasSize(2).allSatisfy((id, n) -> assertThat(n).isEqualTo(17L));
    // The second person is then mostly hidden behind the first; at most one new ID over the clip.
    assertThat(people).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void yoloxAgreesWithDeimOnTheFirstFrame() throws Exception {
    List<ModelDetection> deim, yolox;
    try (DetectorModel a = DetectorModel.load(DEIM, DetectorOptions.defaults());
        DetectorModel b = DetectorModel.load(YOLOX, DetectorOptions.defaults())) {
      assertThat(b.layout()).isEqualTo(DetectorLayout.YOLOX_RAW_HEAD);
      assertThat(b.batchSize()).isEqualTo(1); // the export fixes N = 1
      deim = a.detectRaw(List.of(frames.get(0).image())).get(0);
      yolox = b.detectRaw(List.of(frames.get(0).image())).get(0);
      assertThat(b.detect(frames.subList(0, 3))).extracting(Detection::frame).contains(0, 1, 2);
    }
    // Two independently trained models: every confident DEIM person/bed has a YOLOX box of the same
    // class at IoU > 0.7.
    List<ModelDetection> confident =
        deim.stream()
            .filter(d -> d.score() > 0.5 && (d.classIndex() == 0 || d.classIndex() == 59))
            .toList();
    assertThat(confident).hasSizeGreaterThanOrEqualTo(3);
    for (ModelDetection d : confident)
      assertThat(yolox)
          .anySatisfy(
              y -> {
                assertThat(y.classIndex()).isEqualTo(d.classIndex());
                assertThat(BoxIou.of(y.box(), d.box())).isGreaterThan(0.7);
              });
  }

  @Test
  void aMissingModelFileIsAClearError() {
    assertThatThrownBy(
            () ->
                DetectorModel.load(SHARED.resolve("models/none.onnx"), DetectorOptions.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("none.onnx")
        .hasMessageContaining("not found");
  }

  @Test
  void aCorruptModelFileIsAClearError(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("corrupt.onnx");
    byte[] half = java.util.Arrays.copyOf(Files.readAllBytes(YOLOX), 5000);
    Files.write(bad, half);
    assertThatThrownBy(() -> DetectorModel.load(bad, DetectorOptions.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("corrupt.onnx")
        .hasMessageContaining("not a loadable ONNX model");
  }

  @Test
  void wrongInputNamesAreAClearError() throws Exception {
    assertThatThrownBy(
            () -> DetectorModel.load(fixture("wrong_input_name.onnx"), DetectorOptions.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("inputs")
        .hasMessageContaining("[pixels]");
    DetectorOptions forcedDetr =
        new DetectorOptions(
            DetectorLayout.DETR_LABELS_BOXES_SCORES, ClassMapping.cocoDefault(), 0.3, 0.45, 4, 0);
    assertThatThrownBy(() -> DetectorModel.load(YOLOX, forcedDetr))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("[images, orig_target_sizes]");
  }

  @Test
  void wrongInputShapesAreAClearError() throws Exception {
    assertThatThrownBy(
            () -> DetectorModel.load(fixture("wrong_input_shape.onnx"), DetectorOptions.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("'images'")
        .hasMessageContaining("[1, 3, 320, 416]");
  }

  @Test
  void outputsThatDoNotFitTheLayoutFailInTheDryRun() throws Exception {
    assertThatThrownBy(
            () -> DetectorModel.load(fixture("wrong_outputs.onnx"), DetectorOptions.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("'outputs'")
        .hasMessageContaining("dry run failed");
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(DetectorModelTest.class.getResource(name).toURI());
  }

  private static FrameImages frameImages() {
    return f -> f < frames.size() ? frames.get(f).image() : null;
  }
}
