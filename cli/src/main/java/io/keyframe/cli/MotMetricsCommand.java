package io.keyframe.cli;

import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.metrics.report.MotMetricsReport;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.TrackingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * py-motmetrics-style CLEAR-MOT, identity and HOTA table for predictions against ground truth.
 * Directories are paired by sequence name (file name without extension, or the folder holding
 * {@code gt/gt.txt} in the MOTChallenge layout).
 */
@Command(
    name = "mot-metrics",
    mixinStandardHelpOptions = true,
    description = "CLEAR-MOT, IDF1 and HOTA of predictions vs ground truth (py-motmetrics conventions).")
public final class MotMetricsCommand implements Callable<Integer> {
  @Option(names = "--gt", required = true, description = "Ground-truth file or folder.")
  Path gt;

  @Option(names = "--pred", required = true, description = "Prediction file or folder.")
  Path pred;

  @Option(names = "--format", description = "mot, cvat or coco (default: detected per file).")
  String format;

  @Option(names = "--json", description = "Print JSON with py-motmetrics' metric names.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<BatchPairs.Pair> pairs = pairs();
    List<TrackingResult> rows = new ArrayList<>();
    TrackingEvaluation eval = TrackingEvaluation.standard();
    for (BatchPairs.Pair pair : pairs) {
      AnnotationSet g = read(pair.gt());
      AnnotationSet h = read(pair.pred());
      warnWithoutIdentities(pair, h);
      rows.add(rename(eval.evaluate(g, h), pair.name()));
    }
    print(pairs, rows);
    return 0;
  }

  /**
   * One table, or in the batch layout one per prediction role (its videos and their OVERALL): an
   * OVERALL over annotators and a model together would describe nobody.
   */
  private void print(List<BatchPairs.Pair> pairs, List<TrackingResult> rows) {
    Map<String, List<TrackingResult>> byRole = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      String name = pairs.get(i).name();
      String role = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : "";
      byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(rows.get(i));
    }
    var out = spec.commandLine().getOut();
    if (byRole.size() == 1) {
      MotMetricsReport report = MotMetricsReport.of(rows);
      out.println(json ? report.toJson() : report.toText());
      return;
    }
    if (json) {
      StringBuilder b = new StringBuilder("{");
      for (var e : byRole.entrySet())
        b.append(b.length() == 1 ? "" : ",").append('"').append(e.getKey()).append("\":").append(MotMetricsReport.of(e.getValue()).toJson());
      out.println(b.append('}'));
      return;
    }
    for (var e : byRole.entrySet()) {
      out.println("prediction: " + e.getKey());
      out.println(MotMetricsReport.of(e.getValue()).toText());
    }
  }

  /**
   * Ground truth and prediction files to score, each row named after the prediction: a file pair is
   * named after the prediction file, folders are paired by sequence name, and keyframe's batch
   * layout pairs each video's gt with every other role.
   */
  private List<BatchPairs.Pair> pairs() throws IOException {
    if (BatchPairs.isBatch(gt) && Files.isDirectory(pred)) return BatchPairs.pairs(gt, pred);
    Map<String, Path> gts = sequences(gt);
    Map<String, Path> preds = sequences(pred);
    if (gts.isEmpty()) throw new IllegalArgumentException("no ground-truth annotation files in " + gt);
    List<BatchPairs.Pair> out = new ArrayList<>();
    for (var e : gts.entrySet()) {
      boolean single = preds.size() == 1 && gts.size() == 1;
      Path p = single ? preds.values().iterator().next() : preds.get(e.getKey());
      if (p == null) throw new IllegalArgumentException("no prediction for sequence '" + e.getKey() + "' in " + pred);
      out.add(new BatchPairs.Pair(single ? stem(p) : e.getKey(), e.getValue(), p));
    }
    return out;
  }

  /** Identity metrics of detections without track IDs are not low, they are meaningless: say so. */
  private void warnWithoutIdentities(BatchPairs.Pair pair, AnnotationSet h) {
    if (h.detections().isEmpty() || h.detections().stream().anyMatch(d -> d.trackId() != io.keyframe.dataset.Detection.UNTRACKED)) return;
    spec.commandLine().getErr().printf(
        "warning: %s has no identities (every track id is -1: untracked detections), so its IDF1, ID switches, MOTA and HOTA's"
            + " association score say nothing about tracking; track it first (keyframe track --detections FILE) or score a tracker's output%n",
        pair.name());
  }

  private static TrackingResult rename(TrackingResult r, String name) {
    return new TrackingResult(name, r.clear(), r.identity(), r.hota());
  }

  private AnnotationSet read(Path file) throws IOException {
    return format == null ? AnnotationFiles.read(file) : AnnotationFiles.read(file, AnnotationFormat.parse(format));
  }

  /** Sequence name to annotation file. */
  static Map<String, Path> sequences(Path root) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    if (Files.isRegularFile(root)) {
      out.put(stem(root), root);
      return out;
    }
    if (!Files.isDirectory(root)) throw new java.nio.file.NoSuchFileException(root.toString());
    try (Stream<Path> files = Files.walk(root, 3)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String n = f.getFileName().toString();
        if (!(n.endsWith(".txt") || n.endsWith(".xml") || n.endsWith(".json"))) continue;
        if (n.equals("seqinfo.ini")) continue;
        Path parent = f.getParent();
        // MOTChallenge layout: SEQ/gt/gt.txt
        String name = n.equals("gt.txt") && parent.getParent() != null ? parent.getParent().getFileName().toString() : stem(f);
        out.putIfAbsent(name, f);
      }
    }
    return out;
  }

  private static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
