package io.keyframe.spark.demo;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.compare.CompareJob;
import io.keyframe.spark.generate.GenerateJob;
import io.keyframe.spark.generate.SynthBatch;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.rank.RankJob;
import io.keyframe.spark.session.SparkSessions;
import io.keyframe.spark.session.StageProgressListener;
import io.keyframe.spark.track.TrackJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The demo: generate a synthetic batch → track the simulated customer detector twice (iteration A:
 * fallback tracker alone; iteration B: the same with keyframe re-initialisation from the first
 * annotator) → agreement of every annotator and both iterations against the ground truth (with the
 * truth's occlusion events, so ID switches after occlusions are counted), and of the annotators
 * with each other → rank frames for experts → compare A with B. All on one embedded Spark session.
 */
public final class DemoPipeline {
  /** Source names of the two iterations in the output tables. */
  public static final String ITERATION_A = "tracker-a", ITERATION_B = "tracker-b";

  private DemoPipeline() {}

  /**
   * {@code java ... DemoPipeline [outDir [videos frames objects seed keyframeInterval]]}: runs the
   * defaults (or the given batch) and prints where the outputs are.
   */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "keyframe-out");
    DemoOptions d = DemoOptions.defaults();
    if (args.length >= 6)
      d =
          new DemoOptions(
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Long.parseLong(args[4]),
              d.master(),
              d.budget(),
              Integer.parseInt(args[5]));
    System.out.print(run(out, d, ProgressListener.NONE).summary());
  }

  /**
   * Runs every step; progress arrives per Spark stage (stage name = {@code <job>: <step>}, units =
   * tasks) and per demo step (stage {@code demo}, units = steps done of 6).
   */
  public static DemoResult run(Path outDir, DemoOptions options, ProgressListener progress) {
    SparkSession spark = SparkSessions.local(options.master(), ProgressListener.NONE);
    StageProgressListener listener = SparkSessions.attach(spark, progress);
    try {
      return run(spark, outDir, options, progress);
    } finally {
      SparkSessions.detach(spark, listener);
    }
  }

  /** The same on a session the caller owns (tests share one). */
  public static DemoResult run(
      SparkSession spark, Path outDir, DemoOptions options, ProgressListener progress) {
    String out = outDir.toString();
    JobOptions common = JobOptions.of(out);
    Map<String, RunRecord> runs = new LinkedHashMap<>();
    int steps = 6;
    SynthBatch batch =
        SynthBatch.of(options.videos(), options.frames(), options.objects(), options.seed());
    List<String> annotators = batch.toSpec().annotators().stream().map(a -> a.name()).toList();

    progress.progress("demo", 0, steps);
    RunRecord gen = GenerateJob.run(spark, new GenerateJob.Options(common, batch));
    runs.put("generate", gen);
    progress.progress("demo", 1, steps);
    String generated = detections(out, gen);

    RunRecord a =
        TrackJob.run(
            spark,
            new TrackJob.Options(
                common, List.of(generated), batch.modelName(), null, 0, ITERATION_A));
    runs.put("track-a", a);
    progress.progress("demo", 2, steps);
    RunRecord b =
        TrackJob.run(
            spark,
            new TrackJob.Options(
                common,
                List.of(generated),
                batch.modelName(),
                annotators.get(0),
                options.keyframeInterval(),
                ITERATION_B));
    runs.put("track-b", b);
    progress.progress("demo", 3, steps);
    List<String> all = List.of(generated, detections(out, a), detections(out, b));

    List<String> scored = new java.util.ArrayList<>(annotators);
    scored.add(ITERATION_A);
    scored.add(ITERATION_B);
    runs.put(
        "agreement",
        AgreementJob.run(
            spark,
            new AgreementJob.Options(
                common,
                all,
                GenerateJob.GROUND_TRUTH,
                scored,
                0.5,
                annotators,
                List.of(table(out, "occlusion_events", gen)),
                AgreementJob.Options.DEFAULT_OCCLUSION_WINDOW)));
    progress.progress("demo", 4, steps);

    runs.put(
        "rank",
        RankJob.run(
            spark,
            new RankJob.Options(
                common,
                all,
                List.of(table(out, "occlusion_events", a)),
                ITERATION_A,
                batch.modelName(),
                ITERATION_A,
                annotators,
                options.budget(),
                0.1,
                options.seed())));
    progress.progress("demo", 5, steps);

    runs.put(
        "compare",
        CompareJob.run(
            spark,
            CompareJob.Options.of(
                common, all, GenerateJob.GROUND_TRUTH, ITERATION_A, ITERATION_B)));
    progress.progress("demo", 6, steps);
    return new DemoResult(outDir, runs);
  }

  private static String detections(String out, RunRecord run) {
    return table(out, "detections", run);
  }

  private static String table(String out, String table, RunRecord run) {
    return Path.of(out, "tables", table, "run_id=" + run.runId()).toString();
  }
}
