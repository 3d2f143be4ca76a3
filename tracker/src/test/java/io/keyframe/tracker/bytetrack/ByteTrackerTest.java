package io.keyframe.tracker.bytetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Track;
import io.keyframe.metrics.iou.BoxIou;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.TrackedVideo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ByteTrackerTest {
  private static final ByteTrackConfig NO_STITCH = ByteTrackConfig.defaults().withStitching(false);

  private static Set<Integer> idsNear(AnnotationSet tracks, Scene.Mover m) {
    Set<Integer> ids = new TreeSet<>();
    for (Detection d : tracks.detections())
      if (m.visible(d.frame()) && BoxIou.of(d.box(), m.at(d.frame())) > 0.5) ids.add(d.trackId());
    return ids;
  }

  /** Tracks detections alone: no pixels, no progress. */
  private static TrackedVideo track(
      ByteTrackConfig config, AnnotationSet detections, List<Detection> keyframes) {
    return new ByteTracker(config).track(detections, FrameImages.NONE, keyframes, null);
  }

  /** The detections in order, those on frames [from, to) replaced by {@code change}. */
  private static List<Detection> changedOnFrames(
      AnnotationSet dets, int from, int to, UnaryOperator<Detection> change) {
    return dets.detections().stream()
        .map(d -> d.frame() >= from && d.frame() < to ? change.apply(d) : d)
        .toList();
  }

  @Test
  void twoSeparateMoversKeepOneIdEach() {
    Scene.Mover a = Scene.mover(1, "person", 100, 100, 2, 0);
    Scene.Mover b = Scene.mover(2, "person", 100, 400, 3, 1);
    AnnotationSet dets = Scene.detections(120, 1.0, 1, a, b);
    TrackedVideo r = track(NO_STITCH, dets, List.of());
    assertThat(r.tracks().tracks()).hasSize(2);
    assertThat(idsNear(r.tracks(), a)).hasSize(1);
    assertThat(idsNear(r.tracks(), b))
        .hasSize(1)
        .doesNotContainAnyElementsOf(idsNear(r.tracks(), a));
    assertThat(r.tracks().detections()).hasSize(240);
    assertThat(r.occlusions()).isEmpty();
  }

  @Test
  void shortOcclusionIsBridgedByTheKalmanPredictionAndReportedAsAnEvent() {
    Scene.Mover a = Scene.hidden(Scene.mover(1, "bed", 100, 100, 2, 0), 40, 59);
    TrackedVideo r = track(NO_STITCH, Scene.detections(100, 0.5, 2, a), List.of());
    assertThat(idsNear(r.tracks(), a)).hasSize(1);
    int id = idsNear(r.tracks(), a).iterator().next();
    assertThat(r.occlusions()).containsExactly(new OcclusionEvent(id, 40, 59, "unknown", true));
    assertThat(r.recommendedKeyframes())
        .extracting(RecommendedKeyframe::frame, RecommendedKeyframe::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(60, "reemerged"));
  }

  @Test
  void shortGapsCanBeFilledWithInterpolatedBoxes() {
    Scene.Mover a = Scene.hidden(Scene.mover(1, "bed", 100, 100, 2, 0), 40, 49);
    AnnotationSet dets = Scene.detections(70, 0, 12, a);
    TrackedVideo r = track(NO_STITCH.withInterpolation(30), dets, List.of());
    assertThat(r.tracks().detections()).hasSize(70);
    // Frame 45 lies halfway between the last box (x = 178 at frame 39) and the next (x = 200 at
    // 50): 178 + 6/11 * 22.
    Detection mid =
        r.tracks().detections().stream().filter(d -> d.frame() == 45).findFirst().orElseThrow();
    assertThat(mid.occluded()).isTrue();
    assertThat(mid.score()).isZero();
    assertThat(mid.box().x())
        .isCloseTo(178 + 6.0 / 11 * 22, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.occlusions())
        .containsExactly(new OcclusionEvent(mid.trackId(), 40, 49, "unknown", true));
    // Gaps longer than the limit stay empty.
    TrackedVideo off = track(NO_STITCH.withInterpolation(5), dets, List.of());
    assertThat(off.tracks().detections()).hasSize(60);
  }

  @Test
  void longOcclusionSplitsTheIdWithoutStitchingAndKeepsItWithStitching() {
    // Static object hidden for 100 frames (longer than the 30-frame lost buffer), found again 1.5
    // widths away.
    Scene.Mover before = Scene.hidden(Scene.mover(1, "iv_pole", 500, 200, 0, 0), 50, 10_000);
    Scene.Mover after = new Scene.Mover(1, "iv_pole", 590, 200, 0, 0, 60, 120, -1, 149);
    Scene.Mover other = Scene.mover(2, "iv_pole", 100, 200, 0, 0);
    AnnotationSet dets = Scene.detections(220, 0.5, 3, before, after, other);
    TrackedVideo plain = track(NO_STITCH, dets, List.of());
    assertThat(idsNear(plain.tracks(), before))
        .doesNotContainAnyElementsOf(idsNear(plain.tracks(), after));
    TrackedVideo stitched = track(ByteTrackConfig.defaults(), dets, List.of());
    assertThat(idsNear(stitched.tracks(), before))
        .hasSize(1)
        .isEqualTo(idsNear(stitched.tracks(), after));
    assertThat(idsNear(stitched.tracks(), other))
        .hasSize(1)
        .doesNotContainAnyElementsOf(idsNear(stitched.tracks(), after));
    int id = idsNear(stitched.tracks(), before).iterator().next();
    assertThat(stitched.occlusions())
        .anySatisfy(
            e -> {
              assertThat(e.trackId()).isEqualTo(id);
              assertThat(e.startFrame()).isEqualTo(50);
              assertThat(e.endFrame()).isEqualTo(149);
            });
    assertThat(stitched.recommendedKeyframes())
        .anySatisfy(
            k -> {
              assertThat(k.trackId()).isEqualTo(id);
              assertThat(k.frame()).isEqualTo(150);
              assertThat(k.reason()).isEqualTo("stitched");
            });
  }

  @Test
  void stitchingNeverCrossesClasses() {
    Scene.Mover a = Scene.hidden(Scene.mover(1, "iv_pole", 500, 200, 0, 0), 0 + 50, 300);
    Scene.Mover cart =
        new Scene.Mover(
            2, "cart", 500, 200, 0, 0, 60, 120, -1, 100); // appears at 101 where the pole was
    AnnotationSet dets = Scene.detections(200, 0.5, 4, a, cart);
    TrackedVideo r = track(ByteTrackConfig.defaults(), dets, List.of());
    Map<Integer, Set<String>> classes =
        r.tracks().detections().stream()
            .collect(
                Collectors.groupingBy(
                    Detection::trackId, Collectors.mapping(Detection::label, Collectors.toSet())));
    assertThat(classes).hasSize(2).allSatisfy((id, ls) -> assertThat(ls).hasSize(1));
  }

  @Test
  void aShortClassConfusionKeepsTheTrackAndItsClass() {
    Scene.Mover a = Scene.mover(1, "iv_pole", 100, 100, 1, 0);
    AnnotationSet dets = Scene.detections(60, 0.5, 11, a);
    List<Detection> confused =
        changedOnFrames(
            dets,
            20,
            30,
            d ->
                new Detection(
                    d.frame(),
                    d.trackId(),
                    "monitor_stand",
                    d.box(),
                    null,
                    0.8,
                    Map.of("monitor_stand", 0.8, "iv_pole", 0.12),
                    -1,
                    false,
                    false,
                    false));
    AnnotationSet in =
        new AnnotationSet(
            dets.video(), dets.provenance(), List.of("iv_pole", "monitor_stand"), confused);
    TrackedVideo r = track(NO_STITCH, in, List.of());
    assertThat(r.tracks().tracks()).hasSize(1);
    assertThat(r.tracks().detections())
        .hasSize(60)
        .extracting(Detection::label)
        .containsOnly("iv_pole");
  }

  @Test
  void lowScoreDetectionsKeepATrackAliveThroughPartialOcclusion() {
    Scene.Mover a = Scene.mover(1, "person", 100, 100, 2, 0);
    AnnotationSet dets = Scene.detections(60, 0.5, 5, a);
    List<Detection> weakened = changedOnFrames(dets, 20, 40, d -> d.withScore(0.3));
    TrackedVideo r = track(NO_STITCH, dets.withDetections(weakened), List.of());
    assertThat(r.tracks().tracks()).hasSize(1);
    assertThat(r.tracks().detections()).hasSize(60);
    assertThat(r.tracks().detections().stream().filter(Detection::occluded).map(Detection::frame))
        .containsExactlyElementsOf(java.util.stream.IntStream.range(20, 40).boxed().toList());
    assertThat(r.occlusions()).isEmpty();
  }

  @Test
  void aKeyframeNamesTheObjectAndRejoinsAnIdLostLongAgo() {
    Scene.Mover a = Scene.hidden(Scene.mover(7, "person", 500, 200, 0, 0), 50, 149);
    AnnotationSet dets = Scene.detections(200, 0.5, 6, a);
    // Human boxes: ID 7 at frame 0 and at the re-emergence frame.
    List<Detection> keyframes =
        List.of(
            Detection.of(0, 7, "person", a.at(0)).withFlags(false, false, true),
            Detection.of(150, 7, "person", a.at(150)).withFlags(false, false, true));
    TrackedVideo r = track(NO_STITCH, dets, keyframes);
    assertThat(r.tracks().tracks()).extracting(Track::id).containsExactly(7);
    assertThat(r.tracks().detections()).hasSize(50 + 50);
    assertThat(r.tracks().detections().stream().filter(Detection::keyframe).map(Detection::frame))
        .containsExactly(0, 150);
    assertThat(r.occlusions()).contains(new OcclusionEvent(7, 50, 149, "unknown", true));
  }

  @Test
  void aKeyframeAfterAnIdSwitchFoldsTheNewTrackIntoTheNamedOne() {
    Scene.Mover a = Scene.hidden(Scene.mover(7, "person", 500, 200, 0, 0), 50, 149);
    AnnotationSet dets = Scene.detections(220, 0.5, 7, a);
    // Keyframe only later than the re-emergence: the tracker already started a new track at 150.
    List<Detection> keyframes =
        List.of(Detection.of(0, 7, "person", a.at(0)), Detection.of(170, 7, "person", a.at(170)));
    TrackedVideo r = track(NO_STITCH, dets, keyframes);
    assertThat(r.tracks().tracks()).extracting(Track::id).containsExactly(7);
    assertThat(r.tracks().detections()).hasSize(50 + 70);
  }

  @Test
  void keyframeIdsAreNeverReusedForAutomaticTracks() {
    Scene.Mover a = Scene.mover(1, "person", 100, 100, 1, 0);
    Scene.Mover b = Scene.mover(2, "person", 100, 400, 1, 0);
    AnnotationSet dets = Scene.detections(50, 0.5, 8, a, b);
    TrackedVideo r = track(NO_STITCH, dets, List.of(Detection.of(30, 1, "person", a.at(30))));
    assertThat(r.tracks().tracks()).hasSize(2);
    assertThat(idsNear(r.tracks(), a))
        .containsExactly(1); // bound retroactively: one ID over the whole track
    assertThat(idsNear(r.tracks(), b)).doesNotContain(1).hasSize(1);
  }

  @Test
  void inconsistentKeyframesAreRejectedBeforeTracking() {
    AnnotationSet dets = Scene.detections(10, 0, 9, Scene.mover(1, "person", 100, 100, 1, 0));
    Box box = new Box(0, 0, 10, 10);
    ByteTracker t = new ByteTracker(NO_STITCH);
    assertThatThrownBy(
            () ->
                t.track(
                    dets,
                    null,
                    List.of(Detection.of(1, 3, "person", box), Detection.of(2, 3, "bed", box)),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two classes");
    assertThatThrownBy(
            () ->
                t.track(
                    dets,
                    null,
                    List.of(Detection.of(1, 3, "person", box), Detection.of(1, 3, "person", box)),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice in frame 1");
  }

  @Test
  void appearanceKeepsIdsApartWhenTwoObjectsOfOneClassSwapBehindAnOccluder() {
    // Red and blue persons both hidden 40..99; they re-emerge with positions swapped along y.
    Scene.Mover red = new Scene.Mover(1, "person", 400, 100, 0, 0, 60, 120, 40, 99);
    Scene.Mover blue = new Scene.Mover(2, "person", 400, 260, 0, 0, 60, 120, 40, 99);
    List<Detection> dets = new ArrayList<>();
    for (int f = 0; f < 160; f++) {
      if (f < 40) {
        dets.add(det(f, red.at(f)));
        dets.add(det(f, blue.at(f)));
      } else if (f >= 100) {
        dets.add(det(f, new Box(400, 260, 60, 120))); // red, now below
        dets.add(det(f, new Box(400, 100, 60, 120))); // blue, now above
      }
    }
    AnnotationSet set = Scene.detections(160, 0, 0, red).withDetections(dets);
    FrameImages frames =
        f -> {
          BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = img.createGraphics();
          g.setColor(Color.GRAY);
          g.fillRect(0, 0, 640, 480);
          g.setColor(Color.RED);
          g.fillRect(400, f < 40 ? 100 : 260, 60, 120);
          g.setColor(Color.BLUE);
          g.fillRect(400, f < 40 ? 260 : 100, 60, 120);
          g.dispose();
          return img;
        };
    TrackedVideo r =
        new ByteTracker(ByteTrackConfig.defaults()).track(set, frames, List.of(), null);
    int redBefore = idAt(r, 10, 100), redAfter = idAt(r, 120, 260);
    int blueBefore = idAt(r, 10, 260), blueAfter = idAt(r, 120, 100);
    assertThat(redAfter).isEqualTo(redBefore);
    assertThat(blueAfter).isEqualTo(blueBefore);
  }

  @Test
  void progressReportsEveryFrameAndThroughputIsMeasured() {
    AnnotationSet dets = Scene.detections(25, 0, 10, Scene.mover(1, "person", 100, 100, 1, 0));
    List<long[]> calls = new ArrayList<>();
    TrackedVideo r =
        new ByteTracker(NO_STITCH)
            .track(
                dets,
                null,
                List.of(),
                (stage, done, total) -> {
                  assertThat(stage).isEqualTo("track");
                  calls.add(new long[] {done, total});
                });
    assertThat(calls).hasSize(25);
    assertThat(calls.get(24)).containsExactly(25, 25);
    assertThat(r.framesPerSecond()).isPositive();
  }

  private static Detection det(int f, Box b) {
    return Detection.builder(f, "person").box(b).score(0.9).build();
  }

  private static int idAt(TrackedVideo r, int frame, double y) {
    return r.tracks().detections().stream()
        .filter(d -> d.frame() == frame && Math.abs(d.box().y() - y) < 10)
        .findFirst()
        .orElseThrow()
        .trackId();
  }
}
