package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ground truth against brute-force rasters, the renderer and its own occlusion manifest. */
class GroundTruthConsistencyTest {
  private static GeneratedVideo video;

  @BeforeAll
  static void generate() {
    GeneratorSpec spec = GeneratorSpec.of(1, 240, 16, 11).withTraffic(20, 8);
    video = new ClinicVideoGenerator(spec).generate(0);
  }

  @Test
  void theSceneHasEveryKindOfOcclusion() {
    Set<String> causes = new HashSet<>();
    for (OcclusionEvent e : video.occlusions())
      causes.add(e.cause() + (e.full() ? "/full" : "/partial"));
    assertThat(causes).contains("person/full", "person/partial", "exit/full");
  }

  @Test
  void boxesLieInTheFrameAndContainTheirMasks() {
    int w = video.video().width(), h = video.video().height();
    for (Detection d : video.groundTruth().detections()) {
      assertThat(d.box().x()).isGreaterThanOrEqualTo(0);
      assertThat(d.box().y()).isGreaterThanOrEqualTo(0);
      assertThat(d.box().x2()).isLessThanOrEqualTo(w);
      assertThat(d.box().y2()).isLessThanOrEqualTo(h);
      d.mask()
          .bbox()
          .ifPresent(
              mb -> {
                assertThat(mb.x()).isGreaterThanOrEqualTo(d.box().x());
                assertThat(mb.y()).isGreaterThanOrEqualTo(d.box().y());
                assertThat(mb.x2()).isLessThanOrEqualTo(d.box().x2());
                assertThat(mb.y2()).isLessThanOrEqualTo(d.box().y2());
              });
      assertThat(d.mask().area() == 0).isEqualTo(d.visibility() == 0);
    }
  }

  @Test
  void masksAndVisibilityEqualABruteForceRaster() {
    Scene scene = video.scene();
    int w = scene.video().width(), h = scene.video().height();
    Map<Integer, List<Detection>> byFrame = video.groundTruth().byFrame();
    for (int f : new int[] {0, 37, 120, 199, 239}) {
      // Paint object indices back to front, then occluders; an object's visible pixels are the
      // pixels still showing its index.
      int[] owner = new int[w * h];
      java.util.Arrays.fill(owner, -1);
      int[] shapeArea = new int[scene.objects().size()];
      for (int k = 0; k < scene.objects().size(); k++) {
        SceneObject o = scene.objects().get(k);
        boolean[] mine = raster(o.sprite(), o.trajectory().x(f), o.trajectory().y(f), w, h);
        for (int i = 0; i < mine.length; i++)
          if (mine[i]) {
            owner[i] = k;
            shapeArea[k]++;
          }
      }
      for (Occluder o : scene.occluders()) {
        if (!o.presentAt(f)) continue;
        boolean[] it = raster(o.spriteAt(f), o.trajectory().x(f), o.trajectory().y(f), w, h);
        for (int i = 0; i < it.length; i++) if (it[i]) owner[i] = -2;
      }
      List<Detection> dets = byFrame.getOrDefault(f, List.of());
      int inView = 0;
      for (int k = 0; k < scene.objects().size(); k++) {
        int id = scene.objects().get(k).trackId();
        Detection d = dets.stream().filter(x -> x.trackId() == id).findFirst().orElse(null);
        if (shapeArea[k] == 0) {
          assertThat(d).as("object %d is out of view at frame %d", id, f).isNull();
          continue;
        }
        inView++;
        assertThat(d).as("object %d at frame %d", id, f).isNotNull();
        boolean[] expected = new boolean[w * h];
        int visible = 0;
        for (int i = 0; i < owner.length; i++)
          if (owner[i] == k) {
            expected[i] = true;
            visible++;
          }
        assertThat(d.mask().toRowMajor()).as("mask of %d at %d", id, f).isEqualTo(expected);
        assertThat(d.visibility()).isEqualTo(visible / (double) shapeArea[k]);
        assertThat(d.occluded())
            .isEqualTo(visible / (double) shapeArea[k] < GroundTruthBuilder.OCCLUDED_BELOW);
      }
      assertThat(dets).hasSize(inView);
    }
  }

  @Test
  void everyVisibleMaskPixelShowsItsObjectInTheRenderedFrame() {
    FrameRenderer renderer = video.renderer();
    for (int f : new int[] {5, 150}) {
      BufferedImage img = renderer.read(f).image();
      for (Detection d : video.groundTruth().byFrame().get(f)) {
        SceneObject o =
            video.scene().objects().stream()
                .filter(x -> x.trackId() == d.trackId())
                .findFirst()
                .orElseThrow();
        Set<Integer> colours = new HashSet<>();
        for (Part p : o.sprite().parts()) colours.add(p.rgb());
        boolean[] m = d.mask().toRowMajor();
        for (int i = 0; i < m.length; i++)
          if (m[i])
            assertThat(colours)
                .contains(img.getRGB(i % img.getWidth(), i / img.getWidth()) & 0xffffff);
      }
    }
  }

  @Test
  void theOcclusionManifestMatchesTheFlags() {
    Map<Integer, List<Detection>> byTrack = new java.util.HashMap<>();
    for (Detection d : video.groundTruth().detections())
      byTrack.computeIfAbsent(d.trackId(), k -> new java.util.ArrayList<>()).add(d);
    int frames = video.video().frameCount();
    for (var entry : byTrack.entrySet()) {
      int id = entry.getKey();
      Detection[] at = new Detection[frames];
      for (Detection d : entry.getValue()) at[d.frame()] = d;
      List<OcclusionEvent> mine =
          video.occlusions().stream().filter(e -> e.trackId() == id).toList();
      int first = entry.getValue().stream().mapToInt(Detection::frame).min().orElseThrow();
      for (int f = 0; f < frames; f++) {
        final int fr = f;
        OcclusionEvent covering =
            mine.stream()
                .filter(e -> fr >= e.startFrame() && fr <= e.endFrame())
                .findFirst()
                .orElse(null);
        if (at[f] == null) {
          if (f > first)
            assertThat(covering).as("track %d frame %d out of view", id, f).isNotNull();
          if (covering != null) assertThat(covering.cause()).isEqualTo("exit");
        } else if (at[f].occluded()) {
          assertThat(covering).as("track %d frame %d occluded", id, f).isNotNull();
          assertThat(covering.cause()).isNotEqualTo("exit");
        } else {
          assertThat(covering).as("track %d frame %d visible", id, f).isNull();
        }
      }
      for (OcclusionEvent e : mine) {
        if (e.cause().equals("exit")) continue;
        boolean hidden = false;
        for (int f = e.startFrame(); f <= e.endFrame(); f++) hidden |= at[f].visibility() == 0;
        assertThat(e.full()).as("event %s", e).isEqualTo(hidden);
        // Events are maximal: the frames around them are not occluded.
        if (e.startFrame() > 0 && at[e.startFrame() - 1] != null)
          assertThat(at[e.startFrame() - 1].occluded()).isFalse();
        if (e.endFrame() + 1 < frames && at[e.endFrame() + 1] != null)
          assertThat(at[e.endFrame() + 1].occluded()).isFalse();
      }
    }
  }

  /** Pixel-centre rasterisation straight from the part definitions. */
  static boolean[] raster(Sprite s, int sx, int sy, int w, int h) {
    boolean[] out = new boolean[w * h];
    for (Part p : s.parts())
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
          double px = x + 0.5 - sx - p.dx(), py = y + 0.5 - sy - p.dy();
          boolean in;
          if (p.ellipse()) {
            double a = p.w() / 2.0, b = p.h() / 2.0;
            double u = (px - a) / a, v = (py - b) / b;
            in = u * u + v * v <= 1 + 1e-12;
          } else {
            in = px >= 0 && px < p.w() && py >= 0 && py < p.h();
          }
          if (in) out[y * w + x] = true;
        }
    return out;
  }
}
