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
 * SAM 2's video loop over a split ONNX bundle. Per frame the image is encoded once and shared by all
 * objects; per object: condition on its {@link MemoryBank} through the memory-attention graph (or
 * add the no-memory embedding on its first frame), decode mask, IoU and object-score logits and the
 * object pointer (with the frame's prompt if it has one), and encode the new memory. Prompts
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

  private Sam2VideoTracker(Sam2Manifest manifest, Sam2Graphs graphs, String bundleHash, int minOcclusionFrames) {
    this.manifest = manifest;
    this.graphs = graphs;
    this.bundleHash = bundleHash;
    this.minOcclusionFrames = minOcclusionFrames;
  }

  /**
   * Opens a bundle folder and checks every graph before any frame is processed.
   *
   * @param intraOpThreads ONNX Runtime intra-op threads per session (0 = runtime default)
   * @param minOcclusionFrames hidden spans shorter than this are not reported
   */
  public static Sam2VideoTracker open(Path bundleDir, int intraOpThreads, int minOcclusionFrames) throws IOException {
    if (minOcclusionFrames < 1) throw new IllegalArgumentException("minOcclusionFrames must be >= 1");
    Sam2Manifest manifest = Sam2Manifest.read(bundleDir);
    StringBuilder hashes = new StringBuilder(FileHash.sha256(bundleDir.resolve("manifest.json")));
    Sam2Graphs graphs = new Sam2Graphs(manifest, intraOpThreads);
    for (String g : manifest.layout().graphNames())
      hashes.append(FileHash.sha256(bundleDir.resolve(manifest.graphs().get(g).file())));
    // One hash for the bundle: SHA-256 over the manifest's and each graph's SHA-256, in layout order.
    String bundleHash = FileHash.sha256(hashes.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return new Sam2VideoTracker(manifest, graphs, bundleHash, minOcclusionFrames);
  }

  public Sam2Manifest manifest() {
    return manifest;
  }

  /** SHA-256 over the manifest's and graphs' SHA-256 values: the model hash in output provenance. */
  public String bundleSha256() {
    return bundleHash;
  }

  /** Receives every per-object step (memory slots, pointers, masks, object score); for tests and diagnostics. */
  public void onStep(Consumer<Sam2Step> listener) {
    this.stepListener = Objects.requireNonNull(listener);
  }

  /**
   * Tracks the objects named by {@code prompts} through the video.
   *
   * @param prompts human boxes with track IDs; an object starts at its first prompt and every
   *     later prompt re-initialises it (a new conditioning frame, same ID)
   * @param frames pixels of every frame (required)
   */
  public TrackingResult track(Video video, FrameImages frames, List<Detection> prompts, ProgressListener progress) {
    ProgressListener p = progress == null ? ProgressListener.NONE : progress;
    Map<Integer, Map<Integer, Detection>> promptsByFrame = new TreeMap<>();
    Map<Integer, String> classOf = new HashMap<>();
    for (Detection d : prompts) {
      if (d.trackId() < 0) throw new IllegalArgumentException("prompt at frame " + d.frame() + " has no track ID");
      if (d.boxOrMaskBox() == null) throw new IllegalArgumentException("prompt at frame " + d.frame() + " has no box");
      String prev = classOf.putIfAbsent(d.trackId(), d.label());
      if (prev != null && !prev.equals(d.label()))
        throw new IllegalArgumentException("prompts give ID " + d.trackId() + " two classes: " + prev + ", " + d.label());
      if (promptsByFrame.computeIfAbsent(d.frame(), k -> new LinkedHashMap<>()).put(d.trackId(), d) != null)
        throw new IllegalArgumentException("two prompts for ID " + d.trackId() + " in frame " + d.frame());
    }
    Map<Integer, ObjectState> objects = new LinkedHashMap<>();
    List<Detection> out = new ArrayList<>();
    List<OcclusionEvent> occlusions = new ArrayList<>();
    List<RecommendedKeyframe> recommended = new ArrayList<>();
    int n = video.frameCount();
    int s = manifest.imageSize();
    Throughput clock = new Throughput();
    for (int f = 0; f < n; f++) {
      Map<Integer, Detection> framePrompts = promptsByFrame.getOrDefault(f, Map.of());
      for (Detection d : framePrompts.values())
        objects.computeIfAbsent(d.trackId(), id -> new ObjectState(id, d.label(),
            new MemoryBank(manifest.numMaskmem(), manifest.maxCondFrames(), manifest.maxObjectPointers())));
      if (objects.isEmpty()) {
        p.progress("track", f + 1, n);
        continue;
      }
      BufferedImage image = frames.image(f);
      if (image == null) throw new IllegalArgumentException("no pixels for frame " + f + ": the SAM 2 tracker needs every frame");
      Map<String, Tensor> enc = encode(image);
      Tensor noMem = null;
      for (ObjectState o : objects.values()) {
        Detection prompt = framePrompts.get(o.id);
        boolean firstFrame = o.bank.isEmpty();
        Tensor embed;
        int[] memFrames, ptrFrames;
        long[] memTpos, ptrOffsets;
        float[] memValid, ptrValid;
        int k = o.bank.memorySlots();
        int pSlots = o.bank.pointerSlots();
        memFrames = new int[k];
        ptrFrames = new int[pSlots];
        Arrays.fill(memFrames, -1);
        Arrays.fill(ptrFrames, -1);
        memTpos = new long[k];
        ptrOffsets = new long[pSlots];
        memValid = new float[k];
        ptrValid = new float[pSlots];
        if (firstFrame) {
          if (noMem == null) noMem = noMemoryFeatures(enc);
          embed = noMem;
        } else {
          List<MemoryBank.MemorySlot> mem = o.bank.memoryFor(f);
          List<MemoryBank.PointerSlot> ptrs = o.bank.pointersFor(f);
          int memSize = o.memShape[0];
          int ptrSize = o.ptrSize;
          float[] memFeats = new float[k * memSize];
          float[] memPos = new float[k * memSize];
          float[] objPtrs = new float[pSlots * ptrSize];
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
          in.put("obj_ptr_tpos", new long[][] {ptrOffsets, {pSlots}});
          in.put("ptr_valid", new Tensor(ptrValid, new long[] {pSlots}));
          embed = graphs.run("memory_attention", in).get("fused");
        }
        Map<String, Object> dec = new HashMap<>();
        dec.put("image_embed", embed);
        dec.put("high_res_0", enc.get("high_res_0"));
        dec.put("high_res_1", enc.get("high_res_1"));
        if (prompt != null) {
          Box b = prompt.boxOrMaskBox();
          double sx = (double) s / video.width(), sy = (double) s / video.height();
          dec.put("point_coords", new Tensor(new float[] {(float) (b.x() * sx), (float) (b.y() * sy), (float) (b.x2() * sx), (float) (b.y2() * sy)}, new long[] {1, 2, 2}));
          dec.put("point_labels", new Tensor(new float[] {2, 3}, new long[] {1, 2}));
        } else {
          // SAM 2 feeds a single padding point (label -1) when a frame has no prompt.
          dec.put("point_coords", new Tensor(new float[] {0, 0}, new long[] {1, 1, 2}));
          dec.put("point_labels", new Tensor(new float[] {-1}, new long[] {1, 1}));
        }
        Map<String, Tensor> d = graphs.run(manifest.layout().decoderGraph(), dec);
        Tensor masks = d.get("low_res_masks");
        Tensor score = d.get("object_score_logits");
        Map<String, Object> me = new HashMap<>();
        me.put("pix_feat", enc.get("vision_feats"));
        me.put("mask_logits", masks);
        me.put("object_score_logits", score);
        Map<String, Tensor> mem = graphs.run("memory_encoder", me);
        Tensor feats = mem.get("maskmem_features");
        if (o.memEntryShape == null) {
          o.memEntryShape = Arrays.copyOfRange(feats.shape(), 1, feats.shape().length);
          o.memShape = new int[] {feats.size()};
          o.ptrSize = d.get("obj_ptr").size();
        }
        MemoryBank.Entry entry = new MemoryBank.Entry(f, feats.data(), mem.get("maskmem_pos_enc").data(), d.get("obj_ptr").data());
        if (prompt != null) o.bank.addConditioning(entry);
        else o.bank.addRecent(entry);
        float logit = score.data()[0];
        stepListener.accept(new Sam2Step(f, o.id, prompt != null, !firstFrame, memFrames, memTpos, memValid, ptrFrames, ptrOffsets, ptrValid, logit));

        boolean visible = logit > 0 || prompt != null;
        if (visible) {
          if (o.hiddenSince >= 0 && f - o.hiddenSince >= minOcclusionFrames) {
            occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, f - 1, "unknown", true));
            if (prompt == null) recommended.add(new RecommendedKeyframe(f, o.id, o.label, shapeBox(masks, video, prompt), "reemerged"));
          }
          o.hiddenSince = -1;
          Mask mask = upsample(masks, video);
          Box box = prompt != null ? prompt.boxOrMaskBox() : mask.bbox().orElse(null);
          if (box != null || mask.area() > 0)
            out.add(new Detection(f, o.id, o.label, box, mask.area() > 0 ? mask : null, Math.max(0, Math.min(1, d.get("iou_scores").data()[0])),
                Map.of(), -1, false, false, prompt != null));
        } else if (o.hiddenSince < 0) o.hiddenSince = f;
      }
      p.progress("track", f + 1, n);
    }
    for (ObjectState o : objects.values())
      if (o.hiddenSince >= 0 && n - o.hiddenSince >= minOcclusionFrames)
        occlusions.add(new OcclusionEvent(o.id, o.hiddenSince, n - 1, "unknown", true));
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (ObjectState o : objects.values()) labels.add(o.label);
    AnnotationSet set = new AnnotationSet(video, Provenance.model(manifest.model(), bundleHash, Instant.now(), "keyframe-tracker/sam2-" + manifest.layout().name().toLowerCase()),
        List.copyOf(labels), out);
    occlusions.sort(java.util.Comparator.comparingInt(OcclusionEvent::startFrame).thenComparingInt(OcclusionEvent::trackId));
    return new TrackingResult(TrackInvariants.check(set), occlusions, recommended, clock.fps(n));
  }

  private Map<String, Tensor> encode(BufferedImage image) {
    int s = manifest.imageSize();
    float[] px = new float[3 * s * s];
    ImageTensor.resizedRgb(image, s, 1f / 255f, px, 0);
    float[] mean = manifest.mean(), std = manifest.std();
    for (int c = 0; c < 3; c++)
      for (int i = c * s * s, end = (c + 1) * s * s; i < end; i++) px[i] = (px[i] - mean[c]) / std[c];
    return graphs.run(manifest.layout().encoderGraph(), Map.of("image", new Tensor(px, new long[] {1, 3, s, s})));
  }

  private Tensor noMemoryFeatures(Map<String, Tensor> enc) {
    if (manifest.layout() == Sam2Layout.SAM2) return enc.get("no_mem_feats");
    return graphs.run("no_memory_embedding", Map.of("vision_feats", enc.get("vision_feats"))).get("no_mem_feats");
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
        double v = (1 - fy) * ((1 - fx) * l[y0 * mw + x0] + fx * l[y0 * mw + x1]) + fy * ((1 - fx) * l[y1 * mw + x0] + fx * l[y1 * mw + x1]);
        px[y * w + x] = v > 0;
      }
    }
    return Mask.fromRowMajor(h, w, px);
  }

  private static Box shapeBox(Tensor masks, Video video, Detection prompt) {
    if (prompt != null) return prompt.boxOrMaskBox();
    return upsample(masks, video).bbox().orElse(new Box(0, 0, 1, 1));
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
    int[] memShape;
    int ptrSize;
    int hiddenSince = -1;

    ObjectState(int id, String label, MemoryBank bank) {
      this.id = id;
      this.label = label;
      this.bank = bank;
    }
  }
}
