package io.keyframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.scoring.qa.VideoLabels;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.generate.GenerateJob;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A batch read back from the output root the Spark jobs write ({@code keyframe demo}, the jobs
 * through spark-submit): {@code tables/detections/run_id=R/video_id=V/part-*.parquet}, with the
 * {@code runs} table saying which job wrote each run. So rank, spot-check and scorecard take what
 * the demo wrote as well as a folder of files. Read with parquet-hadoop directly: no Spark session
 * for a few megabytes.
 *
 * <p>Which runs: the given run ids, else every complete detections run (one with its {@code runs}
 * row); when two runs hold the same source of a video, the later one wins. Which source plays which
 * part: the latest {@code rank} run's parameters when there is one (prediction, tracker and
 * annotator sources, the occlusion source); else {@code gt} is the reference, the generated model
 * or a track run's detector is the prediction, the first track run's output is the tracker, and
 * every other source is an annotator.
 */
final class OutputRootBatch {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ParquetReadOptions READ = ParquetReadOptions.builder().build();

  /** One row of the {@code runs} table. */
  record Run(String id, String job, long endedAt, JsonNode params) {}

  private final Map<String, Map<String, AnnotationSet>> byVideo;
  private final Map<String, List<OcclusionEvent>> occlusions;
  private final String prediction;
  private final String tracker;
  private final List<String> annotators;
  private final List<Run> used;

  private OutputRootBatch(
      Map<String, Map<String, AnnotationSet>> byVideo,
      Map<String, List<OcclusionEvent>> occlusions,
      String prediction,
      String tracker,
      List<String> annotators,
      List<Run> used) {
    this.byVideo = byVideo;
    this.occlusions = occlusions;
    this.prediction = prediction;
    this.tracker = tracker;
    this.annotators = annotators;
    this.used = used;
  }

  /** True when {@code dir} is an output root (it has {@code tables/detections}). */
  static boolean isOutputRoot(Path dir) {
    return dir != null && Files.isDirectory(dir.resolve("tables").resolve("detections"));
  }

  /**
   * Reads the detections (and occlusion events) of {@code runIds}, or of every complete run when
   * empty.
   *
   * @throws IllegalArgumentException when a run id is unknown (naming those there are) or no run is
   *     complete
   */
  static OutputRootBatch read(Path root, List<String> runIds, Consumer<String> notes)
      throws IOException {
    Path tables = root.resolve("tables");
    Map<String, Run> runs = new LinkedHashMap<>();
    for (Path runDir : partitions(tables.resolve("runs"), "run_id")) {
      String id = value(runDir, "run_id");
      for (Path part : parts(runDir))
        rows(
            part,
            g ->
                runs.put(
                    id, new Run(id, g.getString("job", 0), g.getLong("ended_at", 0), params(g))));
    }
    List<Path> detectionRuns = partitions(tables.resolve("detections"), "run_id");
    Map<String, Path> complete = new TreeMap<>();
    for (Path d : detectionRuns)
      if (runs.containsKey(value(d, "run_id"))) complete.put(value(d, "run_id"), d);
    if (complete.isEmpty())
      throw new IllegalArgumentException(
          "no complete detections run in "
              + root
              + " (a run is complete once the runs table lists it)");
    List<String> chosen = new ArrayList<>();
    if (runIds.isEmpty()) chosen.addAll(complete.keySet());
    else
      for (String id : runIds) {
        if (runs.containsKey(id) && !complete.containsKey(id))
          continue; // e.g. a rank run: it only names roles
        if (!complete.containsKey(id))
          throw new IllegalArgumentException(
              "no run '"
                  + id
                  + "' in "
                  + root
                  + "; detections runs there: "
                  + String.join(", ", complete.keySet()));
        chosen.add(id);
      }
    chosen.sort(
        Comparator.comparingLong((String id) -> runs.get(id).endedAt()).thenComparing(id -> id));
    if (chosen.isEmpty())
      throw new IllegalArgumentException(
          "the runs given hold no detections; detections runs in "
              + root
              + ": "
              + String.join(", ", complete.keySet()));

    // video -> source -> rows; a later run replaces an earlier run's rows of the same source.
    Map<String, Map<String, List<Row>>> rows = new TreeMap<>();
    StructType schema = Table.DETECTIONS.fileSchema();
    for (String id : chosen)
      for (Path videoDir : partitions(complete.get(id), "video_id")) {
        String video = value(videoDir, "video_id");
        Map<String, List<Row>> fresh = new TreeMap<>();
        for (Path part : parts(videoDir))
          rows(
              part,
              g ->
                  fresh
                      .computeIfAbsent(g.getString("source", 0), k -> new ArrayList<>())
                      .add(row(g, schema)));
        rows.computeIfAbsent(video, k -> new TreeMap<>()).putAll(fresh);
      }
    Map<String, Map<String, AnnotationSet>> byVideo = new TreeMap<>();
    Set<String> sources = new LinkedHashSet<>();
    for (var e : rows.entrySet()) {
      List<Row> all = new ArrayList<>();
      e.getValue().values().forEach(all::addAll);
      DetectionRows.VideoSets sets = DetectionRows.group(e.getKey(), "read", all);
      if (!sets.bad().isEmpty())
        throw new IllegalArgumentException(
            sets.bad().size()
                + " bad detection rows in video partition "
                + Pseudonyms.video(e.getKey())
                + " of "
                + root
                + ", first: "
                + sets.bad().get(0).reason());
      byVideo.put(e.getKey(), sets.bySource());
      sources.addAll(sets.bySource().keySet());
    }

    List<Run> used = chosen.stream().map(runs::get).toList();
    Run rank =
        runs.values().stream()
            .filter(r -> r.job().equals("rank"))
            .filter(r -> runIds.isEmpty() || runIds.contains(r.id()))
            .max(Comparator.comparingLong(Run::endedAt))
            .orElse(null);
    String prediction = null, tracker = null, occlusionSource = null;
    List<String> annotators = new ArrayList<>();
    if (rank != null) {
      prediction = text(rank.params(), "prediction_source");
      tracker = text(rank.params(), "tracker_source");
      occlusionSource = text(rank.params(), "occlusion_source");
      rank.params().path("annotator_sources").forEach(a -> annotators.add(a.asText()));
      notes.accept("roles of the sources from run " + rank.id());
    } else {
      Set<String> trackers = new LinkedHashSet<>();
      for (Run r : used) {
        if (r.job().equals("track")) {
          trackers.add(text(r.params(), "output_source"));
          if (prediction == null) prediction = text(r.params(), "detector_source");
        }
        if (r.job().equals("generate") && prediction == null)
          prediction = text(r.params().path("model"), "name");
      }
      tracker = trackers.isEmpty() ? null : trackers.iterator().next();
      if (trackers.size() > 1)
        notes.accept(
            "tracker: "
                + tracker
                + " (of "
                + String.join(", ", trackers)
                + "; pass its run id with --run to pick another)");
      for (String s : sources)
        if (!s.equals(GenerateJob.GROUND_TRUTH) && !s.equals(prediction) && !trackers.contains(s))
          annotators.add(s);
    }
    prediction = sources.contains(prediction) ? prediction : null;
    tracker = sources.contains(tracker) ? tracker : null;
    annotators.removeIf(a -> !sources.contains(a));

    Map<String, List<OcclusionEvent>> occlusions =
        occlusions(tables, chosen, occlusionSource != null ? occlusionSource : tracker);
    return new OutputRootBatch(
        byVideo, occlusions, prediction, tracker, List.copyOf(annotators), used);
  }

  /** Runs read, oldest first. */
  List<Run> runs() {
    return used;
  }

  /** What rank and spot-check score, one per video. */
  List<VideoEvidence> evidence() {
    List<VideoEvidence> out = new ArrayList<>();
    for (var e : byVideo.entrySet()) {
      Map<String, AnnotationSet> s = e.getValue();
      AnnotationSet p = prediction == null ? null : s.get(prediction);
      AnnotationSet t = tracker == null ? null : s.get(tracker);
      List<AnnotationSet> labels = new ArrayList<>();
      for (String a : annotators) if (s.containsKey(a)) labels.add(s.get(a));
      AnnotationSet any = p != null ? p : !labels.isEmpty() ? labels.get(0) : t;
      if (any == null) continue;
      out.add(
          new VideoEvidence(
              any.video(), p, t, labels, occlusions.getOrDefault(e.getKey(), List.of())));
    }
    if (out.isEmpty())
      throw new IllegalArgumentException(
          "the runs read hold no model, tracker or annotator detections");
    return out;
  }

  /**
   * What scorecard compares: annotators against the ground truth (when used) and the
   * pre-annotation.
   */
  List<VideoLabels> labels(boolean useGroundTruth) {
    List<VideoLabels> out = new ArrayList<>();
    for (var e : byVideo.entrySet()) {
      Map<String, AnnotationSet> s = e.getValue();
      List<AnnotationSet> labels = new ArrayList<>();
      for (String a : annotators)
        if (s.containsKey(a)) {
          AnnotationSet set = s.get(a);
          labels.add(
              new AnnotationSet(
                  set.video(),
                  Provenance.annotator(a, null, "detections"),
                  set.labels(),
                  set.detections()));
        }
      if (labels.isEmpty()) continue;
      AnnotationSet gt = useGroundTruth ? s.get(GenerateJob.GROUND_TRUTH) : null;
      out.add(new VideoLabels(gt, prediction == null ? null : s.get(prediction), labels));
    }
    if (out.isEmpty())
      throw new IllegalArgumentException("the runs read hold no annotator detections");
    return out;
  }

  private static Map<String, List<OcclusionEvent>> occlusions(
      Path tables, List<String> runIds, String source) throws IOException {
    Map<String, List<OcclusionEvent>> out = new TreeMap<>();
    if (source == null) return out;
    for (String id : runIds)
      for (Path videoDir :
          partitions(tables.resolve("occlusion_events").resolve("run_id=" + id), "video_id")) {
        String video = value(videoDir, "video_id");
        for (Path part : parts(videoDir))
          rows(
              part,
              g -> {
                if (g.getString("source", 0).equals(source))
                  out.computeIfAbsent(video, k -> new ArrayList<>())
                      .add(
                          new OcclusionEvent(
                              g.getInteger("track_id", 0),
                              g.getInteger("start_frame", 0),
                              g.getInteger("end_frame", 0),
                              g.getString("cause", 0),
                              g.getBoolean("full", 0)));
              });
      }
    return out;
  }

  private static Row row(Group g, StructType schema) {
    StructField[] fields = schema.fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      if (g.getFieldRepetitionCount(name) == 0) continue;
      values[i] =
          switch (fields[i].dataType().typeName()) {
            case "string" -> g.getString(name, 0);
            case "integer" -> g.getInteger(name, 0);
            case "double" -> g.getDouble(name, 0);
            case "boolean" -> g.getBoolean(name, 0);
            case "long" -> g.getLong(name, 0);
            case "map" -> probabilities(g.getGroup(name, 0));
            default ->
                throw new IllegalStateException("unhandled column type " + fields[i].dataType());
          };
    }
    return new GenericRowWithSchema(values, schema);
  }

  /**
   * A {@code map<string,double>} (class_probabilities) as Parquet stores it: repeated key_value
   * groups.
   */
  private static scala.collection.Map<String, Double> probabilities(Group map) {
    Map<String, Double> out = new TreeMap<>();
    for (int k = 0; k < map.getFieldRepetitionCount("key_value"); k++) {
      Group kv = map.getGroup("key_value", k);
      out.put(kv.getString("key", 0), kv.getDouble("value", 0));
    }
    return io.keyframe.spark.output.NestedValues.map(out);
  }

  private static JsonNode params(Group g) {
    try {
      return g.getFieldRepetitionCount("params_json") == 0
          ? JSON.createObjectNode()
          : JSON.readTree(g.getString("params_json", 0));
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().equals("null") || v.asText().isEmpty()
        ? null
        : v.asText();
  }

  private interface GroupSink {
    void accept(Group g);
  }

  private static void rows(Path part, GroupSink sink) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(part), READ)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++) sink.accept(records.read());
      }
    }
  }

  private static List<Path> partitions(Path dir, String name) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(name + "="))
          .sorted()
          .toList();
    }
  }

  private static List<Path> parts(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
              })
          .sorted()
          .toList();
    }
  }

  /** Spark escapes special characters in partition values as %XX. */
  private static String value(Path dir, String name) {
    String raw = dir.getFileName().toString().substring(name.length() + 1);
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
