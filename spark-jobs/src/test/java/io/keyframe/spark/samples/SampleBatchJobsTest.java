package io.keyframe.spark.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.compare.CompareJob;
import io.keyframe.spark.ingest.IngestJob;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.rank.RankJob;
import io.keyframe.spark.track.TrackJob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every job on the committed {@code data-samples/} batch (2 videos x 300 frames; gt, annotators A
 * careful, B typical, C sloppy, the simulated detector {@code model}), ingested once and read back
 * from the Parquet files each job writes.
 *
 * <p>The agreement job's values are checked against two third-party tools run by {@code
 * src/test/python/samples_oracle.py} on the raw sample files ({@code gt.mot.txt}, {@code
 * annotator-*.cvat.xml}); its output is {@code src/test/resources/samples/oracle.csv} (the command
 * is in the script's docstring). Which column matches which tool:
 *
 * <ul>
 *   <li>TrackEval (CLEAR, Identity, HOTA; classes det-averaged, videos summed): every ratio and
 *       count of {@code tracking_metrics} on every (video, class) row and roll-up, {@code
 *       num_switches} included — the job follows TrackEval's CLEAR rules. One convention differs:
 *       an identity ratio with an empty denominator (IDP of a class the annotator never drew) is
 *       NaN in the job (metrics' {@code IdentityCounts}, py-motmetrics' convention) and 0 in
 *       TrackEval.
 *   <li>py-motmetrics per class (its OVERALL row for the roll-ups): {@code idf1}, {@code idp},
 *       {@code idr} (the same global ID matching), and {@code motp} as {@code 1 − motp} (motmetrics
 *       reports mean distance 1 − IoU). Its CLEAR matching keeps a correspondence from any earlier
 *       frame where TrackEval prefers only the previous frame's, so {@code num_switches}, false
 *       positives, misses and hence MOTA agree with it only where those rules give the same
 *       matches; on this batch they do, and the test checks it.
 *   <li>py-motmetrics over all classes together: the number of {@code id_switches} rows per (video,
 *       source) equals its {@code num_switches} (the job's occlusion-aware errors use its rules).
 * </ul>
 */
class SampleBatchJobsTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("keyframe.root", ".")).resolve("data-samples");
  private static final List<String> VIDEOS = List.of("clinic-s7-v00", "clinic-s7-v01");
  private static final List<String> ANNOTATORS =
      List.of("annotator-A", "annotator-B", "annotator-C");
  private static final int FRAMES_PER_VIDEO = 300;
  private static final String ALL = "__all__";
  private static final double RATIO = 1e-9;

  @TempDir static Path out;
  private static SparkSession spark;
  private static String ingestDetections, ingestOcclusions;
  private static RunRecord trackPlain, trackKeyframes, agreement;

  @BeforeAll
  static void ingestTrackAndScore() {
    spark = SharedSpark.get();
    RunRecord ingest =
        IngestJob.run(
            spark, new IngestJob.Options(JobOptions.of(out.toString()), SAMPLES.toString()));
    ingestDetections = table("detections", ingest);
    ingestOcclusions = table("occlusion_events", ingest);
    trackPlain = TrackJob.run(spark, trackOptions());
    trackKeyframes =
        TrackJob.run(
            spark,
            new TrackJob.Options(
                new JobOptions(out.toString(), "track-keyframes", 0.01),
                List.of(ingestDetections),
                "model",
                "annotator-A",
                50,
                "tracker-kf"));
    List<String> predictions = new ArrayList<>(ANNOTATORS);
    predictions.addAll(List.of("tracker", "tracker-kf"));
    agreement =
        AgreementJob.run(
            spark,
            new AgreementJob.Options(
                JobOptions.of(out.toString()),
                List.of(
                    ingestDetections,
                    table("detections", trackPlain),
                    table("detections", trackKeyframes)),
                "gt",
                predictions,
                0.5,
                ANNOTATORS,
                List.of(ingestOcclusions),
                AgreementJob.Options.DEFAULT_OCCLUSION_WINDOW));
  }

  /**
   * The detector's boxes tracked by the fallback alone, under a fixed run id so a re-run replaces
   * it.
   */
  private static TrackJob.Options trackOptions() {
    return new TrackJob.Options(
        new JobOptions(out.toString(), "track-plain", 0.01),
        List.of(ingestDetections),
        "model",
        null,
        0,
        "tracker");
  }

  private static String table(String name, RunRecord run) {
    return out.resolve("tables/" + name + "/run_id=" + run.runId()).toString();
  }

  private static Dataset<Row> read(String name, RunRecord run) {
    return spark.read().parquet(table(name, run));
  }

  private static Row metricsRow(String video, String pred, String label) {
    return read("tracking_metrics", agreement)
        .where(
            "video_id = '"
                + video
                + "' and pred_source = '"
                + pred
                + "' and label = '"
                + label
                + "'")
        .first();
  }

  @Test
  void trackJobTracksEveryVideoOncePerIdAndFrameAndKeyframesDoNotAddSwitches() throws IOException {
    for (RunRecord run : List.of(trackPlain, trackKeyframes)) {
      Dataset<Row> det = read("detections", run);
      for (String video : VIDEOS)
        assertThat(
                det.where("video_id = '" + video + "' and track_id >= 0")
                    .select("track_id")
                    .distinct()
                    .count())
            .as("tracks in %s", video)
            .isPositive();
      assertThat(det.groupBy("video_id", "frame", "track_id").count().where("count > 1").count())
          .isZero();
      assertThat(read("runs", run).first().<String>getAs("tracker_path")).isEqualTo("fallback");
      List<Row> throughput = read("throughput", run).collectAsList();
      assertThat(throughput)
          .extracting(r -> r.<String>getAs("video_id"))
          .containsExactlyInAnyOrderElementsOf(VIDEOS);
      assertThat(throughput)
          .allSatisfy(r -> assertThat(r.<Integer>getAs("frames")).isEqualTo(FRAMES_PER_VIDEO));
    }

    // Re-initialising identities from annotator-A's boxes every 50 frames must not cost identity.
    int plain = metricsRow(ALL, "tracker", ALL).getAs("num_switches");
    int anchored = metricsRow(ALL, "tracker-kf", ALL).getAs("num_switches");
    assertThat(anchored).isLessThanOrEqualTo(plain);

    // Same inputs, same run id: the committed part files come back byte for byte.
    Map<String, byte[]> before = files(Path.of(table("detections", trackPlain)));
    before.putAll(files(Path.of(table("occlusion_events", trackPlain))));
    assertThat(before).isNotEmpty();
    TrackJob.run(spark, trackOptions());
    Map<String, byte[]> after = files(Path.of(table("detections", trackPlain)));
    after.putAll(files(Path.of(table("occlusion_events", trackPlain))));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((file, bytes) -> assertThat(after.get(file)).as(file).isEqualTo(bytes));
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList())
        out.put(dir.getParent().getParent().relativize(p).toString(), Files.readAllBytes(p));
    }
    return out;
  }

  @Test
  void agreementJobMatchesTrackevalAndPyMotmetricsOnTheRawSampleFiles() throws IOException {
    Map<String, Double> oracle = oracle();
    Dataset<Row> metrics = read("tracking_metrics", agreement);
    Dataset<Row> switches = read("id_switches", agreement);
    for (String source : ANNOTATORS) {
      List<Row> rows = metrics.where("pred_source = '" + source + "'").collectAsList();
      Set<String> jobKeys = new HashSet<>(), oracleKeys = new HashSet<>();
      for (String k : oracle.keySet())
        if (k.startsWith("trackeval|") && k.endsWith("|MOTA") && k.contains("|" + source + "|"))
          oracleKeys.add(k.substring("trackeval|".length(), k.length() - "|MOTA".length()));
      for (Row r : rows) {
        String key = r.<String>getAs("video_id") + "|" + source + "|" + r.<String>getAs("label");
        jobKeys.add(key);
        String te = "trackeval|" + key + "|";
        double idtp = oracle.get(te + "IDTP"),
            idfp = oracle.get(te + "IDFP"),
            idfn = oracle.get(te + "IDFN");
        identityRatio(
            r.getAs("idf1"), oracle.get(te + "IDF1"), 2 * idtp + idfp + idfn, te + "IDF1");
        identityRatio(r.getAs("idp"), oracle.get(te + "IDP"), idtp + idfp, te + "IDP");
        identityRatio(r.getAs("idr"), oracle.get(te + "IDR"), idtp + idfn, te + "IDR");
        for (String[] col :
            new String[][] {
              {"mota", "MOTA"},
              {"motp", "MOTP"},
              {"hota", "HOTA"},
              {"deta", "DetA"},
              {"assa", "AssA"},
              {"loca", "LocA"}
            })
          assertThat(r.<Double>getAs(col[0]))
              .as(te + col[1])
              .isCloseTo(oracle.get(te + col[1]), within(RATIO));
        for (String[] col :
            new String[][] {
              {"num_switches", "IDSW"},
              {"num_fragmentations", "Frag"},
              {"num_false_positives", "CLR_FP"},
              {"num_misses", "CLR_FN"},
              {"mostly_tracked", "MT"},
              {"partially_tracked", "PT"},
              {"mostly_lost", "ML"}
            })
          assertThat(r.<Integer>getAs(col[0]))
              .as(te + col[1])
              .isEqualTo(oracle.get(te + col[1]).intValue());
        assertThat(r.<Integer>getAs("num_objects"))
            .as(te + "objects")
            .isEqualTo((int) (oracle.get(te + "CLR_TP") + oracle.get(te + "CLR_FN")));

        String mm = "motmetrics|" + key + "|";
        // motmetrics has no per-class roll-up over videos (its OVERALL row spans every sequence).
        if (!oracle.containsKey(mm + "idf1")) continue;
        // motmetrics leaves a ratio NaN where it is undefined (idp without predictions, motp
        // without
        // matches, and its OVERALL motp once any sequence has none); TrackEval's 0 is checked
        // above.
        for (String[] col :
            new String[][] {{"idf1", "idf1"}, {"idp", "idp"}, {"idr", "idr"}, {"mota", "mota"}}) {
          double expected = oracle.get(mm + col[1]);
          if (!Double.isNaN(expected))
            assertThat(r.<Double>getAs(col[0])).as(mm + col[1]).isCloseTo(expected, within(RATIO));
        }
        double distance = oracle.get(mm + "motp");
        if (!Double.isNaN(distance))
          assertThat(r.<Double>getAs("motp"))
              .as(mm + "1-motp")
              .isCloseTo(1 - distance, within(RATIO));
        for (String col :
            List.of("num_switches", "num_false_positives", "num_misses", "num_objects"))
          assertThat(r.<Integer>getAs(col)).as(mm + col).isEqualTo(oracle.get(mm + col).intValue());
      }
      assertThat(jobKeys).as(source + " rows").isEqualTo(oracleKeys);

      // All classes in one sequence, py-motmetrics' rules: one id_switches row per switch it
      // counts.
      for (String video : VIDEOS) {
        long rowsHere =
            switches.where("video_id = '" + video + "' and pred_source = '" + source + "'").count();
        assertThat(rowsHere)
            .as(video + " " + source + " id_switches")
            .isEqualTo(
                oracle
                    .get(
                        "motmetrics-allclasses|"
                            + video
                            + "|"
                            + source
                            + "|"
                            + ALL
                            + "|num_switches")
                    .longValue());
        long after =
            switches
                .where(
                    "video_id = '"
                        + video
                        + "' and pred_source = '"
                        + source
                        + "' and after_occlusion")
                .count();
        assertThat((long) metricsRow(video, source, ALL).<Integer>getAs("idsw_after_occlusion"))
            .isEqualTo(after);
      }
    }
    // The samples' README: annotator A is careful, C sloppy.
    assertThat(metricsRow(ALL, "annotator-A", ALL).<Double>getAs("idf1"))
        .isGreaterThan(metricsRow(ALL, "annotator-C", ALL).<Double>getAs("idf1"));
    assertThat(
            read("agreement", agreement)
                .where("video_id = '__all__' and label = '__all__'")
                .count())
        .isEqualTo(3);
  }

  /**
   * An identity ratio against TrackEval's. With an empty denominator (e.g. IDP of a class the
   * annotator never drew) metrics' {@code IdentityCounts} answers NaN, py-motmetrics' convention,
   * where TrackEval's {@code max(1, ·)} answers 0; the counts behind it are checked through
   * IDF1/IDR.
   */
  private static void identityRatio(
      double actual, double trackEval, double denominator, String what) {
    if (denominator == 0)
      assertThat(actual).as(what + " (empty, TrackEval " + trackEval + ")").isNaN();
    else assertThat(actual).as(what).isCloseTo(trackEval, within(RATIO));
  }

  /** tool|video|source|label|metric -> value, from the committed oracle output. */
  private static Map<String, Double> oracle() throws IOException {
    Map<String, Double> out = new HashMap<>();
    try (InputStream in = SampleBatchJobsTest.class.getResourceAsStream("/samples/oracle.csv")) {
      assertThat(in).as("oracle.csv on the test classpath").isNotNull();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines.get(0)).isEqualTo("tool,video_id,pred_source,label,metric,value");
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        out.put(
            String.join("|", f[0], f[1], f[2], f[3], f[4]),
            f[5].equals("nan") ? Double.NaN : Double.parseDouble(f[5]));
      }
    }
    return out;
  }

  @Test
  void rankJobQueuesWithinBudgetApartFromTheSpotCheckAndFindsAnnotatorBFaultsAboveBaseRate()
      throws IOException {
    RunRecord rank =
        RankJob.run(
            spark,
            new RankJob.Options(
                JobOptions.of(out.toString()),
                List.of(ingestDetections, table("detections", trackPlain)),
                List.of(table("occlusion_events", trackPlain)),
                "tracker",
                "model",
                "tracker",
                List.of("annotator-B", "annotator-A", "annotator-C"),
                "10%",
                0.1,
                1));
    List<Row> queue = read("queue", rank).orderBy("rank").collectAsList();
    assertThat(queue).isNotEmpty();
    Set<String> queued = new HashSet<>();
    double cumulative = 0;
    for (int i = 0; i < queue.size(); i++) {
      Row q = queue.get(i);
      assertThat(q.<Integer>getAs("rank")).isEqualTo(i + 1);
      assertThat(q.<Row>getList(q.fieldIndex("reasons"))).isNotEmpty();
      cumulative += q.<Double>getAs("cost_minutes");
      assertThat(q.<Double>getAs("cumulative_minutes")).isCloseTo(cumulative, within(1e-9));
      for (int f = q.<Integer>getAs("frame_start"); f <= q.<Integer>getAs("frame_end"); f++)
        assertThat(queued.add(q.getAs("video_id") + "/" + f)).as("frame queued twice").isTrue();
    }
    int total = VIDEOS.size() * FRAMES_PER_VIDEO;
    assertThat(queued.size()).as("10% of %d frames", total).isBetween(1, total / 10);

    List<Row> spot = read("spot_check", rank).collectAsList();
    assertThat(spot).extracting(r -> r.<String>getAs("video_id")).containsAll(VIDEOS);
    assertThat(spot)
        .noneMatch(r -> queued.contains(r.getAs("video_id") + "/" + r.<Integer>getAs("frame")));

    Set<String> faulty = faultFrames("annotator-B");
    long hits = queued.stream().filter(faulty::contains).count();
    double queueShare = (double) hits / queued.size(), baseRate = (double) faulty.size() / total;
    assertThat(queueShare)
        .as(
            "queued frames with a fault of annotator-B (%d of %d) vs all frames (%d of %d)",
            hits, queued.size(), faulty.size(), total)
        .isGreaterThan(baseRate);
  }

  /**
   * Frames of {@code source}'s recorded faults (the generator's faults.json): every frame of a
   * fault's span, except that an ID swap counts on the frame it happens (later frames only carry
   * its consequence) and a fault covering the whole video (a track-level miss or class error)
   * counts nowhere, as no frame ranking can localise it.
   */
  private static Set<String> faultFrames(String source) throws IOException {
    Set<String> out = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String video : VIDEOS) {
      JsonNode faults =
          json.readTree(SAMPLES.resolve(video).resolve("faults.json").toFile()).get("faults");
      for (JsonNode f : faults) {
        if (!f.get("source").asText().equals(source)) continue;
        int start = f.get("startFrame").asInt(), end = f.get("endFrame").asInt();
        if (f.get("kind").asText().equals("ID_SWAP")) end = start;
        else if (start == 0 && end == FRAMES_PER_VIDEO - 1) continue;
        for (int fr = start; fr <= end; fr++) out.add(video + "/" + fr);
      }
    }
    return out;
  }

  @Test
  void compareJobDeltasAndIntervalsAgreeWithTheAgreementJob() {
    RunRecord compare =
        CompareJob.run(
            spark,
            new CompareJob.Options(
                JobOptions.of(out.toString()),
                List.of(ingestDetections),
                "gt",
                "annotator-A",
                "annotator-C",
                0.5,
                200,
                42));
    Dataset<Row> c = read("compare", compare);
    List<Row> rows = c.collectAsList();
    assertThat(rows)
        .extracting(r -> r.<String>getAs("video_id"))
        .contains(VIDEOS.get(0), VIDEOS.get(1), ALL);
    assertThat(rows)
        .extracting(r -> r.<String>getAs("label"))
        .contains(ALL, "bed_rail", "humidifier");
    for (Row r : rows) {
      double a = r.getAs("value_a"), b = r.getAs("value_b"), delta = r.getAs("delta");
      assertThat(delta).isCloseTo(b - a, within(1e-12));
      if (r.<String>getAs("video_id").equals(ALL)) {
        assertThat(r.<Double>getAs("ci_lo")).as(r.toString()).isLessThanOrEqualTo(delta);
        assertThat(r.<Double>getAs("ci_hi")).as(r.toString()).isGreaterThanOrEqualTo(delta);
      } else {
        assertThat(r.<Double>getAs("ci_lo")).isNaN();
        assertThat(r.<Double>getAs("ci_hi")).isNaN();
      }
    }
    Row idf1 = c.where("video_id = '__all__' and label = '__all__' and metric = 'idf1'").first();
    assertThat(idf1.<Double>getAs("value_a")).isGreaterThan(idf1.<Double>getAs("value_b"));
    // The same counts summed the same way in both jobs.
    assertThat(idf1.<Double>getAs("value_a"))
        .isCloseTo(metricsRow(ALL, "annotator-A", ALL).<Double>getAs("idf1"), within(1e-12));
    assertThat(idf1.<Double>getAs("value_b"))
        .isCloseTo(metricsRow(ALL, "annotator-C", ALL).<Double>getAs("idf1"), within(1e-12));
  }
}
