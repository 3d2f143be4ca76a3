package io.keyframe.synth;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.CanonicalNumber;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.JsonObjectFile;
import io.keyframe.dataset.ProgressListener;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.imageio.ImageIO;

/**
 * Writes a generated batch to disk, one folder per video:
 *
 * <pre>
 * OUT/batch.json                      spec, classes, videos (written last: the batch is complete)
 * OUT/&lt;video&gt;/gt.mot.txt, gt.coco.json, annotator-A.cvat.xml, ..., model.mot.txt, model.coco.json
 * OUT/&lt;video&gt;/occlusions.json        the exact occlusion manifest
 * OUT/&lt;video&gt;/faults.json            every injected fault
 * OUT/&lt;video&gt;/meta.json              video, objects, counts, files with SHA-256 (written last)
 * OUT/&lt;video&gt;/frames/000000.png      rendered frames, only when asked
 * </pre>
 *
 * Every file is written atomically; the same spec gives the same bytes. Videos are generated in
 * parallel ({@link Options#threads()} at a time, default up to 2) and written one at a time in
 * order, so memory holds at most threads + 1 videos' annotations. Which annotation files are
 * written is pluggable through {@link VideoArtifact}s.
 */
public final class GeneratedBatchWriter {
  /** Progress stage for frames generated (of all videos). */
  public static final String STAGE = ClinicVideoGenerator.STAGE;

  /**
   * What to write besides the manifest.
   *
   * @param pngEvery write every n-th rendered frame as PNG (frame 0, n, 2n, ...); 0 = none
   * @param artifacts the annotation files, in order
   * @param threads videos generated at the same time (each is independent, so the output does not
   *     depend on this); files are still written one video at a time, in order
   */
  public record Options(int pngEvery, List<VideoArtifact> artifacts, int threads) {
    public Options {
      if (pngEvery < 0) throw new IllegalArgumentException("pngEvery must be >= 0: " + pngEvery);
      artifacts = List.copyOf(artifacts);
      if (threads < 1 || threads > 64)
        throw new IllegalArgumentException("threads must be in [1, 64]: " + threads);
    }

    /** All annotation files (no YouTube-VIS), no frames, up to two videos generated at once. */
    public static Options defaults() {
      return new Options(
          0,
          List.of(AnnotationArtifacts.all(false)),
          Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /** A copy that also writes every n-th frame as PNG. */
    public Options withPngEvery(int n) {
      return new Options(n, artifacts, threads);
    }

    /** A copy generating up to {@code n} videos at once (output is the same for any n). */
    public Options withThreads(int n) {
      return new Options(pngEvery, artifacts, n);
    }
  }

  /**
   * What was written.
   *
   * @param videoIds the video folders, in order
   * @param frames frames generated in all
   * @param groundTruthRows ground-truth detections in all
   * @param files files written in all
   */
  public record Summary(List<String> videoIds, long frames, long groundTruthRows, long files) {
    public Summary {
      videoIds = List.copyOf(videoIds);
    }
  }

  private final Path out;
  private final Options options;

  /** A writer into folder {@code out} (created when missing). */
  public GeneratedBatchWriter(Path out, Options options) {
    this.out = Objects.requireNonNull(out, "out");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Generates every video of {@code generator} and writes it. Progress: stage {@link #STAGE},
   * frames done of all videos' frames.
   */
  public Summary write(ClinicVideoGenerator generator, ProgressListener listener)
      throws IOException {
    GeneratorSpec spec = generator.spec();
    long total = (long) spec.videos() * spec.frames();
    AtomicLongArray done = new AtomicLongArray(spec.videos());
    ProgressListener perVideo = listener;
    List<String> ids = new ArrayList<>();
    long rows = 0, files = 0;
    if (Files.exists(out) && !Files.isDirectory(out))
      throw new io.keyframe.dataset.BadAnnotationException(
          out, -1, -1, "out", "exists and is not a folder; give a folder to write the batch into");
    Files.createDirectories(out);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "keyframe-generate");
              t.setDaemon(true);
              return t;
            });
    try {
      // Generate up to `threads` videos ahead of the one being written, write strictly in order.
      Deque<Future<GeneratedVideo>> ahead = new ArrayDeque<>();
      int next = 0;
      for (int i = 0; i < spec.videos(); i++) {
        while (next < spec.videos() && ahead.size() < options.threads()) {
          int index = next++;
          ahead.add(
              pool.submit(
                  () ->
                      generator.generate(
                          index,
                          (stage, d, t) -> {
                            // One report at a time, so listeners see the total grow monotonically.
                            synchronized (done) {
                              done.set(index, d);
                              perVideo.progress(STAGE, sum(done), total);
                            }
                          })));
        }
        GeneratedVideo v = await(ahead.removeFirst());
        files += writeVideo(v, i);
        rows += v.groundTruth().detections().size();
        ids.add(v.video().id());
      }
    } finally {
      pool.shutdownNow();
    }
    writeBatch(spec, ids);
    listener.progress(STAGE, total, total);
    return new Summary(ids, total, rows, files + 1);
  }

  private static long sum(AtomicLongArray a) {
    long s = 0;
    for (int i = 0; i < a.length(); i++) s += a.get(i);
    return s;
  }

  private static GeneratedVideo await(Future<GeneratedVideo> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while generating");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      if (e.getCause() instanceof Error err) throw err;
      throw new IOException(e.getCause());
    }
  }

  /**
   * Writes one generated video into {@code OUT/<video id>}; returns the number of files written.
   */
  public int writeVideo(GeneratedVideo v, int index) throws IOException {
    Path dir = out.resolve(v.video().id());
    Files.createDirectories(dir);
    List<String> names = new ArrayList<>();
    for (VideoArtifact a : options.artifacts()) names.addAll(a.write(v, dir));
    writeOcclusions(dir.resolve("occlusions.json"), v);
    names.add("occlusions.json");
    writeFaults(dir.resolve("faults.json"), v);
    names.add("faults.json");
    if (options.pngEvery() > 0) {
      FrameRenderer r = v.renderer();
      for (int f = 0; f < v.video().frameCount(); f += options.pngEvery()) {
        String name = String.format(Locale.ROOT, "frames/%06d.png", f);
        var image = r.render(f);
        AtomicOutput.write(dir.resolve(name), o -> ImageIO.write(image, "png", o));
        names.add(name);
      }
    }
    writeMeta(dir, v, index, names);
    return names.size() + 1;
  }

  /**
   * One JSON object, two-space indented with a final newline, written atomically to {@code file}.
   */
  private static void writeJsonObject(Path file, JsonObjectFile.Fields fields) throws IOException {
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    JsonObjectFile.write(
        file, new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf), fields);
  }

  /**
   * A record as a JSON object of its components in declaration order (nested records as objects,
   * lists as arrays, numbers canonical): every parameter of the spec reaches batch.json, a new one
   * too, and the occlusion manifest's fields are the record's own names.
   */
  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Record r) {
      g.writeStartObject();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        g.writeFieldName(c.getName());
        try {
          writeValue(g, c.getAccessor().invoke(r));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c, e);
        }
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object e : list) writeValue(g, e);
      g.writeEndArray();
    } else if (v instanceof Double d) {
      g.writeNumber(CanonicalNumber.format(d));
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof String str) {
      g.writeString(str);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      throw new IllegalStateException("no JSON form for " + v.getClass().getName());
    }
  }

  private static void number(JsonGenerator g, String field, double v) throws IOException {
    g.writeFieldName(field);
    g.writeNumber(CanonicalNumber.format(v));
  }

  private static void writeOcclusions(Path file, GeneratedVideo v) throws IOException {
    writeJsonObject(
        file,
        g -> {
          g.writeStringField("video", v.video().id());
          g.writeNumberField("occludedBelowVisibility", GroundTruthBuilder.OCCLUDED_BELOW);
          g.writeFieldName("events");
          writeValue(g, v.occlusions());
        });
  }

  private static void writeFaults(Path file, GeneratedVideo v) throws IOException {
    writeJsonObject(
        file,
        g -> {
          g.writeStringField("video", v.video().id());
          g.writeArrayFieldStart("faults");
          for (InjectedFault f : v.faults()) {
            g.writeStartObject();
            g.writeStringField("source", f.source());
            g.writeStringField("kind", f.kind().name());
            g.writeNumberField("startFrame", f.startFrame());
            g.writeNumberField("endFrame", f.endFrame());
            g.writeArrayFieldStart("trackIds");
            for (int id : f.trackIds()) g.writeNumber(id);
            g.writeEndArray();
            g.writeStringField("detail", f.detail());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private static void writeMeta(Path dir, GeneratedVideo v, int index, List<String> names)
      throws IOException {
    List<String> hashes = new ArrayList<>(names.size());
    List<Long> sizes = new ArrayList<>(names.size());
    for (String n : names) {
      hashes.add(FileHash.sha256(dir.resolve(n)));
      sizes.add(Files.size(dir.resolve(n)));
    }
    writeJsonObject(
        dir.resolve("meta.json"),
        g -> {
          Video vid = v.video();
          g.writeObjectFieldStart("video");
          g.writeStringField("id", vid.id());
          number(g, "fps", vid.fps());
          g.writeNumberField("width", vid.width());
          g.writeNumberField("height", vid.height());
          g.writeNumberField("frameCount", vid.frameCount());
          g.writeNumberField("index", index);
          g.writeEndObject();
          g.writeStringField("tool", GroundTruthBuilder.TOOL);
          g.writeArrayFieldStart("objects");
          for (SceneObject so :
              v.scene().objects().stream()
                  .sorted(java.util.Comparator.comparingInt(SceneObject::trackId))
                  .toList()) {
            g.writeStartObject();
            g.writeNumberField("trackId", so.trackId());
            g.writeStringField("label", so.objectClass().label());
            g.writeBooleanField("moving", so.trajectory().moves());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeObjectFieldStart("occluders");
          g.writeNumberField(
              "people",
              v.scene().occluders().stream().filter(x -> x.kind().equals("person")).count());
          g.writeNumberField(
              "carts", v.scene().occluders().stream().filter(x -> x.kind().equals("cart")).count());
          g.writeEndObject();
          g.writeObjectFieldStart("counts");
          g.writeNumberField("groundTruth", v.groundTruth().detections().size());
          for (var a : v.annotators())
            g.writeNumberField(a.provenance().source(), a.detections().size());
          g.writeNumberField("model", v.model().detections().size());
          g.writeNumberField("occlusionEvents", v.occlusions().size());
          g.writeNumberField("faults", v.faults().size());
          g.writeEndObject();
          g.writeArrayFieldStart("annotators");
          for (var a : v.annotators()) g.writeString(a.provenance().source());
          g.writeEndArray();
          g.writeStringField("model", v.model().provenance().source());
          g.writeArrayFieldStart("files");
          for (int i = 0; i < names.size(); i++) {
            g.writeStartObject();
            g.writeStringField("name", names.get(i));
            g.writeNumberField("bytes", sizes.get(i));
            g.writeStringField("sha256", hashes.get(i));
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private void writeBatch(GeneratorSpec spec, List<String> ids) throws IOException {
    writeJsonObject(
        out.resolve("batch.json"),
        g -> {
          g.writeStringField("tool", GroundTruthBuilder.TOOL);
          g.writeFieldName("spec");
          writeValue(g, spec);
          g.writeArrayFieldStart("classes");
          for (String c : ObjectClass.labels()) g.writeString(c);
          g.writeEndArray();
          g.writeArrayFieldStart("videos");
          for (String id : ids) g.writeString(id);
          g.writeEndArray();
        });
  }
}
