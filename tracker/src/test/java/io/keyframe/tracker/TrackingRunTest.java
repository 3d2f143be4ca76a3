package io.keyframe.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.tracker.bytetrack.ByteTrackConfig;
import io.keyframe.tracker.bytetrack.ByteTrackConfigFieldsTest;
import io.keyframe.tracker.bytetrack.ByteTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingRunTest {
  @Test
  void detectionsFileInTracksAndSixFilesOut(@TempDir Path dir) throws Exception {
    // One object, hidden over 40..99 (longer than the lost buffer) and back in place.
    List<Detection> dets = new ArrayList<>();
    for (int f = 0; f < 150; f++)
      if (f < 40 || f >= 100)
        dets.add(Detection.builder(f, "bed").box(new Box(100, 100, 200, 100)).score(0.9).build());
    AnnotationSet in =
        new AnnotationSet(
            new Video("v", 15, 640, 360, 150, ""), Provenance.unknown(), List.of("bed"), dets);
    Path detFile = dir.resolve("dets.xml");
    AnnotationFiles.write(detFile, in, AnnotationFormat.CVAT_VIDEO);
    TrackingRun.Outcome auto =
        TrackingRun.run(TrackingOptions.of(null, null, detFile, dir.resolve("auto")), null);
    assertThat(auto.written())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "tracks.mot.txt",
            "tracks.cvat.xml",
            "tracks.coco.json",
            "occlusions.json",
            "recommended_keyframes.json",
            "tracker.json");
    AnnotationSet mot =
        AnnotationFiles.read(dir.resolve("auto/tracks.mot.txt"), AnnotationFormat.MOT);
    assertThat(mot.detections()).hasSize(40 + 50).extracting(Detection::trackId).containsOnly(1);
    JsonNode occ = new ObjectMapper().readTree(dir.resolve("auto/occlusions.json").toFile());
    assertThat(occ).hasSize(1);
    assertThat(occ.get(0).get("start_frame").asInt()).isEqualTo(40);
    assertThat(occ.get(0).get("end_frame").asInt()).isEqualTo(99);
    JsonNode kf =
        new ObjectMapper().readTree(dir.resolve("auto/recommended_keyframes.json").toFile());
    assertThat(kf.get(0).get("frame").asInt()).isEqualTo(100);
    assertThat(
            AnnotationFiles.read(dir.resolve("auto/tracks.coco.json"), AnnotationFormat.COCO)
                .detections())
        .hasSize(40 + 50);
    // keyframes=none: plain ByteTrack, the object comes back under a new ID.
    TrackingRun.run(
        TrackingOptions.of(null, null, detFile, dir.resolve("none")).withKeyframes("none"), null);
    assertThat(
            AnnotationFiles.read(dir.resolve("none/tracks.mot.txt"), AnnotationFormat.MOT).tracks())
        .hasSize(2);
  }

  @Test
  void sam2BundleWithAKeyframeFileOverAnImageFolder(@TempDir Path dir) throws Exception {
    Path frames = Files.createDirectories(dir.resolve("frames"));
    for (int f = 0; f < 8; f++) {
      ImageIO.write(
          WhiteSquare.frame(64, 16, 16, 32),
          "png",
          frames.resolve(String.format("%06d.png", f + 1)).toFile());
    }
    Path keyframes = dir.resolve("keyframes.txt");
    write(
        keyframes,
        AnnotationFormat.MOT,
        new Video("k", 10, 64, 64, 8, ""),
        Detection.of(0, 5, "iv_pole", new Box(16, 16, 32, 32)));
    Path bundle = Path.of(getClass().getResource("sam2/sam2/manifest.json").toURI()).getParent();
    TrackingOptions o =
        new TrackingOptions(
            frames,
            null,
            null,
            bundle,
            null,
            keyframes.toString(),
            dir.resolve("out"),
            0.1,
            1,
            1,
            10,
            "z",
            0,
            false);
    TrackingRun.Outcome r = TrackingRun.run(o, null);
    assertThat(r.result().tracks().detections())
        .hasSize(8)
        .extracting(Detection::trackId)
        .containsOnly(5);
    assertThat(r.result().tracks().provenance().tool()).isEqualTo("keyframe-tracker/sam2-sam2");
    assertThat(Files.exists(dir.resolve("out/tracks.cvat.xml"))).isTrue();
    // The provenance names the tracker, the bundle's hash, the loop's settings and the manifest's.
    JsonNode prov = new ObjectMapper().readTree(dir.resolve("out/tracker.json").toFile());
    assertThat(prov.get("tracker").asText()).isEqualTo("sam2-video-predictor");
    assertThat(prov.get("model_sha256").asText()).hasSize(64);
    JsonNode config = prov.get("config");
    assertThat(config.get("min_occlusion_frames").asInt()).isEqualTo(3);
    assertThat(config.get("auto_prompt_score").asDouble()).isEqualTo(0.5);
    JsonNode bundleSettings = config.get("bundle");
    assertThat(bundleSettings.get("model").asText()).isEqualTo("fixture-sam2");
    assertThat(bundleSettings.get("layout").asText()).isEqualTo("sam2");
    assertThat(bundleSettings.get("image_size").asInt()).isEqualTo(64);
    assertThat(bundleSettings.get("num_maskmem").asInt()).isEqualTo(7);
    assertThat(bundleSettings.get("max_cond_frames").asInt()).isEqualTo(2);
    assertThat(bundleSettings.get("max_object_pointers").asInt()).isEqualTo(16);
    assertThat(bundleSettings.get("memory_bfloat16").asBoolean()).isFalse();
    assertThat(bundleSettings.get("precision").asText()).isEqualTo("fp32");
    // The sessions behind the tracks: this run's 1 intra-op thread, the CPU, the pinned runtime.
    JsonNode session = config.get("session");
    assertThat(session.get("device").asText()).isEqualTo("cpu");
    assertThat(session.get("intra_op_threads").asInt()).isEqualTo(1);
    assertThat(session.get("execution_mode").asText()).isEqualTo("sequential");
    assertThat(session.get("onnxruntime_version").asText()).isEqualTo("1.24.2");
  }

  @Test
  void trackerJsonHoldsEverySettingAndChangesWithAnyOfThem(@TempDir Path dir) throws Exception {
    Path detFile = dir.resolve("dets.xml");
    write(
        detFile,
        AnnotationFormat.CVAT_VIDEO,
        new Video("v", 15, 640, 360, 3, ""),
        Detection.of(0, Detection.UNTRACKED, "bed", new Box(10, 10, 50, 50)),
        Detection.of(1, Detection.UNTRACKED, "bed", new Box(12, 10, 50, 50)));
    TrackingOptions o = TrackingOptions.of(null, null, detFile, dir.resolve("a"));
    TrackingRun.run(o, null);
    JsonNode prov = new ObjectMapper().readTree(dir.resolve("a/tracker.json").toFile());
    assertThat(prov.get("tracker").asText()).isEqualTo("bytetrack-fallback");
    assertThat(prov.get("model_sha256").asText()).isEmpty();
    assertThat(leaves(prov.get("config"), ""))
        .containsExactlyInAnyOrderEntriesOf(ByteTrackConfigFieldsTest.ANCHORED_DEFAULTS);
    // A re-run writes the same bytes (no time, sorted keys).
    TrackingRun.run(TrackingOptions.of(null, null, detFile, dir.resolve("b")), null);
    assertThat(Files.readAllBytes(dir.resolve("b/tracker.json")))
        .isEqualTo(Files.readAllBytes(dir.resolve("a/tracker.json")));
    // One setting changed (the stitching gate's growth period, 150 -> 151 frames): only it differs.
    ByteTrackConfig.Stitching s = ByteTrackConfig.anchored().stitching();
    ByteTrackConfig changed =
        ByteTrackConfig.anchored()
            .withStitching(
                new ByteTrackConfig.Stitching(
                    s.enabled(),
                    s.windowFrames(),
                    s.radius(),
                    s.motionHorizonFrames(),
                    151,
                    s.radiusGrowthCapFrames(),
                    s.maxAreaRatio(),
                    s.distanceWeight(),
                    s.sizeWeight(),
                    s.appearanceShare(),
                    s.ambiguousBirthFactor()));
    TrackingRun.run(
        TrackingOptions.of(null, null, detFile, dir.resolve("c")),
        new ByteTracker(changed),
        Keyframes.NONE,
        null);
    Map<String, Object> a = leaves(prov.get("config"), "");
    Map<String, Object> c =
        leaves(
            new ObjectMapper().readTree(dir.resolve("c/tracker.json").toFile()).get("config"), "");
    assertThat(c.get("stitching.radius_growth_frames")).isEqualTo(151L);
    a.remove("stitching.radius_growth_frames");
    c.remove("stitching.radius_growth_frames");
    assertThat(c).isEqualTo(a);
  }

  /** A JSON object's leaves by dotted path: numbers as long or double, booleans, strings. */
  static Map<String, Object> leaves(JsonNode node, String prefix) {
    Map<String, Object> out = new java.util.TreeMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              String key = prefix + e.getKey();
              JsonNode v = e.getValue();
              if (v.isObject()) out.putAll(leaves(v, key + "."));
              else if (v.isIntegralNumber()) out.put(key, v.asLong());
              else if (v.isNumber()) out.put(key, v.asDouble());
              else if (v.isBoolean()) out.put(key, v.asBoolean());
              else out.put(key, v.asText());
            });
    return out;
  }

  @Test
  void optionsAreCheckedUpFront() {
    assertThatThrownBy(() -> TrackingOptions.of(null, null, null, Path.of("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> TrackingOptions.of(null, Path.of("m.onnx"), null, Path.of("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the video");
  }

  /**
   * One file of {@code shapes} on {@code video}, labelled with their own labels in first-seen
   * order.
   */
  private static void write(Path file, AnnotationFormat format, Video video, Detection... shapes)
      throws Exception {
    List<String> labels = java.util.Arrays.stream(shapes).map(Detection::label).distinct().toList();
    AnnotationFiles.write(
        file, new AnnotationSet(video, Provenance.unknown(), labels, List.of(shapes)), format);
  }
}
