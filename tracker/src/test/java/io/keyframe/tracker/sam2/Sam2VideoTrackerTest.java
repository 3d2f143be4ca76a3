package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.WhiteSquare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SAM 2 loop on the fixture bundles (tiny graphs with the real signatures): a white 32x32
 * square on black, hidden (all-black frames) over 6..10, prompted at 0 and re-initialised at 14.
 */
class Sam2VideoTrackerTest {
  private static final Video VIDEO = new Video("square", 10, 64, 64, 20, "");
  private static final Box SQUARE = new Box(16, 16, 32, 32);

  private static Path bundle(String layout) throws Exception {
    return Path.of(Sam2VideoTrackerTest.class.getResource(layout + "/manifest.json").toURI())
        .getParent();
  }

  private static final FrameImages FRAMES =
      f -> f < 6 || f > 10 ? WhiteSquare.frame(64, 16, 16, 32) : WhiteSquare.blank(64);

  private static final List<Detection> PROMPTS =
      List.of(Detection.of(0, 3, "iv_pole", SQUARE), Detection.of(14, 3, "iv_pole", SQUARE));

  @Test
  void promptsBreakingTheIdentityRulesFailWithTheFallbacksWords() throws Exception {
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle("sam2"), 1, Sam2Config.defaults())) {
      // Clicks never become Keyframes, yet go through the same check.
      assertThatThrownBy(
              () ->
                  t.trackPrompts(
                      VIDEO,
                      FRAMES,
                      List.of(
                          Sam2Prompt.click(0, 3, "iv_pole", 20, 20, true),
                          Sam2Prompt.click(0, 3, "iv_pole", 30, 30, true)),
                      null))
          .hasMessage("keyframes give ID 3 twice in frame 0");
      assertThatThrownBy(
              () ->
                  t.track(
                      VIDEO,
                      FRAMES,
                      List.of(
                          Detection.of(0, 3, "iv_pole", SQUARE), Detection.of(5, 3, "bed", SQUARE)),
                      null))
          .hasMessage("keyframes give ID 3 two classes: iv_pole, bed");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sam2", "edgetam"})
  void theLoopKeepsItsMemoryBankStepByStep(String layout) throws Exception {
    List<Sam2Step> steps = new ArrayList<>();
    TrackedVideo r;
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle(layout), 1, Sam2Config.defaults())) {
      t.onStep(steps::add);
      r = t.track(VIDEO, FRAMES, PROMPTS, null);
    }
    assertThat(steps).hasSize(20);
    Map<Integer, Sam2Step> at = steps.stream().collect(Collectors.toMap(Sam2Step::frame, s -> s));
    // Frame 0: the prompt, no memory yet (no-memory embedding), kept as a conditioning frame.
    assertThat(at.get(0).conditioning()).isTrue();
    assertThat(at.get(0).usedMemory()).isFalse();
    // Frame 1: conditioning frames 0 and 14 (the predictor takes every prompt before propagating,
    // so
    // the future keyframe's memory is there too); its t-1 slot is the conditioning frame itself; 6
    // slots masked.
    assertThat(at.get(1).memoryFrames()).containsExactly(0, 14, -1, -1, -1, -1, -1, -1);
    assertThat(at.get(1).memoryValid()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0);
    assertThat(at.get(1).memoryTemporalIndex()).containsExactly(6, 6, 0, 0, 0, 0, 0, 0);
    assertThat(at.get(1).pointerFrames()).startsWith(0, -1);
    assertThat(at.get(1).pointerOffsets()).startsWith(1, 0);
    // Frame 3: cond 0 and 14 (index 6), then frames 1 and 2 oldest first (indices 1, 0); pointers
    // only from the past.
    assertThat(at.get(3).memoryFrames()).containsExactly(0, 14, 1, 2, -1, -1, -1, -1);
    assertThat(at.get(3).memoryTemporalIndex()).containsExactly(6, 6, 1, 0, 0, 0, 0, 0);
    assertThat(at.get(3).pointerFrames()).startsWith(0, 2, 1, -1);
    assertThat(at.get(3).pointerOffsets()).startsWith(3, 1, 2, 0);
    assertThat(at.get(3).pointerValid()).startsWith(1, 1, 1, 0);
    // Frame 12: the six most recent frames 6..11 (hidden ones too: SAM 2 stores their memories).
    assertThat(at.get(12).memoryFrames()).containsExactly(0, 14, 6, 7, 8, 9, 10, 11);
    assertThat(at.get(12).memoryTemporalIndex()).containsExactly(6, 6, 5, 4, 3, 2, 1, 0);
    // Frame 14: the keyframe, decoded like a first prompt (no memory), is a second conditioning
    // frame.
    assertThat(at.get(14).conditioning()).isTrue();
    assertThat(at.get(14).usedMemory()).isFalse();
    // Frame 15: conditioning 0 and 14, then 9..13; frame 14's recent slot stays empty.
    assertThat(at.get(15).memoryFrames()).containsExactly(0, 14, 9, 10, 11, 12, 13, -1);
    assertThat(at.get(15).memoryTemporalIndex()).containsExactly(6, 6, 5, 4, 3, 2, 1, 0);
    assertThat(at.get(15).pointerFrames()).startsWith(0, 14, 13, 12);
    assertThat(at.get(15).pointerOffsets()).startsWith(15, 1, 2, 3);
    // Frame 19: 16 pointers, all slots used: cond 0, cond 14, then 18..15 and 13..4.
    assertThat(at.get(19).pointerFrames())
        .containsExactly(0, 14, 18, 17, 16, 15, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4);
    assertThat(at.get(19).pointerOffsets())
        .containsExactly(19, 5, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    // Object score: positive when the square shows, negative on the black frames 6..10.
    for (Sam2Step s : steps)
      if (s.frame() >= 6 && s.frame() <= 10) assertThat(s.objectScoreLogit()).isNegative();
      else assertThat(s.objectScoreLogit()).isPositive();
    assertThat(r.occlusions()).containsExactly(new OcclusionEvent(3, 6, 10, "unknown", true));
    assertThat(r.recommendedKeyframes())
        .extracting(RecommendedKeyframe::frame, RecommendedKeyframe::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(11, "reemerged"));
    // One ID, output on the 15 visible frames, masks where the square is.
    assertThat(r.tracks().tracks()).hasSize(1);
    List<Detection> ds = r.tracks().detections();
    assertThat(ds).extracting(Detection::frame).doesNotContain(6, 7, 8, 9, 10).hasSize(15);
    Detection d5 = ds.stream().filter(d -> d.frame() == 5).findFirst().orElseThrow();
    assertThat(d5.mask()).isNotNull();
    assertThat(d5.box().x()).isCloseTo(16, within(2.0));
    assertThat(d5.box().w()).isCloseTo(32, within(4.0));
    assertThat(ds.stream().filter(Detection::keyframe).map(Detection::frame))
        .containsExactly(0, 14);
    assertThat(r.tracks().provenance().modelSha256()).hasSize(64);
  }

  @Test
  void badBundlesFailBeforeAnyFrame(@TempDir Path dir) throws Exception {
    Path src = bundle("sam2");
    for (String f :
        List.of(
            "manifest.json",
            "image_encoder.onnx",
            "memory_attention.onnx",
            "mask_decoder.onnx",
            "memory_encoder.onnx")) Files.copy(src.resolve(f), dir.resolve(f));
    // A graph that lacks an input the manifest names.
    String manifest = Files.readString(dir.resolve("manifest.json"));
    Files.writeString(
        dir.resolve("manifest.json"),
        manifest.replace(
            "\"file\": \"memory_attention.onnx\"",
            "\"file\": \"memory_attention.onnx\", \"inputs\": {\"mem_tpos\": \"memory_temporal_index\"}"));
    assertThatThrownBy(() -> Sam2VideoTracker.open(dir, 1, Sam2Config.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("graphs.memory_attention.inputs.mem_tpos")
        .hasMessageContaining("memory_temporal_index");
    // A corrupt graph.
    Files.writeString(dir.resolve("manifest.json"), manifest);
    Files.write(dir.resolve("mask_decoder.onnx"), new byte[] {1, 2, 3, 4});
    assertThatThrownBy(() -> Sam2VideoTracker.open(dir, 1, Sam2Config.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("graphs.mask_decoder")
        .hasMessageContaining("not a loadable");
    // A missing graph and a manifest with the wrong layout.
    Files.delete(dir.resolve("mask_decoder.onnx"));
    assertThatThrownBy(() -> Sam2VideoTracker.open(dir, 1, Sam2Config.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("not found");
    Files.writeString(
        dir.resolve("manifest.json"),
        manifest.replace("\"layout\": \"sam2\"", "\"layout\": \"sam3\""));
    assertThatThrownBy(() -> Sam2VideoTracker.open(dir, 1, Sam2Config.defaults()))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("unknown layout");
  }
}
