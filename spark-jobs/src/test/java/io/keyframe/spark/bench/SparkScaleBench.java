package io.keyframe.spark.bench;

import io.keyframe.dataset.ProgressListener;
import io.keyframe.metrics.clear.Convention;
import io.keyframe.metrics.tracking.TrackingCounts;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.generate.GenerateJob;
import io.keyframe.spark.generate.SynthBatch;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.session.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * bench/spark-scale.sh's driver: generates a batch once, warms the JVM up with one untimed run,
 * then times the agreement job (gt vs the three annotators) on local[1] and local[2], and a plain
 * loop that reads the same Parquet files with parquet-java and computes the same per-sequence
 * counts, on one thread (the baseline) and on two (what this machine allows the same code without
 * Spark). Not a unit test.
 */
public final class SparkScaleBench {
  private SparkScaleBench() {}

  private static final List<String> PREDICTIONS =
      List.of("annotator-A", "annotator-B", "annotator-C");

  public static void main(String[] args) throws Exception {
    int videos = Integer.parseInt(args[1]),
        frames = Integer.parseInt(args[2]),
        objects = Integer.parseInt(args[3]);
    Path work = Path.of(args[0]);
    SynthBatch batch = SynthBatch.of(videos, frames, objects, 11);
    String detections = generateOnce(work, batch);

    String only = System.getProperty("keyframe.bench.only");
    if (only != null) { // profiling one master alone, e.g. with -Dspark.eventLog.enabled=true
      timeAgreement(only, work, detections, "bench-only");
      return;
    }
    // One untimed run first, so that neither timed run pays for class loading and JIT warm-up the
    // other then gets for free (timing local[1] cold and local[2] warm overstated the speed-up).
    timeAgreement("local[2]", work, detections, "bench-warmup");
    double local1 = timeAgreement("local[1]", work, detections, "bench-local1");
    double local2 = timeAgreement("local[2]", work, detections, "bench-local2");
    long start = System.nanoTime();
    TrackingCounts loop = baseline(Path.of(detections), 1);
    double baseline = (System.nanoTime() - start) / 1e9;
    // The machine's own ceiling for this code: the same loop on two plain threads (no Spark).
    start = System.nanoTime();
    TrackingCounts loop2 = baseline(Path.of(detections), 2);
    double baseline2 = (System.nanoTime() - start) / 1e9;
    if (loop2.clear().mota() != loop.clear().mota())
      throw new IllegalStateException("the two-thread loop disagrees with the one-thread loop");
    System.out.printf(
        Locale.ROOT,
        "batch: %d videos x %d frames x %d objects; baseline MOTA over all = %.4f%n",
        videos,
        frames,
        objects,
        loop.clear().mota());
    System.out.printf(
        Locale.ROOT,
        "plain loop on 2 threads: %.1f s, speed-up %.2f (this machine's ceiling for the same per-video code)%n",
        baseline2,
        baseline / baseline2);
    System.out.printf(
        Locale.ROOT,
        "speed-up local[2]/local[1] = %.2f; baseline/local[2] = %.2f%n",
        local1 / local2,
        baseline / local2);
    System.out.printf(
        Locale.ROOT, "local1_s=%.1f local2_s=%.1f baseline_s=%.1f%n", local1, local2, baseline);
  }

  private static String generateOnce(Path work, SynthBatch batch) {
    Path marker =
        work.resolve(
            "generated-" + batch.videos() + "x" + batch.frames() + "x" + batch.objects() + ".txt");
    try {
      if (Files.exists(marker)) return Files.readString(marker).trim();
      SparkSession spark = SparkSessions.local("local[2]", ProgressListener.NONE);
      long t = System.nanoTime();
      RunRecord gen =
          GenerateJob.run(
              spark, new GenerateJob.Options(JobOptions.of(work.resolve("out").toString()), batch));
      spark.stop();
      System.out.printf(
          Locale.ROOT,
          "generated in %.1f s (not timed below): %s%n",
          (System.nanoTime() - t) / 1e9,
          gen.rowCounts());
      String path = work.resolve("out/tables/detections/run_id=" + gen.runId()).toString();
      Files.writeString(marker, path);
      return path;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double timeAgreement(String master, Path work, String detections, String runId) {
    SparkSession spark = SparkSessions.local(master, ProgressListener.NONE);
    try {
      long t = System.nanoTime();
      AgreementJob.run(
          spark,
          new AgreementJob.Options(
              new JobOptions(work.resolve("out").toString(), runId, 0.01),
              List.of(detections),
              "gt",
              PREDICTIONS,
              0.5));
      double s = (System.nanoTime() - t) / 1e9;
      System.out.printf(Locale.ROOT, "%s agreement: %.1f s%n", master, s);
      return s;
    } finally {
      spark.stop();
    }
  }

  /**
   * The same per-video work without Spark: read each video's Parquet file(s), build annotation
   * sets, sum the same counts; videos shared out over a pool of {@code threads} plain Java threads.
   */
  private static TrackingCounts baseline(Path table, int threads) throws Exception {
    List<Path> videoDirs;
    try (Stream<Path> s = Files.list(table)) {
      videoDirs = s.filter(Files::isDirectory).sorted().toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<TrackingCounts>> parts = new ArrayList<>();
      for (Path dir : videoDirs) parts.add(pool.submit(() -> oneVideo(dir)));
      TrackingCounts total = TrackingCounts.zero(Convention.TRACKEVAL);
      for (Future<TrackingCounts> f : parts) total = total.plus(f.get());
      return total;
    } finally {
      pool.shutdown();
    }
  }

  private static TrackingCounts oneVideo(Path dir) throws IOException {
    String video = dir.getFileName().toString().substring("video_id=".length());
    List<Row> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList())
        try (ParquetReader<Group> r =
            ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
                .withConf(new Configuration())
                .build()) {
          for (Group g; (g = r.read()) != null; ) {
            String source = g.getString("source", 0);
            if (!source.equals("gt") && !PREDICTIONS.contains(source)) continue;
            rows.add(
                new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
                    new Object[] {
                      source,
                      g.getInteger("frame", 0),
                      g.getInteger("track_id", 0),
                      g.getString("label", 0),
                      g.getDouble("x", 0),
                      g.getDouble("y", 0),
                      g.getDouble("w", 0),
                      g.getDouble("h", 0),
                      g.getDouble("score", 0),
                      null,
                      0,
                      0,
                      g.getBoolean("occluded", 0),
                      g.getBoolean("outside", 0),
                      g.getBoolean("keyframe", 0),
                      null,
                      g.getDouble("visibility", 0),
                      video
                    },
                    io.keyframe.spark.output.Table.DETECTIONS.frameSchema()));
          }
        }
    }
    DetectionRows.VideoSets sets = DetectionRows.group(video, "bench", rows);
    TrackingCounts total = TrackingCounts.zero(Convention.TRACKEVAL);
    for (String p : PREDICTIONS)
      if (sets.bySource().containsKey(p))
        for (TrackingCounts c :
            TrackingEvaluation.trackEval(0.5)
                .perLabel(sets.bySource().get("gt"), sets.bySource().get(p))
                .values()) total = total.plus(c);
    return total;
  }
}
