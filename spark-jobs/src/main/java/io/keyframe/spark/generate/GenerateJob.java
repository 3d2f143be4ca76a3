package io.keyframe.spark.generate;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.OcclusionRows;
import io.keyframe.spark.rows.VideoFrames;
import io.keyframe.spark.session.SparkSessions;
import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedVideo;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Generates a synthetic batch with {@code io.keyframe.synth} (one video per task) and writes it as
 * contract tables: {@code detections} with sources {@code gt} (exact truth), each simulated
 * annotator (by profile name) and the simulated customer detector (untracked, with class
 * probabilities), and the truth's {@code occlusion_events} (source {@code gt}).
 */
public final class GenerateJob {
  public static final String NAME = "generate";

  /** Source name of the exact ground truth. */
  public static final String GROUND_TRUTH = "gt";

  /**
   * @param batch what to generate
   */
  public record Options(JobOptions common, SynthBatch batch) {
    public Options {
      Objects.requireNonNull(common, "common");
      Objects.requireNonNull(batch, "batch");
    }

    /**
     * The options of {@code main}: {@code --out DIR --videos N --frames N --objects N --seed S
     * [--model-noise F] [--run-id ID]}. Generated rows are never bad: no bad-row allowance.
     */
    public static Options from(JobArguments a) {
      SynthBatch batch =
          SynthBatch.of(
              Integer.parseInt(a.required("videos")), Integer.parseInt(a.required("frames")),
              Integer.parseInt(a.required("objects")), Long.parseLong(a.optional("seed", "1")));
      if (a.values().containsKey("model-noise"))
        batch = batch.withModel(batch.modelName(), a.optional("model-noise", batch.boxNoise()));
      return new Options(new JobOptions(a.required("out"), a.optional("run-id", null), 0), batch);
    }
  }

  private GenerateJob() {}

  /** Runs the job on the arguments {@link Options#from} takes. */
  public static void main(String[] args) {
    SparkSessions.runMain(NAME, args, Options::from, GenerateJob::run);
  }

  /** Generated rows of one video. */
  private record VideoRows(List<Row> detections, List<Row> occlusions, Row video)
      implements Serializable {}

  public static RunRecord run(SparkSession spark, Options options) {
    SynthBatch b = options.batch();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("videos", b.videos());
    params.put("frames", b.frames());
    params.put("objects", b.objects());
    params.put("seed", b.seed());
    params.put(
        "model",
        Map.of(
            "name",
            b.modelName(),
            "miss_rate",
            b.missRate(),
            "occlusion_miss_rate",
            b.occlusionMissRate(),
            "false_positives_per_frame",
            b.falsePositivesPerFrame(),
            "confusion_rate",
            b.confusionRate(),
            "box_noise",
            b.boxNoise()));
    // Generated data has no input files: the parameters are the whole input.
    JobRun run = JobRun.start(spark, NAME, options.common(), params, Map.of());
    JavaRDD<VideoRows> videos = null;
    try {
      spark.sparkContext().setJobDescription(NAME);
      List<Integer> indices = IntStream.range(0, b.videos()).boxed().toList();
      videos =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(indices, b.videos())
              .map(i -> rows(b, i))
              .persist(StorageLevel.MEMORY_AND_DISK());
      run.stageDetections(videos.flatMap(v -> v.detections().iterator()));
      run.stageOcclusionEvents(videos.flatMap(v -> v.occlusions().iterator()));
      // Generated videos have no source files: the sources list is empty, the parameters are the
      // provenance.
      run.stage(Table.VIDEOS, videos.map(VideoRows::video));
      // The customer model's "hash": its simulated profile is what determines its output.
      // Canonical JSON (keys sorted), not Map.toString(): Map.of's iteration order varies per JVM.
      run.model(
          b.modelName(),
          io.keyframe.dataset.FileHash.sha256(
              JobRun.canonicalJson(params.get("model"))
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return run.commit();
    } catch (RuntimeException e) {
      run.abort();
      throw e;
    } finally {
      if (videos != null) videos.unpersist(false);
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static VideoRows rows(SynthBatch b, int index) {
    GeneratedVideo g = new ClinicVideoGenerator(b.toSpec()).generate(index);
    String video = g.video().id();
    List<Row> det = new ArrayList<>();
    add(det, video, GROUND_TRUTH, g.groundTruth());
    for (AnnotationSet a : g.annotators()) add(det, video, a.provenance().source(), a);
    add(det, video, b.modelName(), g.model());
    List<Row> occ = new ArrayList<>();
    int last = g.video().frameCount() - 1;
    for (OcclusionEvent e : g.occlusions())
      occ.add(OcclusionRows.toRow(video, GROUND_TRUTH, e, Math.min(e.endFrame() + 1, last)));
    return new VideoRows(det, occ, VideoFrames.of(g.video()).toRow(List.of(), video));
  }

  private static void add(List<Row> out, String video, String source, AnnotationSet set) {
    for (Detection d : set.detections()) out.add(DetectionRows.toRow(video, source, d));
  }
}
