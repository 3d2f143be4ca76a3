package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Box;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Object batching on the parity bundles (exported with a dynamic object axis): the batched loop
 * gives the per-object loop's outputs, and spends the graph calls counted by hand from SAM 2's
 * memory rules.
 */
class Sam2BatchingTest {
  private static final String ENC = "image_encoder", ATTN = "memory_attention";
  private static final String DEC = "mask_decoder", MEM = "memory_encoder";

  /** One run: every step by "frame/object", and the graph calls made up to each frame's steps. */
  private record Run(Map<String, Sam2Step> steps, List<Map<String, Long>> callsAtFrame) {}

  private static Path dir(String name) throws Exception {
    return Path.of(Sam2BatchingTest.class.getResource(name + "/manifest.json").toURI()).getParent();
  }

  private static Run run(String bundle, Sam2Batching batching) throws Exception {
    return run(bundle, batching, List.of());
  }

  private static Run run(String bundle, Sam2Batching batching, List<Sam2Prompt> extra)
      throws Exception {
    Path dir = dir(bundle);
    ParityReference ref = ParityReference.read(dir);
    List<Sam2Prompt> prompts = new ArrayList<>(ref.prompts());
    prompts.addAll(extra);
    Map<String, Sam2Step> steps = new LinkedHashMap<>();
    List<Map<String, Long>> calls = new ArrayList<>();
    try (Sam2VideoTracker t = Sam2VideoTracker.open(dir, 1, Sam2Config.defaults(), batching)) {
      t.onStep(
          s -> {
            // The steps of frame f are reported after all of frame f's calls.
            if (calls.size() == s.frame()) calls.add(Map.copyOf(t.graphCalls()));
            steps.put(s.frame() + "/" + s.objectId(), s);
          });
      t.trackPrompts(ref.video(), ref.frames(), prompts, null);
    }
    return new Run(steps, calls);
  }

  /** Calls of {@code graph} made for frame f (frame 0: the prompted frames' pass included). */
  private static long[] perFrame(Run r, String graph) {
    long[] out = new long[r.callsAtFrame().size()];
    long before = 0;
    for (int f = 0; f < out.length; f++) {
      long now = r.callsAtFrame().get(f).getOrDefault(graph, 0L);
      out[f] = now - before;
      before = now;
    }
    return out;
  }

  @Test
  void batchedObjectsGiveThePerObjectOutputsOnBothLayouts() throws Exception {
    for (String bundle : List.of("parity-sam2.1", "parity-edgetam")) {
      Run one = run(bundle, Sam2Batching.PER_OBJECT);
      Run batched = run(bundle, Sam2Batching.DEFAULT);
      assertThat(batched.steps().keySet()).isEqualTo(one.steps().keySet()).hasSize(24);
      double worst = 0, worstScore = 0;
      for (String k : one.steps().keySet()) {
        Sam2Step a = one.steps().get(k), b = batched.steps().get(k);
        assertThat(b.memoryFrames()).as(bundle + " " + k).isEqualTo(a.memoryFrames());
        assertThat(b.pointerFrames()).as(bundle + " " + k).isEqualTo(a.pointerFrames());
        assertThat(b.multimask()).as(bundle + " " + k).isEqualTo(a.multimask());
        worstScore = Math.max(worstScore, Math.abs(a.objectScoreLogit() - b.objectScoreLogit()));
        worst = Math.max(worst, Math.abs(a.iou() - b.iou()));
        for (int i = 0; i < a.lowResLogits().length; i++)
          worst = Math.max(worst, Math.abs(a.lowResLogits()[i] - b.lowResLogits()[i]));
      }
      // Same float32 maths in another GEMM batch shape: differences are rounding, far below the
      // parity test's 1e-4 against PyTorch.
      assertThat(worst).as(bundle + " max |batched - per object|").isLessThanOrEqualTo(1e-5);
      // The parity models' object-score heads are scaled x417 / x233 (see make_sam2_parity.py),
      // which
      // scales the rounding too: the parity test's 1e-4.
      assertThat(worstScore).as(bundle + " object score").isLessThanOrEqualTo(1e-4);
      System.out.printf(
          "%s batched vs per object: max |logit, IoU diff| %.2e, max |score diff| %.2e%n",
          bundle, worst, worstScore);
    }
  }

  /**
   * Two objects first prompted on frame 4 are tracked from frame 0 (the earliest prompt) on their
   * future conditioning memory alone: on frame 0 they have no pointer yet (one masked pointer
   * slot), a layout they share: a batch of two with every pointer slot masked. On frames 1-3 they
   * have as many memories (frame 4 + frames 0..t-1) and pointers (t-1..0) as object 1 (frames 0 and
   * 6 + 1..t-1; frame 0's pointer + t-1..1), so the three share a call (temporal indices and
   * offsets are per object) and object 2 (one memory fewer) has its own.
   */
  @Test
  void objectsPromptedLaterBatchWithMaskedPointerSlots() throws Exception {
    List<Sam2Prompt> late =
        List.of(
            new Sam2Prompt(4, 3, "object", new Box(60, 10, 20, 20), null, null),
            new Sam2Prompt(4, 4, "object", new Box(90, 10, 20, 20), null, null));
    Run one = run("parity-sam2.1", Sam2Batching.PER_OBJECT, late);
    Run batched = run("parity-sam2.1", Sam2Batching.DEFAULT, late);
    assertThat(batched.steps()).hasSize(48);
    assertThat(one.steps().get("0/3").pointerValid()).containsExactly(0f);
    assertThat(one.steps().get("0/4").pointerValid()).containsExactly(0f);
    double worst = 0;
    for (String k : one.steps().keySet()) {
      float[] a = one.steps().get(k).lowResLogits(), b = batched.steps().get(k).lowResLogits();
      for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    assertThat(worst).isLessThanOrEqualTo(1e-5);
    assertThat(perFrame(batched, ATTN)).startsWith(1, 2, 2, 2);
  }

  @Test
  void reusingTensorsChangesNoBit() throws Exception {
    Run fresh = run("parity-sam2.1", Sam2Batching.PER_OBJECT);
    Run reused = run("parity-sam2.1", Sam2Batching.PER_OBJECT.withReuseTensors(true));
    for (String k : fresh.steps().keySet())
      assertThat(reused.steps().get(k).lowResLogits())
          .as(k)
          .isEqualTo(fresh.steps().get(k).lowResLogits());
  }

  /**
   * SAM 2.1 parity clip: object 1 prompted on frames 0 and 6, object 2 on frame 0 (a box: 2 points;
   * a click: 1 point). Frames 1-5: object 1 attends to conditioning frames 0 and 6, object 2 to
   * frame 0 only, so their memory layouts differ (2 groups). Frame 6: only object 2 is tracked.
   * Frames 7-11: both have 7 memory slots (object 1: 2 conditioning + 5 recent, frame 6 being
   * conditioning; object 2: 1 + 6) and the same pointer slots: one group.
   */
  @Test
  void eachGraphRunsOncePerLayoutGroupAndTheEncoderOncePerFrame() throws Exception {
    Run r = run("parity-sam2.1", Sam2Batching.DEFAULT);
    // frame 0 holds the prompted frames' pass: frames 0 and 6 encoded; decoder and memory encoder
    // for frame 0's box and click (different point counts: 2 calls) and frame 6's box (1 call).
    assertThat(perFrame(r, ENC)).containsExactly(2, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1);
    long[] groups = {0, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1};
    assertThat(perFrame(r, ATTN)).containsExactly(groups);
    long[] withPrompts = groups.clone();
    withPrompts[0] = 3;
    assertThat(perFrame(r, DEC)).containsExactly(withPrompts);
    assertThat(perFrame(r, MEM)).containsExactly(withPrompts);
    assertThat(r.callsAtFrame().get(11).get(ENC)).as("encoder calls = frames").isEqualTo(12);

    // One object per call, prompted frames not kept: frame 6 is encoded twice, and every tracked
    // object costs a call of each graph (2 x 11 - 1 tracked steps).
    Run one = run("parity-sam2.1", Sam2Batching.PER_OBJECT);
    Map<String, Long> total = one.callsAtFrame().get(11);
    assertThat(total).containsEntry(ENC, 13L).containsEntry(ATTN, 21L);
    assertThat(total).containsEntry(DEC, 3L + 21).containsEntry(MEM, 3L + 21);
  }

  /**
   * EdgeTAM parity clip: both objects prompted on frames 0 and 9, so they share every memory
   * layout: one call per graph per tracked frame; the prompted frames need no second encoding.
   */
  @Test
  void edgetamObjectsWithTheSameKeyframesShareEveryCall() throws Exception {
    Run r = run("parity-edgetam", Sam2Batching.DEFAULT);
    assertThat(perFrame(r, "vision_encoder")).containsExactly(2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1);
    assertThat(perFrame(r, "no_memory_embedding"))
        .containsExactly(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    long[] tracked = {0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1};
    assertThat(perFrame(r, ATTN)).containsExactly(tracked);
    long[] withPrompts = tracked.clone();
    withPrompts[0] = 4; // frames 0 and 9: a box (2 points) and a click (1 point) each
    assertThat(perFrame(r, "video_mask_decoder")).containsExactly(withPrompts);
    assertThat(perFrame(r, MEM)).containsExactly(withPrompts);
  }

  /**
   * An attention budget below one object's scores sends every object alone through the per-object
   * graphs: the EdgeTAM clip's two objects then cost two memory-attention calls per tracked frame
   * instead of one.
   */
  @Test
  void anAttentionBudgetBelowOneObjectSendsEachObjectAlone() throws Exception {
    Run r = run("parity-edgetam", Sam2Batching.DEFAULT.withAttentionBytes(1));
    assertThat(perFrame(r, ATTN)).containsExactly(0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 2, 2);
  }

  /** The cap is the budget over one object's score bytes, never below 1 nor above maxObjects. */
  @Test
  void objectsPerCallIsTheBudgetOverOneObjectsScoresWithinOneAndMaxObjects() {
    // SAM 2.1 tiny at 1024 x 1024: 4,096 query x (7 x 4,096 + 4 x 16) memory tokens x 4 B x 2
    double sam2 = 4096.0 * (7 * 4096 + 4 * 16) * 4 * 2; // 0.9416 GB
    assertThat(Sam2Batching.DEFAULT.objectsPerCall(sam2)).isEqualTo(8); // 8e9 / 0.9416e9 = 8.5
    // EdgeTAM: 7 x 512 perceiver tokens + 64 pointer tokens = 3,648
    double edgetam = 4096.0 * (7 * 512 + 4 * 16) * 4 * 2; // 0.1195 GB
    assertThat(Sam2Batching.DEFAULT.objectsPerCall(edgetam)).isEqualTo(66); // 8e9 / 0.1195e9 = 66.9
    assertThat(Sam2Batching.DEFAULT.withMaxObjects(4).objectsPerCall(edgetam)).isEqualTo(4);
    assertThat(Sam2Batching.DEFAULT.withAttentionBytes(1).objectsPerCall(sam2)).isEqualTo(1);
    assertThat(Sam2Batching.DEFAULT.objectsPerCall(0)).isEqualTo(Integer.MAX_VALUE);
  }
}
