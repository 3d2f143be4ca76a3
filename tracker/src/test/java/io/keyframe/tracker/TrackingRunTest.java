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
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
  void detections_file_in_tracks_and_five_files_out(@TempDir Path dir) throws Exception {
    // One object, hidden over 40..99 (longer than the lost buffer) and back in place.
    List<Detection> dets = new ArrayList<>();
    for (int f = 0; f < 150; f++)
      if (f < 40 || f >= 100)
        dets.add(
            new Detection(
                f,
                Detection.UNTRACKED,
                "bed",
                new Box(100, 100, 200, 100),
                null,
                0.9,
                Map.of(),
                -1,
                false,
                false,
                false));
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
            "recommended_keyframes.json");
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
  void sam2_bundle_with_a_keyframe_file_over_an_image_folder(@TempDir Path dir) throws Exception {
    Path frames = Files.createDirectories(dir.resolve("frames"));
    for (int f = 0; f < 8; f++) {
      BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(16, 16, 32, 32);
      g.dispose();
      ImageIO.write(img, "png", frames.resolve(String.format("%06d.png", f + 1)).toFile());
    }
    Path keyframes = dir.resolve("keyframes.txt");
    AnnotationFiles.write(
        keyframes,
        new AnnotationSet(
            new Video("k", 10, 64, 64, 8, ""),
            Provenance.unknown(),
            List.of("iv_pole"),
            List.of(Detection.of(0, 5, "iv_pole", new Box(16, 16, 32, 32)))),
        AnnotationFormat.MOT);
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
            10);
    TrackingRun.Outcome r = TrackingRun.run(o, null);
    assertThat(r.result().tracks().detections())
        .hasSize(8)
        .extracting(Detection::trackId)
        .containsOnly(5);
    assertThat(r.result().tracks().provenance().tool()).isEqualTo("keyframe-tracker/sam2-sam2");
    assertThat(Files.exists(dir.resolve("out/tracks.cvat.xml"))).isTrue();
    // The sessions behind the tracks: this run's 1 intra-op thread, the CPU, the pinned runtime.
    var prov =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("out/" + TrackingRun.PROVENANCE_FILE).toFile());
    assertThat(r.written()).contains(dir.resolve("out/" + TrackingRun.PROVENANCE_FILE));
    assertThat(prov.get("tool").asText()).isEqualTo("keyframe-tracker/sam2-sam2");
    assertThat(prov.get("bundle_model").asText()).isEqualTo("fixture-sam2");
    assertThat(prov.get("bundle_sha256").asText())
        .isEqualTo(r.result().tracks().provenance().modelSha256());
    assertThat(prov.get("device").asText()).isEqualTo("cpu");
    assertThat(prov.get("intra_op_threads").asInt()).isEqualTo(1);
    assertThat(prov.get("execution_mode").asText()).isEqualTo("sequential");
    assertThat(prov.get("onnxruntime_version").asText()).isEqualTo("1.24.2");
  }

  @Test
  void options_are_checked_up_front() {
    assertThatThrownBy(() -> TrackingOptions.of(null, null, null, Path.of("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> TrackingOptions.of(null, Path.of("m.onnx"), null, Path.of("out")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs the video");
  }
}
