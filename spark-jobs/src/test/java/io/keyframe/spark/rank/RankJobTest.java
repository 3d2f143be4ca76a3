package io.keyframe.spark.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.RankedQueue;
import io.keyframe.scoring.queue.SpotCheck;
import io.keyframe.scoring.queue.SpotCheckOptions;
import io.keyframe.scoring.queue.SpotCheckRow;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.TrackingBatch;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.StagedTableWriter;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job ranks in the executors and on the driver from per-video summaries only; its tables must
 * hold exactly what {@link LabelQueue} and {@link SpotCheck} give when the whole batch's evidence
 * is built in one process (what the job did before it stopped collecting detections).
 */
class RankJobTest {
  private static final String[] LABELS = {"bed_rail", "iv_pole", "monitor"};
  private static final int VIDEOS = 3, FRAMES = 40, OBJECTS = 3;
  private static final String BUDGET = "15%";
  private static final double SPOT_RATE = 0.2;
  private static final long SEED = 4;

  private final SparkSession spark = SharedSpark.get();
  @TempDir Path dir;

  /**
   * Delivered labels "a" (a class flip and an ID switch per video), a second annotator "b" (truth),
   * and a model with class probabilities that grow less sure over time and miss some boxes.
   */
  private static List<Row> detections() {
    SplittableRandom rnd = new SplittableRandom(11);
    List<Row> rows = new ArrayList<>();
    for (int v = 0; v < VIDEOS; v++) {
      String video = "v" + v;
      for (int o = 0; o < OBJECTS; o++) {
        String label = LABELS[o % LABELS.length];
        double x = 10 + 60.0 * o, y = 20 + 10.0 * o;
        for (int f = 0; f < FRAMES; f++) {
          rows.add(row(video, "b", f, o + 1, label, x, y, null));
          boolean flipped = o == 1 && f >= 10 + 5 * v && f < 14 + 5 * v;
          int id = o == 2 && f >= 25 + v ? 9 : o + 1;
          rows.add(
              row(
                  video,
                  "a",
                  f,
                  id,
                  flipped ? LABELS[(o + 1) % LABELS.length] : label,
                  x + rnd.nextDouble() * 4,
                  y,
                  null));
          if (rnd.nextDouble() < 0.1) continue;
          double p = 0.95 - 0.5 * f / FRAMES * rnd.nextDouble();
          String other = LABELS[(o + 1) % LABELS.length];
          java.util.Map<String, Double> probs =
              new java.util.TreeMap<>(java.util.Map.of(label, p, other, 1 - p));
          rows.add(
              row(
                  video,
                  "model",
                  f,
                  100 + o,
                  label,
                  x + rnd.nextDouble() * 8 - 4,
                  y + rnd.nextDouble() * 8 - 4,
                  probs));
        }
      }
    }
    return rows;
  }

  private static Row row(
      String video,
      String source,
      int f,
      int id,
      String label,
      double x,
      double y,
      java.util.Map<String, Double> probs) {
    return RowFactory.create(
        source,
        f,
        id,
        label,
        x,
        y,
        30.0,
        50.0,
        0.9,
        null,
        0,
        0,
        false,
        false,
        f % 10 == 0,
        probs,
        -1.0,
        video);
  }

  /** One occlusion of object 2 per video, at a different place in each. */
  private static Map<String, List<OcclusionEvent>> occlusions() {
    Map<String, List<OcclusionEvent>> out = new TreeMap<>();
    for (int v = 0; v < VIDEOS; v++)
      out.put("v" + v, List.of(new OcclusionEvent(2, 5 + 7 * v, 8 + 7 * v, "person", true)));
    return out;
  }

  /**
   * The evidence the job's options describe, built here from the same rows in the order the
   * executors see them.
   */
  private List<VideoEvidence> evidence(List<Row> rows) {
    Map<String, List<Row>> byVideo = new TreeMap<>();
    // the same rows, given the table's schema so that they can be read by column name
    for (Row r : spark.createDataFrame(rows, Table.DETECTIONS.frameSchema()).collectAsList())
      byVideo.computeIfAbsent(r.getAs("video_id"), k -> new ArrayList<>()).add(r);
    Map<String, List<OcclusionEvent>> occlusions = occlusions();
    List<VideoEvidence> batch = new ArrayList<>();
    byVideo.forEach(
        (video, rs) -> {
          rs.sort(
              Comparator.comparing((Row r) -> r.<String>getAs("source"))
                  .thenComparingInt(r -> r.<Integer>getAs("frame"))
                  .thenComparingInt(r -> r.<Integer>getAs("track_id")));
          Map<String, AnnotationSet> sets = DetectionRows.group(video, "test", rs).bySource();
          batch.add(
              new VideoEvidence(
                  sets.get("a").video(),
                  sets.get("model"),
                  null,
                  List.of(sets.get("a"), sets.get("b")),
                  occlusions.get(video)));
        });
    return batch;
  }

  private RunRecord runJob(List<Row> rows) {
    StagedTableWriter w = TrackingBatch.inputRun(spark, dir.resolve("in"), rows);
    List<Row> events = new ArrayList<>();
    occlusions()
        .forEach(
            (video, es) ->
                es.forEach(
                    e ->
                        events.add(
                            RowFactory.create(
                                "tracker",
                                e.trackId(),
                                e.startFrame(),
                                e.endFrame(),
                                e.cause(),
                                e.full(),
                                e.startFrame(),
                                video))));
    w.stage(
        Table.OCCLUSION_EVENTS,
        spark.createDataFrame(events, Table.OCCLUSION_EVENTS.frameSchema()));
    w.commit();
    return RankJob.run(spark, options());
  }

  private RankJob.Options options() {
    String in = dir.resolve("in/tables").toString();
    return new RankJob.Options(
        JobOptions.of(dir.resolve("out").toString()),
        List.of(in + "/detections/run_id=input"),
        List.of(in + "/occlusion_events/run_id=input"),
        "tracker",
        "model",
        null,
        List.of("a", "b"),
        BUDGET,
        SPOT_RATE,
        SEED);
  }

  private static int serializedSize(Object o) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.size();
  }

  private List<Row> table(RunRecord run, String table, String order) {
    return spark
        .read()
        .parquet(dir.resolve("out/tables/" + table + "/run_id=" + run.runId()).toString())
        .orderBy(
            java.util.Arrays.stream(order.split(","))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  @Test
  void aVideoReachesTheDriverAsASummaryMuchSmallerThanItsDetectionRows() {
    List<Row> rows = new ArrayList<>();
    for (Row r :
        spark.createDataFrame(detections(), Table.DETECTIONS.frameSchema()).collectAsList())
      if (r.<String>getAs("video_id").equals("v0")) rows.add(r);
    RankJob.Scored scored = RankJob.score("v0", null, rows, options(), occlusions().get("v0"));
    assertThat(scored.summary().scores().frameCount()).isEqualTo(FRAMES);
    assertThat(scored.summary().rows()).isEqualTo(rows.size());
    // about 8 detections per frame here; the summary must not grow with them as the rows do
    int summary = serializedSize(scored.summary()),
        detections = serializedSize(new ArrayList<>(rows));
    assertThat(summary)
        .as("summary %d B vs detection rows %d B", summary, detections)
        .isLessThan(detections / 4);
  }

  @Test
  void queueAndSpotCheckEqualTheInProcessRankingOfTheSameEvidence() {
    List<Row> rows = detections();
    RunRecord run = runJob(rows);
    List<VideoEvidence> batch = evidence(rows);
    RankedQueue expected =
        LabelQueue.rank(batch, QueueOptions.defaults().withBudget(Budget.parse(BUDGET)));
    List<SpotCheckRow> expectedSpot =
        SpotCheck.sample(batch, new SpotCheckOptions(SPOT_RATE, SEED, false), expected.frames());

    List<QueueRow> queue = new ArrayList<>();
    for (Row r : table(run, "queue", "rank"))
      queue.add(
          new QueueRow(
              r.getAs("rank"),
              r.getAs("video_id"),
              r.getAs("frame_start"),
              r.getAs("frame_end"),
              r.getAs("score"),
              r.getAs("cost_minutes"),
              r.getAs("cumulative_minutes"),
              r.<Row>getList(r.fieldIndex("reasons")).stream()
                  .map(x -> new QueueRow.Reason(x.getString(0), x.getDouble(1)))
                  .toList(),
              r.<Row>getList(r.fieldIndex("objects")).stream()
                  .map(x -> new QueueRow.QueueObject(x.getInt(0), x.getString(1), x.getString(2)))
                  .toList()));
    // Several signals, several videos and spans: the comparison is not a trivially small queue.
    assertThat(expected.rows()).hasSizeGreaterThan(3);
    assertThat(expected.rows())
        .extracting(QueueRow::videoId)
        .containsAll(List.of("v0", "v1", "v2"));
    assertThat(String.join(";", expected.rows().stream().map(QueueRow::reasonsText).toList()))
        .contains("temporal", "annotator_annotator", "entropy");
    assertThat(queue).containsExactlyElementsOf(expected.rows());
    List<Row> withSchema =
        spark.createDataFrame(rows, Table.DETECTIONS.frameSchema()).collectAsList();
    // every object entry names a source whose detections show that ID with that class on the row's
    // frames
    assertThat(queue).anyMatch(q -> !q.objects().isEmpty());
    for (QueueRow q : queue)
      for (QueueRow.QueueObject o : q.objects())
        assertThat(withSchema)
            .as("rank %d object %s", q.rank(), o)
            .anyMatch(
                d ->
                    d.<String>getAs("video_id").equals(q.videoId())
                        && d.<String>getAs("source").equals(o.source())
                        && d.<Integer>getAs("track_id") == o.id()
                        && d.<String>getAs("label").equals(o.label())
                        && d.<Integer>getAs("frame") >= q.frameStart()
                        && d.<Integer>getAs("frame") <= q.frameEnd());

    List<SpotCheckRow> spot = new ArrayList<>();
    for (Row r : table(run, "spot_check", "video_id,frame"))
      spot.add(
          new SpotCheckRow(
              r.getAs("video_id"), r.getAs("frame"), r.getAs("label"), r.getAs("stratum")));
    assertThat(expectedSpot).isNotEmpty();
    assertThat(spot).containsExactlyElementsOf(expectedSpot);
  }
}
