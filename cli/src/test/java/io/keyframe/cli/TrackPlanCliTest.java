package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code track --plan}: the estimate is the hand arithmetic over a small figures file. */
class TrackPlanCliTest extends InProcessCliTest {
  /** {@code track --plan BATCH --model MODEL --figures FIGURES [extra...]}. */
  int plan(Path batch, String model, Path figures, String... extra) {
    return run(
        List.of(
            "track", "--plan", batch.toString(), "--model", model, "--figures", figures.toString()),
        extra);
  }

  private Path batch() throws Exception {
    Path b = tmp.resolve("batch");
    // two videos: 100 frames x 3 objects, 50 frames x 2 objects
    video(b, "v0", 100, 3);
    video(b, "v1", 50, 2);
    return b;
  }

  private static void video(Path batch, String id, int frames, int objects) throws Exception {
    StringBuilder o = new StringBuilder();
    for (int i = 1; i <= objects; i++)
      o.append(i > 1 ? "," : "").append("{\"trackId\":").append(i).append(",\"label\":\"x\"}");
    Files.createDirectories(batch.resolve(id));
    Files.writeString(
        batch.resolve(id + "/meta.json"),
        "{\"video\":{\"id\":\""
            + id
            + "\",\"fps\":15,\"width\":64,\"height\":64,\"frameCount\":"
            + frames
            + "},\"objects\":["
            + o
            + "]}");
  }

  /**
   * {@code track --plan} of a batch of one video, {@code v}, of that many frames and objects, with
   * {@code model} over the figures {@code figuresJson}.
   */
  private int planOneVideo(int frames, int objects, String model, String figuresJson)
      throws Exception {
    Path b = tmp.resolve("one-video");
    video(b, "v", frames, objects);
    return plan(b, model, Files.writeString(tmp.resolve("one-video-figures.json"), figuresJson));
  }

  private Path figures() throws Exception {
    Path f = tmp.resolve("figures.json");
    Files.writeString(
        f,
        """
        {"models": {
          "sam2": {"device": "cpu", "loop_ms_per_object_frame": 5,
                   "graph_ms": {"image_encoder": 1000, "memory_attention": 400,
                                "mask_decoder": 50, "memory_encoder": 30}},
          "edgetam": {"device": "cpu",
                   "graph_ms": {"vision_encoder": 300, "no_memory_embedding": 1,
                                "memory_attention": 20, "video_mask_decoder": 40,
                                "memory_encoder": 10}},
          "fallback": {"device": "cpu", "ms_per_object_frame": 0.06}}}
        """);
    return f;
  }

  private double hours() {
    String line =
        out.toString().lines().filter(l -> l.startsWith("model=")).findFirst().orElseThrow();
    return Double.parseDouble(line.replaceAll(".*predicted_hours=([^ ]+).*", "$1"));
  }

  /** The plan's total predicted hours are {@code milliseconds} of work, to 0.001 %. */
  private void assertPredictedMilliseconds(double milliseconds) {
    assertThat(hours()).isCloseTo(milliseconds / 3.6e6, withinPercentage(0.001));
  }

  @Test
  void figuresWithoutABatchFitPriceEachObjectAtTheBatchOneTimes() throws Exception {
    assertThat(plan(batch(), "sam2", figures(), "--price-per-hour", "2.5")).isZero();
    // Frame 0 holds the prompts (no memory attention), frames 1.. attend to memory (400 ms each):
    // v0: 100 x (1000 + 3 x (50 + 30 + 5)) + 3 x 99 x 400; v1: 50 x (1000 + 2 x 85) + 2 x 49 x 400
    double milliseconds =
        100 * (1000 + 3 * 85.0) + 3 * 99 * 400 + 50 * (1000 + 2 * 85.0) + 2 * 49 * 400;
    assertPredictedMilliseconds(milliseconds);
    assertThat(out.toString())
        .contains("2 videos, 150 frames, 400 object-frames")
        .contains(String.format(java.util.Locale.ROOT, "cost=%.2f", milliseconds / 3.6e6 * 2.5));
  }

  @Test
  void edgetamKeyframesOnlyAndFallbackFollowTheirFormulas() throws Exception {
    Path b = batch(), f = figures();
    assertThat(plan(b, "edgetam", f)).isZero();
    // decoder 40 + memory encoder 10 on every frame, memory attention 20 from frame 1 on
    assertPredictedMilliseconds(
        100 * (300 + 3 * 50.0) + 3 * 99 * 20 + 50 * (300 + 2 * 50.0) + 2 * 49 * 20);
    out.getBuffer().setLength(0);
    // keyframes every 30 frames: v0 ceil(100/30) = 4, v1 ceil(50/30) = 2; decoder + memory encoder
    // + loop per object (85 ms) on them, the fallback (0.06 ms per object-frame) on every frame
    assertThat(plan(b, "sam2-keyframes", f, "--keyframe-every", "30")).isZero();
    double kf = 4 * (1000 + 3 * 85.0) + 300 * 0.06 + 2 * (1000 + 2 * 85.0) + 100 * 0.06;
    assertPredictedMilliseconds(kf);
    out.getBuffer().setLength(0);
    assertThat(plan(b, "fallback", f)).isZero();
    assertPredictedMilliseconds(400 * 0.06);
  }

  @Test
  void memoryAttentionRampsFromOneMemoryToSevenOverTheFirstFrames() throws Exception {
    String figures =
        """
        {"models": {"sam2": {"device": "cpu", "memories": 7,
          "graph_ms": {"image_encoder": 100, "memory_attention": 700, "memory_attention_1": 100,
                       "mask_decoder": 10, "memory_encoder": 20}}}}
        """;
    assertThat(planOneVideo(10, 1, "sam2", figures)).isZero();
    // frame t attends to min(t, 7) memories: 100 ms at 1, +100 ms per memory, 700 ms from 7 on
    double attention = 100 + 200 + 300 + 400 + 500 + 600 + 700 + 700 + 700;
    assertPredictedMilliseconds(10 * (100 + 10 + 20) + attention);
  }

  @Test
  void theShippedFiguresPlanTheDataSamplesBatch() {
    Path samples = Path.of(System.getProperty("keyframe.root", ".."), "data-samples");
    assertThat(run("track", "--plan", samples.toString(), "--model", "edgetam")).isZero();
    assertThat(out.toString()).contains("2 videos, 600 frames").contains("shipped figures");
    assertThat(hours()).isPositive();
  }

  @Test
  void figuresForAnotherDeviceABadModelOrBatchExit2() throws Exception {
    Path b = batch(), f = figures();
    assertThat(plan(b, "sam2", f, "--device", "cuda")).isEqualTo(2);
    assertThat(err.toString()).contains("figures were measured on cpu, not cuda:0");
    assertThat(run("track", "--plan", b.toString(), "--model", "sam3")).isEqualTo(2);
    assertThat(err.toString()).contains("--model must be one of");
    assertThat(run("track", "--plan", tmp.resolve("none").toString())).isEqualTo(2);
    assertThat(run("track", "--plan", b.toString(), "--figures", tmp.resolve("f.json").toString()))
        .isEqualTo(2);
  }

  @Test
  void objectsGoInChunksOfTheLoopsMostObjectsPerCallTheRestLast() {
    assertThat(TrackPlan.chunks(50, 16)).containsExactly(16, 16, 16, 2);
    assertThat(TrackPlan.chunks(16, 16)).containsExactly(16);
    assertThat(TrackPlan.chunks(3, 1)).containsExactly(1, 1, 1);
    assertThat(TrackPlan.chunks(8, Integer.MAX_VALUE)).containsExactly(8);
    assertThat(TrackPlan.chunks(0, 16)).isEmpty();
  }

  @Test
  void aBatchFitPricesEachChunkAtFixedPlusObjectsTimesMarginal() throws Exception {
    String figures =
        """
        {"models": {"sam2": {"device": "cpu", "memories": 7, "max_objects_per_call": 16,
          "loop_ms": {"per_frame": 8, "per_object_frame": 2},
          "graph_ms": {"image_encoder": 1000, "memory_attention": 400, "memory_attention_1": 100,
                       "mask_decoder": 30, "memory_encoder": 10},
          "graph_fit": {"batch": 8,
            "mask_decoder": {"fixed_ms": 20, "per_object_ms": 10},
            "memory_encoder": {"fixed_ms": 6, "per_object_ms": 4},
            "memory_attention": {"fixed_ms": 100, "per_object_ms": 300},
            "memory_attention_1": {"fixed_ms": 40, "per_object_ms": 60}}}}}
        """;
    assertThat(planOneVideo(3, 50, "sam2", figures)).isZero();
    // 50 objects at 16 per call: chunks 16, 16, 16, 2 (4 chunks). Every frame: encoder 1000, loop
    // 8 + 50 x 2, decoder 4 x 20 + 50 x 10, memory encoder 4 x 6 + 50 x 4.
    double frame0 = 1000 + (8 + 50 * 2) + (4 * 20 + 50 * 10) + (4 * 6 + 50 * 4);
    // frame 1: memory attention over 1 memory, 4 x 40 + 50 x 60; frame 2 over 2 memories, one
    // sixth of the way to 7: fixed 40 + 60 / 6 = 50, per object 60 + 240 / 6 = 100
    double frame1 = frame0 + 4 * 40 + 50 * 60;
    double frame2 = frame0 + 4 * 50 + 50 * 100;
    assertThat(out.toString()).contains("video=v frames=3 objects=50 predicted_hours=");
    assertPredictedMilliseconds(frame0 + frame1 + frame2);
  }

  @Test
  void aBatchFitWithANegativeMarginalExits2NamingTheField() throws Exception {
    String figures =
        """
        {"models": {"edgetam": {"device": "cpu",
          "graph_ms": {"vision_encoder": 10, "memory_attention": 4, "video_mask_decoder": 3,
                       "memory_encoder": 2},
          "graph_fit": {"memory_encoder": {"fixed_ms": 1, "per_object_ms": -1}}}}}
        """;
    assertThat(planOneVideo(3, 2, "edgetam", figures)).isEqualTo(2);
    assertThat(err.toString()).contains("models.edgetam.graph_fit.memory_encoder.per_object_ms");
  }

  @Test
  void withoutPlanTheOutputFolderIsStillRequired() {
    assertThat(run("track", "--detections", "x.mot.txt")).isEqualTo(2);
    assertThat(err.toString()).contains("--out");
  }
}
