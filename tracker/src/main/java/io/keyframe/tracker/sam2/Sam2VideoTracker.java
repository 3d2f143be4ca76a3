package io.keyframe.tracker.sam2;

import ai.onnxruntime.OnnxTensor;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.Keyframes;
import io.keyframe.tracker.Throughput;
import io.keyframe.tracker.TrackInvariants;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.VideoTracker;
import io.keyframe.tracker.detector.ImageTensor;
import io.keyframe.tracker.sam2.Sam2Graphs.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * SAM 2's video loop over a split ONNX bundle. Per frame the image is encoded once and shared by
 * all objects; per object: condition on its {@link MemoryBank} through the memory-attention graph
 * (or add the no-memory embedding on its first frame), decode mask, IoU and object-score logits and
 * the object pointer (with the frame's prompt if it has one), and encode the new memory. Prompts
 * (human boxes with track IDs: the first box of an object and later keyframes) become conditioning
 * memories kept for good, so re-initialising at a keyframe keeps the object's ID. An object-score
 * logit at or below 0 means hidden: no output shape, and an occlusion event once it is visible
 * again (with a recommended keyframe at the re-emergence frame).
 *
 * <p>No wasted work: the image encoder runs once per frame (a prompted frame that also has tracked
 * objects keeps its outputs until propagation reaches it, up to {@link
 * Sam2Batching#cachePromptedFrames()} frames); with an object-batch bundle ({@code object_batch} in
 * the manifest) all objects of a frame that share a memory layout (the same memory and pointer
 * slots in use; the predictor's per-object memories differ when objects have different conditioning
 * frames) go through memory attention, decoder and memory encoder in one call each, and prompted
 * objects with the same number of prompt points share the decoder call; the frame's encoder outputs
 * stay ONNX Runtime tensors fed to every call, and other inputs are filled into reused direct
 * buffers. Bundles without an object batch run one object per call.
 */
public final class Sam2VideoTracker implements VideoTracker {
  /** This tracker's name in provenance. */
  public static final String NAME = "sam2-video-predictor";

  private final Sam2Manifest manifest;
  private final Sam2Graphs graphs;
  private final String bundleHash;
  private final Sam2Config config;
  private final Sam2Batching batching;
  private final int maxObjectsPerCall;
  private Consumer<Sam2Step> stepListener = s -> {};
  private Sam2SessionSettings settings = Sam2SessionSettings.defaults();

  private Sam2VideoTracker(Sam2Bundle bundle, Sam2Config config, Sam2Batching batching) {
    this.manifest = bundle.manifest();
    this.graphs = bundle.graphs();
    this.bundleHash = bundle.sha256();
    this.config = config;
    this.batching = batching;
    // fixed by the bundle's declared shapes: computed once, not per frame and layout group
    this.maxObjectsPerCall =
        manifest.objectBatch() ? batching.objectsPerCall(attentionBytesPerObject()) : 1;
  }

  /**
   * Opens a bundle folder on the CPU with {@link Sam2SessionSettings#defaults} and {@code
   * intraOpThreads} threads (0 = one per core); see {@link #open(Path, Sam2SessionSettings,
   * Sam2Config, Sam2Batching)}.
   *
   * @param config the loop's settings ({@link Sam2Config#defaults})
   */
  public static Sam2VideoTracker open(Path bundleDir, int intraOpThreads, Sam2Config config)
      throws IOException {
    return open(bundleDir, intraOpThreads, config, Sam2Batching.DEFAULT);
  }

  /**
   * As {@link #open(Path, int, Sam2Config)}, with the object batching and tensor reuse given (the
   * default is {@link Sam2Batching#DEFAULT}; the others are baselines for benchmarks and tests).
   */
  public static Sam2VideoTracker open(
      Path bundleDir, int intraOpThreads, Sam2Config config, Sam2Batching batching)
      throws IOException {
    return open(
        bundleDir,
        Sam2SessionSettings.defaults().withIntraOpThreads(intraOpThreads),
        config,
        batching);
  }

  /**
   * As {@link #open(Path, Sam2SessionSettings, Sam2Config, Sam2Batching)} with the default
   * batching.
   */
  public static Sam2VideoTracker open(
      Path bundleDir, Sam2SessionSettings settings, Sam2Config config) throws IOException {
    return open(bundleDir, settings, config, Sam2Batching.DEFAULT);
  }

  /**
   * Opens a bundle folder and checks every graph before any frame is processed.
   *
   * @param settings how every graph's ONNX Runtime session is built (device, threads, ...)
   * @param config the loop's settings ({@link Sam2Config#defaults})
   * @param batching object batching and tensor reuse ({@link Sam2Batching#DEFAULT})
   * @throws Sam2SessionSettings.DeviceUnavailableException when this build cannot use the device
   */
  public static Sam2VideoTracker open(
      Path bundleDir, Sam2SessionSettings settings, Sam2Config config, Sam2Batching batching)
      throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(batching, "batching");
    Sam2Bundle bundle = Sam2Bundle.open(bundleDir, settings, batching.reuseTensors());
    Sam2VideoTracker t = new Sam2VideoTracker(bundle, config, batching);
    t.settings = settings;
    return t;
  }

  /** The session settings every graph of this tracker was opened with. */
  public Sam2SessionSettings sessionSettings() {
    return settings;
  }

  public Sam2Manifest manifest() {
    return manifest;
  }

  public Sam2Config config() {
    return config;
  }

  /**
   * SHA-256 over the manifest's and graphs' SHA-256 values: the model hash in output provenance.
   */
  public String bundleSha256() {
    return modelSha256();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelSha256() {
    return bundleHash;
  }

  /** The loop's settings and, under {@code bundle}, the model's loop settings from the manifest. */
  @Override
  public SortedMap<String, Object> settings() {
    SortedMap<String, Object> bundle = new TreeMap<>();
    bundle.put("model", manifest.model());
    bundle.put("layout", manifest.layout().name().toLowerCase(java.util.Locale.ROOT));
    bundle.put("image_size", manifest.imageSize());
    bundle.put("num_maskmem", manifest.numMaskmem());
    bundle.put("max_cond_frames", manifest.maxCondFrames());
    bundle.put("max_object_pointers", manifest.maxObjectPointers());
    bundle.put("memory_bfloat16", manifest.memoryBfloat16());
    bundle.put("object_batch", manifest.objectBatch());
    bundle.put("precision", manifest.precision());
    SortedMap<String, Object> out = new TreeMap<>(config.fields());
    out.put("bundle", java.util.Collections.unmodifiableSortedMap(bundle));
    out.put("batching", batching.fields());
    // How the ONNX Runtime sessions were built (version, device, threads, execution mode, ...).
    out.put(
        "session",
        java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings.provenance())));
    return java.util.Collections.unmodifiableSortedMap(out);
  }

  /** Detections are read only to start objects when no keyframe is given. */
  @Override
  public boolean usesDetections(Keyframes keyframes) {
    return keyframes.isEmpty();
  }

  /**
   * Tracks the objects the keyframes name; with none, the objects of the first frame that has
   * detections at or above {@link Sam2Config#autoPromptScore} (numbered 1, 2, ... in detection
   * order). See {@link #trackPrompts}.
   *
   * @param detections the video (and, without keyframes, the detections that start objects)
   * @param frames pixels of every frame (required)
   */
  @Override
  public TrackedVideo track(
      AnnotationSet detections,
      FrameImages frames,
      Keyframes keyframes,
      ProgressListener progress) {
    Keyframes prompts = keyframes.isEmpty() ? firstFramePrompts(detections) : keyframes;
    return trackPrompts(
        detections.video(),
        frames,
        prompts.boxes().stream().map(Sam2Prompt::of).toList(),
        progress);
  }

  private Keyframes firstFramePrompts(AnnotationSet dets) {
    List<Detection> out = new ArrayList<>();
    for (List<Detection> frame : dets.byFrame().values()) {
      int id = 1;
      for (Detection d : frame)
        if (d.score() >= config.autoPromptScore() && d.boxOrMaskBox() != null)
          out.add(Detection.of(d.frame(), id++, d.label(), d.boxOrMaskBox()));
      if (!out.isEmpty()) break;
    }
    return Keyframes.of(out);
  }

  /**
   * Mean wall milliseconds per ONNX Runtime call of each graph since opening (for benchmarks and
   * the full-size check).
   */
  public Map<String, Double> graphMillisPerCall() {
    return graphs.millisPerCall();
  }

  /** ONNX Runtime calls of each graph since opening (for tests and benchmarks). */
  public Map<String, Long> graphCalls() {
    return graphs.calls();
  }

  /**
   * Receives every per-object step (memory slots, pointers, masks, object score); for tests and
   * diagnostics.
   */
  public void onStep(Consumer<Sam2Step> listener) {
    this.stepListener = Objects.requireNonNull(listener);
  }

  /**
   * Tracks the objects named by {@code prompts} (human boxes with track IDs) through the video; see
   * {@link #trackPrompts}.
   */
  public TrackedVideo track(
      Video video, FrameImages frames, List<Detection> prompts, ProgressListener progress) {
    return trackPrompts(
        video,
        frames,
        Keyframes.of(prompts).boxes().stream().map(Sam2Prompt::of).toList(),
        progress);
  }

  /**
   * Tracks the objects named by {@code prompts} through the video as {@code SAM2VideoPredictor}
   * does when every prompt is added before {@code propagate_in_video}: each prompted frame is
   * decoded first, without memory (the no-memory embedding; the multimask head only for a single
   * point), and encoded from its binarised mask into a conditioning memory; then frames are
   * propagated in order from the earliest prompt, every object on every frame, attending to all its
   * conditioning memories (future ones too, their pointers only once past), the six previous frames
   * and the object pointers. A later prompt of the same object is a keyframe re-initialisation
   * (same ID).
   *
   * @param frames pixels of every frame (required)
   */
  public TrackedVideo trackPrompts(
      Video video, FrameImages frames, List<Sam2Prompt> prompts, ProgressListener progress) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    int n = video.frameCount();
    PromptSchedule schedule = PromptSchedule.of(prompts, n, this::emptyBank);
    Sam2Output out = new Sam2Output(video, config.minOcclusionFrames());
    Throughput clock = new Throughput();
    if (schedule.isEmpty()) {
      p.progress("track", n, n);
      return result(video, schedule, out, clock, n);
    }
    // A prompted frame that also has tracked objects keeps its encoder outputs (up to a bound)
    // until propagation reaches it, so the image encoder runs once per frame.
    Map<Integer, FrameFeatures> cached = new HashMap<>();
    try {
      Map<Long, Decoded> conditioned = conditionPromptedFrames(schedule, frames, video, cached);
      propagate(schedule, frames, video, conditioned, cached, out, p);
    } finally {
      cached.values().forEach(FrameFeatures::close);
    }
    out.endHiddenRuns(schedule.objects(), n);
    return result(video, schedule, out, clock, n);
  }

  private MemoryBank emptyBank() {
    return new MemoryBank(
        manifest.numMaskmem(), manifest.maxCondFrames(), manifest.maxObjectPointers());
  }

  /**
   * Step 1, before any propagation (the predictor takes every prompt first): each prompted frame is
   * decoded without memory and encoded into conditioning memories. Returns the decoder results by
   * {@link #key(int, int)}, for the propagation to report when it reaches their frame.
   */
  private Map<Long, Decoded> conditionPromptedFrames(
      PromptSchedule schedule,
      FrameImages frames,
      Video video,
      Map<Integer, FrameFeatures> cached) {
    Map<Long, Decoded> conditioned = new HashMap<>();
    for (Map.Entry<Integer, Map<Integer, Sam2Prompt>> e : schedule.byFrame().entrySet()) {
      int f = e.getKey();
      FrameFeatures enc = encode(image(frames, f));
      boolean keep =
          e.getValue().size() < schedule.objectCount()
              && cached.size() < batching.cachePromptedFrames();
      try {
        conditionFrame(f, e.getValue().values(), schedule, enc, video, conditioned);
      } finally {
        if (keep) cached.put(f, enc);
        else enc.close();
      }
    }
    return conditioned;
  }

  /**
   * One prompted frame's objects. Objects with the same number of prompt points share a decoder
   * call (a padding point would not be neutral: SAM's prompt encoder embeds it).
   */
  private void conditionFrame(
      int f,
      Collection<Sam2Prompt> prompts,
      PromptSchedule schedule,
      FrameFeatures enc,
      Video video,
      Map<Long, Decoded> conditioned) {
    Object noMem = noMemoryFeatures(enc);
    Map<Integer, List<Sam2Prompt>> byPoints = new TreeMap<>();
    for (Sam2Prompt prompt : prompts)
      byPoints.computeIfAbsent(prompt.pointCount(), k -> new ArrayList<>()).add(prompt);
    for (List<Sam2Prompt> same : byPoints.values())
      for (List<Sam2Prompt> group : chunks(same)) {
        List<ObjectState> os = new ArrayList<>();
        for (Sam2Prompt prompt : group) os.add(schedule.object(prompt.trackId()));
        try (DecodedGroup dg =
            decode(repeat(noMem, group.size()), enc, group, group.size(), video)) {
          store(os, f, enc, dg, true);
          for (int i = 0; i < os.size(); i++) {
            Decoded d = dg.decoded().get(i);
            conditioned.put(key(f, os.get(i).id), d.withStep(conditioningStep(f, os.get(i), d)));
          }
        }
      }
  }

  /** A prompted frame's step: no memory attention, so no slots. */
  private static Sam2Step conditioningStep(int f, ObjectState o, Decoded d) {
    return new Sam2Step(
        f,
        o.id,
        true,
        false,
        new int[0],
        new long[0],
        new float[0],
        new int[0],
        new long[0],
        new float[0],
        d.score(),
        d.multimask(),
        d.iou(),
        d.masks().data());
  }

  /**
   * Step 2: frames in order from the earliest prompt, every object on every frame; a prompted
   * object reports its conditioning result, the others are tracked through their memories.
   */
  private void propagate(
      PromptSchedule schedule,
      FrameImages frames,
      Video video,
      Map<Long, Decoded> conditioned,
      Map<Integer, FrameFeatures> cached,
      Sam2Output out,
      ProgressListener p) {
    int n = video.frameCount();
    int start = schedule.firstFrame();
    for (int f = 0; f < start; f++) p.progress("track", f + 1, n);
    for (int f = start; f < n; f++) {
      Map<Integer, Sam2Prompt> framePrompts = schedule.on(f);
      Map<Integer, Decoded> tracked = trackFrame(f, schedule, framePrompts, frames, video, cached);
      for (ObjectState o : schedule.objects()) {
        Sam2Prompt prompt = framePrompts.get(o.id);
        Decoded d = prompt != null ? conditioned.remove(key(f, o.id)) : tracked.get(o.id);
        stepListener.accept(d.step());
        out.add(o, f, d.masks(), d.score(), d.iou(), prompt);
      }
      p.progress("track", f + 1, n);
    }
  }

  /**
   * The objects not prompted on frame {@code f}, tracked in groups that share a memory layout;
   * their decoder results by track ID. The frame is encoded only when some object needs it (or its
   * cached encoding from step 1 is used).
   */
  private Map<Integer, Decoded> trackFrame(
      int f,
      PromptSchedule schedule,
      Map<Integer, Sam2Prompt> framePrompts,
      FrameImages frames,
      Video video,
      Map<Integer, FrameFeatures> cached) {
    Map<Integer, Decoded> tracked = new HashMap<>();
    List<ObjectState> toTrack = new ArrayList<>();
    for (ObjectState o : schedule.objects()) if (!framePrompts.containsKey(o.id)) toTrack.add(o);
    if (toTrack.isEmpty()) return tracked;
    FrameFeatures enc = cached.remove(f);
    if (enc == null) enc = encode(image(frames, f));
    try {
      // Every object's slots are read before any group stores its new memory.
      for (List<ObjectSlots> group : groupByLayout(toTrack, f, video.frameCount()))
        for (List<ObjectSlots> chunk : chunks(group))
          for (Decoded d : trackGroup(chunk, f, video.frameCount(), enc, video))
            tracked.put(d.step().objectId(), d);
    } finally {
      enc.close();
    }
    return tracked;
  }

  private TrackedVideo result(
      Video video, PromptSchedule schedule, Sam2Output out, Throughput clock, int n) {
    AnnotationSet set =
        new AnnotationSet(
            video,
            Provenance.model(
                manifest.model(),
                bundleHash,
                Instant.now(),
                "keyframe-tracker/sam2-" + manifest.layout().name().toLowerCase()),
            schedule.labels(),
            out.shapes());
    return new TrackedVideo(
        TrackInvariants.check(set), out.occlusions(), out.recommended(), clock.fps(n));
  }

  private static long key(int frame, int id) {
    return ((long) frame << 32) | (id & 0xffffffffL);
  }

  private static BufferedImage image(FrameImages frames, int f) {
    BufferedImage image = frames.image(f);
    if (image == null)
      throw new IllegalArgumentException(
          "no pixels for frame " + f + ": the SAM 2 tracker needs every frame");
    return image;
  }

  /** One decoder result (and, once known, the step it makes). */
  private record Decoded(
      Tensor masks, float score, float iou, float[] objPtr, boolean multimask, Sam2Step step) {
    Decoded withStep(Sam2Step s) {
      return new Decoded(masks, score, iou, objPtr, multimask, s);
    }
  }

  /** The objects to track on a frame, grouped by memory layout (first-seen order). */
  private List<List<ObjectSlots>> groupByLayout(List<ObjectState> objects, int f, int numFrames) {
    long[] memDecl = graphs.inputShape("memory_attention", "mem_feats");
    long[] ptrDecl = graphs.inputShape("memory_attention", "obj_ptrs");
    // Object-batch exports have the object axis first.
    int axis = manifest.objectBatch() ? 1 : 0;
    List<ObjectSlots> slots = new ArrayList<>();
    for (ObjectState o : objects)
      slots.add(ObjectSlots.of(o, f, numFrames, memDecl, ptrDecl, axis));
    return ObjectSlots.groupByLayout(slots);
  }

  /**
   * Most objects one call of a per-object graph takes: 1 for bundles whose graphs take one object,
   * else {@link Sam2Batching#maxObjects} capped by {@link Sam2Batching#attentionBytes} over {@link
   * #attentionBytesPerObject} (what {@code track --plan} chunks by).
   */
  public int maxObjectsPerCall() {
    return maxObjectsPerCall;
  }

  /**
   * Attention-score bytes of one object in memory attention over {@code num_maskmem} memories and
   * every pointer: query tokens (the feature map after the object and channel axes) x memory tokens
   * (SAM 2 keeps each memory's map, C x H x W; EdgeTAM's perceiver a token list, tokens x C; each
   * pointer is 4 tokens, its 256 channels split into the keys' 64) x 4 bytes x 2 (logits and
   * softmax); 0 when the graph declares no fixed sizes.
   */
  public double attentionBytesPerObject() {
    long[] curr = graphs.inputShape("memory_attention", "curr");
    long[] mem = graphs.inputShape("memory_attention", "mem_feats");
    if (curr == null || mem == null || curr.length < 2 || mem.length < 3) return 0;
    long query = curr[curr.length - 2] * curr[curr.length - 1];
    long perMemory = mem.length == 5 ? mem[3] * mem[4] : mem[2];
    if (query <= 0 || perMemory <= 0) return 0;
    long tokens = manifest.numMaskmem() * perMemory + 4L * manifest.maxObjectPointers();
    return 2.0 * 4 * query * tokens;
  }

  private <T> List<List<T>> chunks(List<T> items) {
    int size = maxObjectsPerCall;
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size)
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    return out;
  }

  /**
   * Frames without prompt for a group of same-layout objects: memory attention over their banks
   * (one call), then the decoder with SAM 2's padding point, then the memory encoder.
   */
  private List<Decoded> trackGroup(
      List<ObjectSlots> group, int f, int numFrames, FrameFeatures enc, Video video) {
    int b = group.size();
    Map<String, Object> in = memoryAttentionInputs(group, numFrames, enc);
    List<ObjectState> os = new ArrayList<>();
    for (ObjectSlots sl : group) os.add(sl.object());
    List<Decoded> out = new ArrayList<>();
    try (Sam2Graphs.Outputs fused = graphs.runKeeping("memory_attention", in)) {
      Object embed = batching.reuseTensors() ? fused.tensor("fused") : (Object) fused.copy("fused");
      // Tracking frames: no points, so SAM2Base._use_multimask picks the multimask head (0 points
      // in [0, 1]).
      try (DecodedGroup dg = decode(embed, enc, null, b, video)) {
        store(os, f, enc, dg, false);
        for (int j = 0; j < b; j++) {
          Decoded d = dg.decoded().get(j);
          out.add(d.withStep(trackingStep(f, group.get(j), d)));
        }
      }
    }
    return out;
  }

  /** The memory-attention graph's inputs for a same-layout group on the frame {@code enc} holds. */
  private Map<String, Object> memoryAttentionInputs(
      List<ObjectSlots> group, int numFrames, FrameFeatures enc) {
    int b = group.size();
    ObjectSlots first = group.get(0);
    int k = first.memorySlotCount(), pSlots = first.pointerSlotCount();
    int ptrSize = first.object().ptrSize;
    long[] entryShape = first.object().memEntryShape;
    ObjectSlots.Packed packed = ObjectSlots.Packed.of(group);
    boolean batched = manifest.objectBatch();
    long[] memShape = batched ? prepend(b, prepend(k, entryShape)) : prepend(k, entryShape);
    Map<String, Object> in = new HashMap<>();
    in.put("curr", enc.get("vision_feats"));
    in.put("curr_pos", enc.get("vision_pos"));
    in.put("mem_feats", new Tensor(packed.memFeats(), memShape));
    in.put("mem_pos", new Tensor(packed.memPos(), memShape));
    in.put(
        "mem_tpos", new long[][] {packed.memTpos(), batched ? new long[] {b, k} : new long[] {k}});
    in.put("mem_valid", new Tensor(first.memValid(), new long[] {k}));
    in.put(
        "obj_ptrs",
        new Tensor(
            packed.objPtrs(),
            batched ? new long[] {b, pSlots, ptrSize} : new long[] {pSlots, ptrSize}));
    if (graphs.hasInput("memory_attention", "obj_ptr_tpos"))
      in.put(
          "obj_ptr_tpos",
          new long[][] {
            packed.ptrOffsets(), batched ? new long[] {b, pSlots} : new long[] {pSlots}
          });
    in.put("ptr_valid", new Tensor(first.ptrValid(), new long[] {pSlots}));
    // The predictor normalises pointer offsets by min(num_frames, max_obj_ptrs_in_encoder) - 1.
    if (graphs.hasInput("memory_attention", "t_diff_max"))
      in.put(
          "t_diff_max",
          new Tensor(
              new float[] {Math.max(1, Math.min(numFrames, manifest.maxObjectPointers()) - 1)},
              new long[] {1}));
    return in;
  }

  /** A tracked frame's step: the slots memory attention was given and what the decoder made. */
  private static Sam2Step trackingStep(int f, ObjectSlots sl, Decoded d) {
    return new Sam2Step(
        f,
        sl.object().id,
        false,
        true,
        sl.memFrames(),
        sl.memTpos(),
        sl.memValid(),
        sl.ptrFrames(),
        sl.ptrOffsets(),
        sl.ptrValid(),
        d.score(),
        d.multimask(),
        d.iou(),
        d.masks().data());
  }

  /** A decoder call's per-object results and its mask logits, ready for the memory encoder. */
  private record DecodedGroup(List<Decoded> decoded, Object lowRes, AutoCloseable outputs)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        outputs.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The mask decoder for {@code b} objects: with their prompts (all with the same number of
   * points), or with SAM 2's padding point when {@code prompts} is null.
   */
  private DecodedGroup decode(
      Object embed, FrameFeatures enc, List<Sam2Prompt> prompts, int b, Video video) {
    String graph = manifest.layout().decoderGraph();
    Map<String, Object> dec = new HashMap<>();
    dec.put("image_embed", embed);
    dec.put("high_res_0", enc.get("high_res_0"));
    dec.put("high_res_1", enc.get("high_res_1"));
    boolean[] multimask = new boolean[b];
    if (prompts != null) putPromptPoints(dec, prompts, multimask, video);
    else putPaddingPoint(dec, multimask);
    boolean choosable = graphs.hasInput(graph, "multimask_output");
    if (choosable) {
      float[] mm = new float[b];
      for (int j = 0; j < b; j++) mm[j] = multimask[j] ? 1 : 0;
      dec.put("multimask_output", new Tensor(mm, new long[] {b}));
    }
    Sam2Graphs.Outputs d = graphs.runKeeping(graph, dec);
    try {
      Tensor low = d.copy("low_res_masks");
      Object lowFeed = batching.reuseTensors() ? d.tensor("low_res_masks") : low;
      return new DecodedGroup(perObject(d, low, multimask, choosable), lowFeed, d);
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** A decoder call's outputs cut into one result per object (object axis first). */
  private static List<Decoded> perObject(
      Sam2Graphs.Outputs d, Tensor low, boolean[] multimask, boolean choosable) {
    int b = multimask.length;
    float[] score = d.copy("object_score_logits").data(), iou = d.copy("iou_scores").data();
    float[] ptr = d.copy("obj_ptr").data();
    int lowSize = low.size() / b, ptrSize = ptr.length / b;
    long[] lowShape = low.shape().clone();
    lowShape[0] = 1;
    List<Decoded> out = new ArrayList<>();
    for (int j = 0; j < b; j++)
      out.add(
          new Decoded(
              new Tensor(Arrays.copyOfRange(low.data(), j * lowSize, (j + 1) * lowSize), lowShape),
              score[j],
              iou[j],
              Arrays.copyOfRange(ptr, j * ptrSize, (j + 1) * ptrSize),
              choosable ? multimask[j] : true,
              null));
    return out;
  }

  /**
   * The prompts' points in model pixels: box corners (labels 2, 3) first, then the clicks. All
   * prompts have the same number of points.
   */
  private void putPromptPoints(
      Map<String, Object> dec, List<Sam2Prompt> prompts, boolean[] multimask, Video video) {
    int b = prompts.size();
    int np = prompts.get(0).pointCount();
    float[] coords = new float[b * 2 * np], labels = new float[b * np];
    for (int j = 0; j < b; j++) {
      Sam2Prompt prompt = prompts.get(j);
      // SAM2Base._use_multimask: the multimask head for at most one point.
      multimask[j] = np <= 1;
      int i = j * np;
      if (prompt.box() != null) {
        Box box = prompt.box();
        scalePoint(coords, i, (float) box.x(), (float) box.y(), video);
        labels[i++] = 2;
        scalePoint(coords, i, (float) box.x2(), (float) box.y2(), video);
        labels[i++] = 3;
      }
      for (int q = 0; q < prompt.clickCount(); q++) {
        scalePoint(coords, i, prompt.clickX(q), prompt.clickY(q), video);
        labels[i++] = prompt.clickLabel(q);
      }
    }
    dec.put("point_coords", new Tensor(coords, new long[] {b, np, 2}));
    dec.put("point_labels", new Tensor(labels, new long[] {b, np}));
  }

  /** SAM 2 feeds a single padding point (label -1) when a frame has no prompt. */
  private static void putPaddingPoint(Map<String, Object> dec, boolean[] multimask) {
    int b = multimask.length;
    Arrays.fill(multimask, true);
    float[] labels = new float[b];
    Arrays.fill(labels, -1);
    dec.put("point_coords", new Tensor(new float[2 * b], new long[] {b, 1, 2}));
    dec.put("point_labels", new Tensor(labels, new long[] {b, 1}));
  }

  /** Video pixels -> model input pixels, in float32 as add_new_points_or_box computes them. */
  private void scalePoint(float[] coords, int i, float x, float y, Video video) {
    float s = manifest.imageSize();
    coords[2 * i] = x / (float) video.width() * s;
    coords[2 * i + 1] = y / (float) video.height() * s;
  }

  /**
   * The memory encoder on a group's masks (one call); a prompted frame's memory comes from the
   * binarised mask.
   */
  private void store(
      List<ObjectState> os, int f, FrameFeatures enc, DecodedGroup dg, boolean conditioning) {
    Map<String, Tensor> mem =
        graphs.run("memory_encoder", memoryEncoderInputs(enc, dg, conditioning));
    Tensor feats = mem.get("maskmem_features");
    float[] all = feats.data();
    // SAM2VideoPredictor keeps maskmem_features in bfloat16 (positions and pointers in float32).
    if (manifest.memoryBfloat16())
      for (int i = 0; i < all.length; i++) all[i] = Bfloat16.round(all[i]);
    addMemories(os, f, feats, mem.get("maskmem_pos_enc").data(), dg, conditioning);
  }

  private Map<String, Object> memoryEncoderInputs(
      FrameFeatures enc, DecodedGroup dg, boolean conditioning) {
    int b = dg.decoded().size();
    Map<String, Object> me = new HashMap<>();
    me.put("pix_feat", enc.get("vision_feats"));
    me.put("mask_logits", dg.lowRes());
    if (graphs.hasInput("memory_encoder", "object_score_logits")) {
      float[] scores = new float[b];
      for (int j = 0; j < b; j++) scores[j] = dg.decoded().get(j).score();
      me.put("object_score_logits", new Tensor(scores, new long[] {b, 1}));
    }
    if (graphs.hasInput("memory_encoder", "is_mask_from_pts")) {
      float[] fromPts = new float[b];
      Arrays.fill(fromPts, conditioning ? 1 : 0);
      me.put("is_mask_from_pts", new Tensor(fromPts, new long[] {b}));
    }
    return me;
  }

  /**
   * Each object's slice of the memory encoder's outputs into its bank: kept for good when it is a
   * prompted frame's, among the recent frames otherwise.
   */
  private static void addMemories(
      List<ObjectState> os,
      int f,
      Tensor feats,
      float[] pos,
      DecodedGroup dg,
      boolean conditioning) {
    int b = os.size();
    int size = feats.size() / b;
    float[] all = feats.data();
    for (int j = 0; j < b; j++) {
      ObjectState o = os.get(j);
      Decoded d = dg.decoded().get(j);
      if (o.memEntryShape == null) {
        o.memEntryShape = Arrays.copyOfRange(feats.shape(), 1, feats.shape().length);
        o.memSize = size;
        o.ptrSize = d.objPtr().length;
      }
      MemoryBank.Entry entry =
          new MemoryBank.Entry(
              f,
              Arrays.copyOfRange(all, j * size, (j + 1) * size),
              Arrays.copyOfRange(pos, j * size, (j + 1) * size),
              d.objPtr());
      if (conditioning) o.bank.addConditioning(entry);
      else o.bank.addRecent(entry);
    }
  }

  private FrameFeatures encode(BufferedImage image) {
    int s = manifest.imageSize();
    float[] px = new float[3 * s * s];
    ImageTensor.resizedRgb(image, s, 1f / 255f, px, 0);
    float[] mean = manifest.mean().toArray(), std = manifest.std().toArray();
    for (int c = 0; c < 3; c++)
      for (int i = c * s * s, end = (c + 1) * s * s; i < end; i++)
        px[i] = (px[i] - mean[c]) / std[c];
    FrameFeatures ff = new FrameFeatures();
    Map<String, Object> in = new HashMap<>();
    in.put("image", new Tensor(px, new long[] {1, 3, s, s}));
    ff.add(graphs.runKeeping(manifest.layout().encoderGraph(), in), batching.reuseTensors());
    return ff;
  }

  /** The frame's features with SAM 2's no-memory embedding (prompted frames only). */
  private Object noMemoryFeatures(FrameFeatures enc) {
    if (manifest.layout() == Sam2Layout.SAM2) return enc.get("no_mem_feats");
    if (enc.get("no_mem_feats") == null) {
      Map<String, Object> in = new HashMap<>();
      in.put("vision_feats", enc.get("vision_feats"));
      enc.add(graphs.runKeeping("no_memory_embedding", in), batching.reuseTensors());
    }
    return enc.get("no_mem_feats");
  }

  /** {@code b} copies of a [1,...] tensor along the object axis (the tensor itself for b = 1). */
  private static Object repeat(Object value, int b) {
    if (b == 1) return value;
    float[] one;
    long[] shape;
    if (value instanceof Tensor t) {
      one = t.data();
      shape = t.shape().clone();
    } else {
      OnnxTensor t = (OnnxTensor) value;
      FloatBuffer fb = t.getFloatBuffer();
      one = new float[fb.remaining()];
      fb.get(one);
      shape = t.getInfo().getShape().clone();
    }
    float[] data = new float[b * one.length];
    for (int j = 0; j < b; j++) System.arraycopy(one, 0, data, j * one.length, one.length);
    shape[0] = b;
    return new Tensor(data, shape);
  }

  /** Bilinear upsampling of [1,1,m,m] mask logits to the video size, thresholded at 0. */
  static Mask upsample(Tensor logits, Video video) {
    int mh = (int) logits.shape()[2], mw = (int) logits.shape()[3];
    int w = video.width(), h = video.height();
    float[] l = logits.data();
    boolean[] px = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      double sy = Math.max(0, Math.min(mh - 1, (y + 0.5) * mh / h - 0.5));
      int y0 = (int) sy, y1 = Math.min(mh - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < w; x++) {
        double sx = Math.max(0, Math.min(mw - 1, (x + 0.5) * mw / w - 0.5));
        int x0 = (int) sx, x1 = Math.min(mw - 1, x0 + 1);
        double fx = sx - x0;
        double v =
            (1 - fy) * ((1 - fx) * l[y0 * mw + x0] + fx * l[y0 * mw + x1])
                + fy * ((1 - fx) * l[y1 * mw + x0] + fx * l[y1 * mw + x1]);
        px[y * w + x] = v > 0;
      }
    }
    return Mask.fromRowMajor(h, w, px);
  }

  private static long[] prepend(long first, long[] rest) {
    long[] out = new long[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  @Override
  public void close() {
    graphs.close();
  }
}
