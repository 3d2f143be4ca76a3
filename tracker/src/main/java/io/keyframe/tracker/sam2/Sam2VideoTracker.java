package io.keyframe.tracker.sam2;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.RecommendedKeyframe;
import io.keyframe.tracker.Throughput;
import io.keyframe.tracker.TrackInvariants;
import io.keyframe.tracker.TrackingResult;
import io.keyframe.tracker.detector.ImageTensor;
import io.keyframe.tracker.sam2.Sam2Graphs.Tensor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Objects run one at a time through the decoder and memory graphs (the exported graphs have
 * batch 1); the image encoder runs once per frame.
 */
public final class Sam2VideoTracker implements AutoCloseable {
  private final Sam2Manifest manifest;
  private final Sam2Graphs graphs;
  private final String bundleHash;
  private final int minOcclusionFrames;
  private Consumer<Sam2Step> stepListener = s -> {};
  private Sam2SessionSettings settings = Sam2SessionSettings.defaults();

  private Sam2VideoTracker(
      Sam2Manifest manifest, Sam2Graphs graphs, String bundleHash, int minOcclusionFrames) {
    this.manifest = manifest;
    this.graphs = graphs;
    this.bundleHash = bundleHash;
    this.minOcclusionFrames = minOcclusionFrames;
  }

  /**
   * Opens a bundle folder on the CPU with {@link Sam2SessionSettings#defaults} and {@code
   * intraOpThreads} threads (0 = one per core); see {@link #open(Path, Sam2SessionSettings, int)}.
   */
  public static Sam2VideoTracker open(Path bundleDir, int intraOpThreads, int minOcclusionFrames)
      throws IOException {
    return open(
        bundleDir,
        Sam2SessionSettings.defaults().withIntraOpThreads(intraOpThreads),
        minOcclusionFrames);
  }

  /**
   * Opens a bundle folder and checks every graph before any frame is processed.
   *
   * @param settings how every graph's ONNX Runtime session is built (device, threads, ...)
   * @param minOcclusionFrames hidden spans shorter than this are not reported
   * @throws Sam2SessionSettings.DeviceUnavailableException when this build cannot use the device
   */
  public static Sam2VideoTracker open(
      Path bundleDir, Sam2SessionSettings settings, int minOcclusionFrames) throws IOException {
    if (minOcclusionFrames < 1)
      throw new IllegalArgumentException("minOcclusionFrames must be >= 1");
    Sam2Manifest manifest = Sam2Manifest.read(bundleDir);
    StringBuilder hashes = new StringBuilder(FileHash.sha256(bundleDir.resolve("manifest.json")));
    Sam2Graphs graphs = new Sam2Graphs(manifest, settings);
    for (String g : manifest.layout().graphNames())
      hashes.append(FileHash.sha256(bundleDir.resolve(manifest.graphs().get(g).file())));
    // One hash for the bundle: SHA-256 over the manifest's and each graph's SHA-256, in layout
    // order.
    String bundleHash =
        FileHash.sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    Sam2VideoTracker t = new Sam2VideoTracker(manifest, graphs, bundleHash, minOcclusionFrames);
    t.settings = settings;
    return t;
  }

  /** The session settings every graph of this tracker was opened with. */
  public Sam2SessionSettings sessionSettings() {
    return settings;
  }

  /**
   * What a run records about this tracker: the bundle (model, layout, precision, SHA-256) and its
   * sessions ({@link Sam2SessionSettings#provenance}: ONNX Runtime version, device, threads,
   * execution mode, optimisation level, memory settings).
   */
  public Map<String, Object> runtimeProvenance() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bundle_model", manifest.model());
    out.put("bundle_layout", manifest.layout().name().toLowerCase(java.util.Locale.ROOT));
    out.put("bundle_precision", manifest.precision());
    out.put("bundle_sha256", bundleHash);
    out.putAll(settings.provenance());
    return out;
  }

  public Sam2Manifest manifest() {
    return manifest;
  }

  /**
   * SHA-256 over the manifest's and graphs' SHA-256 values: the model hash in output provenance.
   */
  public String bundleSha256() {
    return bundleHash;
  }

  /**
   * Mean wall milliseconds per ONNX Runtime call of each graph since opening (for benchmarks and
   * the full-size check).
   */
  public Map<String, Double> graphMillisPerCall() {
    return graphs.millisPerCall();
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
  public TrackingResult track(
      Video video, FrameImages frames, List<Detection> prompts, ProgressListener progress) {
    List<Sam2Prompt> ps = new ArrayList<>();
    for (Detection d : prompts) {
      if (d.trackId() < 0)
        throw new IllegalArgumentException("prompt at frame " + d.frame() + " has no track ID");
      ps.add(Sam2Prompt.of(d));
    }
    return trackPrompts(video, frames, ps, progress);
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
  public TrackingResult trackPrompts(
      Video video, FrameImages frames, List<Sam2Prompt> prompts, ProgressListener progress) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    TreeMap<Integer, Map<Integer, Sam2Prompt>> promptsByFrame = new TreeMap<>();
    Map<Integer, String> classOf = new HashMap<>();
    Map<Integer, ObjectState> objects = new LinkedHashMap<>();
    int n = video.frameCount();
    for (Sam2Prompt d : prompts) {
      if (d.frame() >= n)
        throw new IllegalArgumentException(
            "prompt at frame " + d.frame() + " is past the video's " + n + " frames");
      String prev = classOf.putIfAbsent(d.trackId(), d.label());
      if (prev != null && !prev.equals(d.label()))
        throw new IllegalArgumentException(
            "prompts give ID " + d.trackId() + " two classes: " + prev + ", " + d.label());
      if (promptsByFrame.computeIfAbsent(d.frame(), k -> new LinkedHashMap<>()).put(d.trackId(), d)
          != null)
        throw new IllegalArgumentException(
            "two prompts for ID " + d.trackId() + " in frame " + d.frame());
    }
    // The predictor's object order: first added first (prompts in frame order).
    for (Map<Integer, Sam2Prompt> fp : promptsByFrame.values())
      for (Sam2Prompt d : fp.values())
        objects.computeIfAbsent(
            d.trackId(),
            id ->
                new ObjectState(
                    id,
                    d.label(),
                    new MemoryBank(
                        manifest.numMaskmem(),
                        manifest.maxCondFrames(),
                        manifest.maxObjectPointers())));
    List<Detection> out = new ArrayList<>();
    List<OcclusionEvent> occlusions = new ArrayList<>();
    List<RecommendedKeyframe> recommended = new ArrayList<>();
    Throughput clock = new Throughput();
    if (objects.isEmpty()) {
      p.progress("track", n, n);
      return result(video, objects, out, occlusions, recommended, clock, n);
    }
    // 1. Prompted frames: decoded without memory, encoded into conditioning memories.
    Map<Long, Decoded> condOutputs = new HashMap<>();
    for (Map.Entry<Integer, Map<Integer, Sam2Prompt>> e : promptsByFrame.entrySet()) {
      int f = e.getKey();
      Map<String, Tensor> enc = encode(image(frames, f));
      Tensor noMem = noMemoryFeatures(enc);
      for (Sam2Prompt prompt : e.getValue().values()) {
        ObjectState o = objects.get(prompt.trackId());
        Decoded d = decode(noMem, enc, prompt, video, prompt.pointCount() <= 1);
        store(o, f, enc, d, true);
        condOutputs.put(
            key(f, o.id),
            d.withStep(
                new Sam2Step(
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
                    d.masks().data())));
      }
    }
    // 2. Propagation from the earliest prompt.
    int start = promptsByFrame.firstKey();
    for (int f = 0; f < start; f++) p.progress("track", f + 1, n);
    for (int f = start; f < n; f++) {
      Map<Integer, Sam2Prompt> framePrompts = promptsByFrame.getOrDefault(f, Map.of());
      Map<String, Tensor> enc = null;
      for (ObjectState o : objects.values()) {
        Sam2Prompt prompt = framePrompts.get(o.id);
        Decoded d;
        if (prompt != null) {
          d = condOutputs.remove(key(f, o.id));
        } else {
          if (enc == null) enc = encode(image(frames, f));
          d = trackStep(o, f, n, enc, video);
          store(o, f, enc, d, false);
        }
        stepListener.accept(d.step());
        emit(o, f, d, prompt, video, out, occlusions, recommended);
      }
      p.progress("track", f + 1, n);
    }
    for (ObjectState o : objects.values())
      if (o.hiddenSince >= 0 && n - o.hiddenSince >= minOcclusionFrames)
        occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, n - 1, "unknown", true));
    return result(video, objects, out, occlusions, recommended, clock, n);
  }

  private TrackingResult result(
      Video video,
      Map<Integer, ObjectState> objects,
      List<Detection> out,
      List<OcclusionEvent> occlusions,
      List<RecommendedKeyframe> recommended,
      Throughput clock,
      int n) {
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (ObjectState o : objects.values()) labels.add(o.label);
    AnnotationSet set =
        new AnnotationSet(
            video,
            Provenance.model(
                manifest.model(),
                bundleHash,
                Instant.now(),
                "keyframe-tracker/sam2-" + manifest.layout().name().toLowerCase()),
            List.copyOf(labels),
            out);
    occlusions.sort(
        java.util.Comparator.comparingInt(OcclusionEvent::startFrame)
            .thenComparingInt(OcclusionEvent::trackId));
    return new TrackingResult(TrackInvariants.check(set), occlusions, recommended, clock.fps(n));
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

  /**
   * A frame without prompt: memory attention over the bank, then the decoder with SAM 2's padding
   * point.
   */
  private Decoded trackStep(
      ObjectState o, int f, int numFrames, Map<String, Tensor> enc, Video video) {
    List<MemoryBank.MemorySlot> mem = o.bank.memoryFor(f);
    List<MemoryBank.PointerSlot> ptrs = o.bank.pointersFor(f, numFrames);
    long[] memDecl = graphs.inputShape("memory_attention", "mem_feats");
    long[] ptrDecl = graphs.inputShape("memory_attention", "obj_ptrs");
    // Dynamic exports take exactly the memories used; fixed-slot ones are padded (and truncated,
    // oldest pointers first).
    int k = memDecl.length > 0 && memDecl[0] > 0 ? (int) memDecl[0] : mem.size();
    int pSlots = ptrDecl.length > 0 && ptrDecl[0] > 0 ? (int) ptrDecl[0] : Math.max(1, ptrs.size());
    if (mem.size() > k) mem = mem.subList(0, k);
    if (ptrs.size() > pSlots) ptrs = ptrs.subList(0, pSlots);
    int[] memFrames = new int[k], ptrFrames = new int[pSlots];
    Arrays.fill(memFrames, -1);
    Arrays.fill(ptrFrames, -1);
    long[] memTpos = new long[k], ptrOffsets = new long[pSlots];
    float[] memValid = new float[k], ptrValid = new float[pSlots];
    int memSize = o.memSize, ptrSize = o.ptrSize;
    float[] memFeats = new float[k * memSize],
        memPos = new float[k * memSize],
        objPtrs = new float[pSlots * ptrSize];
    for (int i = 0; i < mem.size(); i++) {
      MemoryBank.MemorySlot m = mem.get(i);
      System.arraycopy(m.entry().features(), 0, memFeats, i * memSize, memSize);
      System.arraycopy(m.entry().positions(), 0, memPos, i * memSize, memSize);
      memFrames[i] = m.entry().frame();
      memTpos[i] = m.temporalIndex();
      memValid[i] = 1;
    }
    for (int i = 0; i < ptrs.size(); i++) {
      MemoryBank.PointerSlot q = ptrs.get(i);
      System.arraycopy(q.entry().objectPointer(), 0, objPtrs, i * ptrSize, ptrSize);
      ptrFrames[i] = q.entry().frame();
      ptrOffsets[i] = q.offset();
      ptrValid[i] = 1;
    }
    long[] memShape = prepend(k, o.memEntryShape);
    Map<String, Object> in = new HashMap<>();
    in.put("curr", enc.get("vision_feats"));
    in.put("curr_pos", enc.get("vision_pos"));
    in.put("mem_feats", new Tensor(memFeats, memShape));
    in.put("mem_pos", new Tensor(memPos, memShape));
    in.put("mem_tpos", new long[][] {memTpos, {k}});
    in.put("mem_valid", new Tensor(memValid, new long[] {k}));
    in.put("obj_ptrs", new Tensor(objPtrs, new long[] {pSlots, ptrSize}));
    if (graphs.hasInput("memory_attention", "obj_ptr_tpos"))
      in.put("obj_ptr_tpos", new long[][] {ptrOffsets, {pSlots}});
    in.put("ptr_valid", new Tensor(ptrValid, new long[] {pSlots}));
    // The predictor normalises pointer offsets by min(num_frames, max_obj_ptrs_in_encoder) - 1.
    if (graphs.hasInput("memory_attention", "t_diff_max"))
      in.put(
          "t_diff_max",
          new Tensor(
              new float[] {Math.max(1, Math.min(numFrames, manifest.maxObjectPointers()) - 1)},
              new long[] {1}));
    Tensor embed = graphs.run("memory_attention", in).get("fused");
    // Tracking frames: no points, so SAM2Base._use_multimask picks the multimask head (0 points in
    // [0, 1]).
    Decoded d = decode(embed, enc, null, video, true);
    return d.withStep(
        new Sam2Step(
            f,
            o.id,
            false,
            true,
            memFrames,
            memTpos,
            memValid,
            ptrFrames,
            ptrOffsets,
            ptrValid,
            d.score(),
            d.multimask(),
            d.iou(),
            d.masks().data()));
  }

  private Decoded decode(
      Tensor embed, Map<String, Tensor> enc, Sam2Prompt prompt, Video video, boolean multimask) {
    String graph = manifest.layout().decoderGraph();
    Map<String, Object> dec = new HashMap<>();
    dec.put("image_embed", embed);
    dec.put("high_res_0", enc.get("high_res_0"));
    dec.put("high_res_1", enc.get("high_res_1"));
    if (prompt != null) {
      int np = prompt.pointCount();
      float[] coords = new float[2 * np], labels = new float[np];
      int i = 0;
      if (prompt.box() != null) {
        Box b = prompt.box();
        scalePoint(coords, i, (float) b.x(), (float) b.y(), video);
        labels[i++] = 2;
        scalePoint(coords, i, (float) b.x2(), (float) b.y2(), video);
        labels[i++] = 3;
      }
      for (int j = 0; j < prompt.labels().length; j++) {
        scalePoint(coords, i, prompt.points()[2 * j], prompt.points()[2 * j + 1], video);
        labels[i++] = prompt.labels()[j];
      }
      dec.put("point_coords", new Tensor(coords, new long[] {1, np, 2}));
      dec.put("point_labels", new Tensor(labels, new long[] {1, np}));
    } else {
      // SAM 2 feeds a single padding point (label -1) when a frame has no prompt.
      dec.put("point_coords", new Tensor(new float[] {0, 0}, new long[] {1, 1, 2}));
      dec.put("point_labels", new Tensor(new float[] {-1}, new long[] {1, 1}));
    }
    boolean choosable = graphs.hasInput(graph, "multimask_output");
    if (choosable)
      dec.put("multimask_output", new Tensor(new float[] {multimask ? 1 : 0}, new long[] {1}));
    Map<String, Tensor> d = graphs.run(graph, dec);
    return new Decoded(
        d.get("low_res_masks"),
        d.get("object_score_logits").data()[0],
        d.get("iou_scores").data()[0],
        d.get("obj_ptr").data(),
        choosable ? multimask : true,
        null);
  }

  /** Video pixels -> model input pixels, in float32 as add_new_points_or_box computes them. */
  private void scalePoint(float[] coords, int i, float x, float y, Video video) {
    float s = manifest.imageSize();
    coords[2 * i] = x / (float) video.width() * s;
    coords[2 * i + 1] = y / (float) video.height() * s;
  }

  /**
   * The memory encoder on this frame's mask; a prompted frame's memory comes from the binarised
   * mask.
   */
  private void store(
      ObjectState o, int f, Map<String, Tensor> enc, Decoded d, boolean conditioning) {
    Map<String, Object> me = new HashMap<>();
    me.put("pix_feat", enc.get("vision_feats"));
    me.put("mask_logits", d.masks());
    if (graphs.hasInput("memory_encoder", "object_score_logits"))
      me.put("object_score_logits", new Tensor(new float[] {d.score()}, new long[] {1, 1}));
    if (graphs.hasInput("memory_encoder", "is_mask_from_pts"))
      me.put("is_mask_from_pts", new Tensor(new float[] {conditioning ? 1 : 0}, new long[] {1}));
    Map<String, Tensor> mem = graphs.run("memory_encoder", me);
    Tensor feats = mem.get("maskmem_features");
    if (o.memEntryShape == null) {
      o.memEntryShape = Arrays.copyOfRange(feats.shape(), 1, feats.shape().length);
      o.memSize = feats.size();
      o.ptrSize = d.objPtr().length;
    }
    float[] f32 = feats.data();
    // SAM2VideoPredictor keeps maskmem_features in bfloat16 (positions and pointers in float32).
    if (manifest.memoryBfloat16())
      for (int i = 0; i < f32.length; i++) f32[i] = Bfloat16.round(f32[i]);
    MemoryBank.Entry entry =
        new MemoryBank.Entry(f, f32, mem.get("maskmem_pos_enc").data(), d.objPtr());
    if (conditioning) o.bank.addConditioning(entry);
    else o.bank.addRecent(entry);
  }

  private void emit(
      ObjectState o,
      int f,
      Decoded d,
      Sam2Prompt prompt,
      Video video,
      List<Detection> out,
      List<OcclusionEvent> occlusions,
      List<RecommendedKeyframe> recommended) {
    boolean visible = d.score() > 0 || prompt != null;
    if (!visible) {
      if (o.hiddenSince < 0) o.hiddenSince = f;
      return;
    }
    Mask mask = upsample(d.masks(), video);
    if (o.hiddenSince >= 0 && f - o.hiddenSince >= minOcclusionFrames) {
      occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, f - 1, "unknown", true));
      if (prompt == null)
        recommended.add(
            new RecommendedKeyframe(
                f, o.id, o.label, mask.bbox().orElse(new Box(0, 0, 1, 1)), "reemerged"));
    }
    o.hiddenSince = -1;
    Box box = prompt != null && prompt.box() != null ? prompt.box() : mask.bbox().orElse(null);
    if (box != null || mask.area() > 0)
      out.add(
          new Detection(
              f,
              o.id,
              o.label,
              box,
              mask.area() > 0 ? mask : null,
              Math.max(0, Math.min(1, d.iou())),
              Map.of(),
              -1,
              false,
              false,
              prompt != null));
  }

  private Map<String, Tensor> encode(BufferedImage image) {
    int s = manifest.imageSize();
    float[] px = new float[3 * s * s];
    ImageTensor.resizedRgb(image, s, 1f / 255f, px, 0);
    float[] mean = manifest.mean(), std = manifest.std();
    for (int c = 0; c < 3; c++)
      for (int i = c * s * s, end = (c + 1) * s * s; i < end; i++)
        px[i] = (px[i] - mean[c]) / std[c];
    return graphs.run(
        manifest.layout().encoderGraph(), Map.of("image", new Tensor(px, new long[] {1, 3, s, s})));
  }

  private Tensor noMemoryFeatures(Map<String, Tensor> enc) {
    if (manifest.layout() == Sam2Layout.SAM2) return enc.get("no_mem_feats");
    return graphs
        .run("no_memory_embedding", Map.of("vision_feats", enc.get("vision_feats")))
        .get("no_mem_feats");
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

  /** Per-object loop state. */
  private static final class ObjectState {
    final int id;
    final String label;
    final MemoryBank bank;
    long[] memEntryShape;
    int memSize;
    int ptrSize;
    int hiddenSince = -1;

    ObjectState(int id, String label, MemoryBank bank) {
      this.id = id;
      this.label = label;
      this.bank = bank;
    }
  }
}
