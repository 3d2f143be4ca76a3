package io.keyframe.spark.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keyframe.dataset.FileHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One run of one job: stages its tables, records its provenance, enforces the bad-row limit and
 * commits. The run id is derived from job, parameters, input hashes and code version unless given,
 * so re-running the same job on the same inputs replaces the same partitions (idempotent re-run).
 *
 * <p>A run is complete when its {@code runs} row exists; that row is committed last.
 */
public final class JobRun {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final SparkSession spark;
  private final String job;
  private final JobOptions options;
  private final Map<String, Object> params;
  private final Map<String, String> inputs;
  private final Map<String, String> models = new TreeMap<>();
  private final StagedTableWriter writer;
  private final long startedAt = System.currentTimeMillis();
  private String trackerPath;

  private JobRun(
      SparkSession spark,
      String job,
      JobOptions options,
      Map<String, ?> params,
      Map<String, String> inputs) {
    this.spark = spark;
    this.job = job;
    this.options = options;
    this.params = new TreeMap<>(params);
    this.inputs = new TreeMap<>(inputs);
    String runId = options.runId() != null ? options.runId() : deriveRunId();
    this.writer = StagedTableWriter.open(spark, options.outputRoot(), runId);
  }

  /**
   * Starts a run.
   *
   * @param params every parameter that changes the output (goes into {@code params_json} and the
   *     run id)
   * @param inputs input name → sha256
   */
  public static JobRun start(
      SparkSession spark,
      String job,
      JobOptions options,
      Map<String, ?> params,
      Map<String, String> inputs) {
    return new JobRun(spark, job, options, params, inputs);
  }

  public String runId() {
    return writer.runId();
  }

  public StagedTableWriter writer() {
    return writer;
  }

  /** Records a model (name → sha256) used by this run. */
  public JobRun model(String name, String sha256) {
    models.put(name, sha256);
    return this;
  }

  /** Records which tracker produced the tracks: {@code sam2} or {@code fallback}. */
  public JobRun trackerPath(String path) {
    this.trackerPath = path;
    return this;
  }

  /** Stages one table; see {@link StagedTableWriter#stage}. */
  public long stage(Table table, Dataset<Row> rows, String... sortColumns) {
    return writer.stage(table, rows, sortColumns);
  }

  /** Stages rows built in the executors, in {@code table}'s {@link Table#frameSchema}. */
  public long stage(Table table, JavaRDD<Row> rows, String... sortColumns) {
    return stage(table, spark.createDataFrame(rows, table.frameSchema()), sortColumns);
  }

  /** Stages rows built on the driver, in {@code table}'s {@link Table#frameSchema}. */
  public long stage(Table table, List<Row> rows, String... sortColumns) {
    return stage(table, spark.createDataFrame(rows, table.frameSchema()), sortColumns);
  }

  /**
   * Stages {@code detections} rows sorted as every job that writes them sorts them: by source,
   * frame and track.
   */
  public long stageDetections(JavaRDD<Row> rows) {
    return stage(Table.DETECTIONS, rows, "source", "frame", "track_id");
  }

  /** Stages {@code occlusion_events} rows sorted by source, track and first frame. */
  public long stageOcclusionEvents(JavaRDD<Row> rows) {
    return stage(Table.OCCLUSION_EVENTS, rows, "source", "track_id", "start_frame");
  }

  /**
   * {@link #quarantine(List, long)} for per-video (or per-file) results: their bad records, and the
   * input rows each considered, summed.
   */
  public <T> void quarantine(
      Collection<T> results, Function<T, List<BadRecord>> bad, ToLongFunction<T> rows) {
    List<BadRecord> all = new ArrayList<>();
    long total = 0;
    for (T r : results) {
      all.addAll(bad.apply(r));
      total += rows.applyAsLong(r);
    }
    quarantine(all, total);
  }

  /**
   * Stages the quarantine table and checks the bad-row limit. Above the limit the quarantine alone
   * is committed (so the user can see why) and the run fails without a {@code runs} row.
   *
   * @param totalRows input rows the job considered, bad ones included
   */
  public void quarantine(List<BadRecord> bad, long totalRows) {
    List<Row> rows = new ArrayList<>(bad.size());
    long badRows = 0;
    for (BadRecord b : bad) {
      rows.add(
          RowFactory.create(
              b.job(),
              b.source(),
              b.file(),
              b.line(),
              b.frame(),
              b.field(),
              b.reason(),
              b.videoId()));
      badRows += b.rows();
    }
    stage(Table.QUARANTINE, rows, "source", "line", "frame");
    double fraction = badRows / (double) Math.max(1, totalRows);
    if (fraction > options.maxBadFraction()) {
      writer.commitOnly(Table.QUARANTINE);
      throw new TooManyBadRowsException(
          job, badRows, totalRows, options.maxBadFraction(), bad.get(0).reason());
    }
  }

  /**
   * Stages the {@code runs} row, commits every staged table and returns the provenance recorded.
   */
  public RunRecord commit() {
    Map<String, Long> counts = new TreeMap<>();
    writer.rowCounts().forEach((t, n) -> counts.put(t.folder(), n));
    long endedAt = System.currentTimeMillis();
    RunRecord record =
        new RunRecord(
            writer.runId(),
            job,
            startedAt,
            endedAt,
            CodeVersion.current(),
            params,
            inputs,
            models,
            counts,
            trackerPath);
    Row row =
        RowFactory.create(
            job,
            startedAt,
            endedAt,
            record.codeVersion(),
            json(params),
            json(inputs),
            json(models),
            json(counts),
            trackerPath);
    stage(Table.RUNS, List.of(row));
    writer.commit();
    return record;
  }

  /** Discards staged output (e.g. after an exception in the job). */
  public void abort() {
    writer.abort();
  }

  /**
   * The body every job shares: builds the per-video results with {@code plan}, persisted once
   * (every table written reads them), and returns what {@code write} commits. When anything fails,
   * building the plan included, the run is aborted (no runs row, staged files dropped) and the
   * failure rethrown; the results are unpersisted and the Spark UI's job description cleared either
   * way.
   *
   * @param description the first stage's label in the Spark UI, after the job's name
   */
  public <T> RunRecord writeFrom(
      String description, Supplier<JavaRDD<T>> plan, Function<JavaRDD<T>, RunRecord> write) {
    JavaRDD<T> results = null;
    try {
      spark.sparkContext().setJobDescription(job + ": " + description);
      results = plan.get().persist(StorageLevel.MEMORY_AND_DISK());
      return write.apply(results);
    } catch (RuntimeException e) {
      abort();
      throw e;
    } finally {
      if (results != null) results.unpersist(false);
      spark.sparkContext().setJobDescription(null);
    }
  }

  private String deriveRunId() {
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("job", job);
    identity.put("params", params);
    identity.put("inputs", inputs);
    identity.put("code", CodeVersion.current());
    String hash = FileHash.sha256(json(identity).getBytes(StandardCharsets.UTF_8));
    return job + "-" + hash.substring(0, 12);
  }

  /**
   * {@code value} as JSON with map keys sorted: the one form hashed or stored, so equal values give
   * equal bytes.
   */
  public static String canonicalJson(Object value) {
    return json(value);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON-serialisable: " + value, e);
    }
  }
}
