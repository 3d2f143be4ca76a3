package io.keyframe.cli;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import io.keyframe.dataset.contract.parquet.RunPartitionReader;
import io.keyframe.scoring.qa.SourceRoles;
import io.keyframe.scoring.qa.SourceRoles.Run;
import io.keyframe.scoring.qa.VideoLabels;
import io.keyframe.scoring.signal.VideoEvidence;
import io.keyframe.spark.output.NestedValues;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import java.io.IOException;
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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
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
 * part: scoring's {@link SourceRoles}, over the runs given (or all), the rule the report's
 * scorecard page applies too. The files are read by dataset's {@link RunPartitionReader}, the
 * report server's reader.
 *
 * @param byVideo video to source to that source's detections
 * @param occlusions video to the occlusion events of the occlusion source
 * @param prediction the source playing the model's part, or null
 * @param tracker the source playing the tracker's part, or null
 * @param annotators the sources playing annotators' parts
 * @param runs runs read, oldest first
 */
record OutputRootBatch(
    Map<String, Map<String, AnnotationSet>> byVideo,
    Map<String, List<OcclusionEvent>> occlusions,
    String prediction,
    String tracker,
    List<String> annotators,
    List<Run> runs) {

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
    TableDef runsTable = OutputTables.RUNS;
    int job = index(runsTable, "job"), endedAt = index(runsTable, "ended_at");
    int params = index(runsTable, "params_json");
    for (Path runDir : partitions(tables.resolve("runs"), OutputTables.RUN_ID))
      RunPartitionReader.read(
          runsTable,
          runDir,
          file -> true,
          row -> {
            Object[] v = row.values();
            runs.put(
                row.runId(),
                SourceRoles.Run.parse(
                    row.runId(), (String) v[job], (Long) v[endedAt], (String) v[params]));
          });
    List<Path> detectionRuns = partitions(tables.resolve("detections"), OutputTables.RUN_ID);
    Map<String, Path> complete = new TreeMap<>();
    for (Path d : detectionRuns)
      if (runs.containsKey(value(d, OutputTables.RUN_ID)))
        complete.put(value(d, OutputTables.RUN_ID), d);
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
    int source = index(OutputTables.DETECTIONS, "source");
    for (String id : chosen) {
      // video -> source -> rows of this run
      Map<String, Map<String, List<Row>>> fresh = new TreeMap<>();
      RunPartitionReader.read(
          OutputTables.DETECTIONS,
          complete.get(id),
          file -> true,
          row ->
              fresh
                  .computeIfAbsent(row.videoId(), k -> new TreeMap<>())
                  .computeIfAbsent((String) row.values()[source], k -> new ArrayList<>())
                  .add(row(row.values(), schema)));
      fresh.forEach(
          (video, bySource) -> rows.computeIfAbsent(video, k -> new TreeMap<>()).putAll(bySource));
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
    SourceRoles roles =
        SourceRoles.of(
            runs.values().stream()
                .filter(r -> runIds.isEmpty() || runIds.contains(r.id()))
                .toList(),
            sources);
    if (roles.fromRun() != null) notes.accept("roles of the sources from run " + roles.fromRun());
    else if (roles.trackers().size() > 1)
      notes.accept(
          "tracker: "
              + roles.tracker()
              + " (of "
              + String.join(", ", roles.trackers())
              + "; pass its run id with --run to pick another)");
    Map<String, List<OcclusionEvent>> occlusions =
        readOcclusions(tables, chosen, roles.occlusionSource());
    return new OutputRootBatch(
        byVideo, occlusions, roles.prediction(), roles.tracker(), roles.annotators(), used);
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
      AnnotationSet gt = useGroundTruth ? s.get(SourceRoles.GROUND_TRUTH) : null;
      out.add(new VideoLabels(gt, prediction == null ? null : s.get(prediction), labels));
    }
    if (out.isEmpty())
      throw new IllegalArgumentException("the runs read hold no annotator detections");
    return out;
  }

  private static Map<String, List<OcclusionEvent>> readOcclusions(
      Path tables, List<String> runIds, String source) throws IOException {
    Map<String, List<OcclusionEvent>> out = new TreeMap<>();
    if (source == null) return out;
    TableDef events = OutputTables.OCCLUSION_EVENTS;
    int from = index(events, "source"), track = index(events, "track_id");
    int start = index(events, "start_frame"), end = index(events, "end_frame");
    int cause = index(events, "cause"), full = index(events, "full");
    for (String id : runIds) {
      Path runDir = tables.resolve(events.name()).resolve(OutputTables.RUN_ID + "=" + id);
      if (!Files.isDirectory(runDir)) continue;
      RunPartitionReader.read(
          events,
          runDir,
          file -> true,
          row -> {
            Object[] v = row.values();
            if (source.equals(v[from]))
              out.computeIfAbsent(row.videoId(), k -> new ArrayList<>())
                  .add(
                      new OcclusionEvent(
                          (Integer) v[track],
                          (Integer) v[start],
                          (Integer) v[end],
                          (String) v[cause],
                          (Boolean) v[full]));
          });
    }
    return out;
  }

  /**
   * A detections row as Spark's row readers ({@link DetectionRows}) take it; the contract's columns
   * are the Spark schema's, in order.
   */
  private static Row row(Object[] values, StructType schema) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++)
      out[i] = values[i] instanceof Map<?, ?> m ? NestedValues.map(new TreeMap<>(m)) : values[i];
    return new GenericRowWithSchema(out, schema);
  }

  private static int index(TableDef table, String column) {
    int i = table.columnNames().indexOf(column);
    if (i < 0) throw new IllegalStateException(table.name() + " has no column " + column);
    return i;
  }

  private static List<Path> partitions(Path dir, String name) {
    return RunPartitionReader.subPartitions(dir, name);
  }

  private static String value(Path dir, String name) {
    return RunPartitionReader.partitionValue(dir, name);
  }
}
