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
    Map<String, Path> gts = sequences(gt);
    Map<String, Path> preds = sequences(pred);
    if (gts.isEmpty()) throw new IllegalArgumentException("no ground-truth annotation files in " + gt);
    List<TrackingResult> rows = new ArrayList<>();
    TrackingEvaluation eval = TrackingEvaluation.standard();
    for (var e : gts.entrySet()) {
      Path p = preds.size() == 1 && gts.size() == 1 ? preds.values().iterator().next() : preds.get(e.getKey());
      if (p == null) throw new IllegalArgumentException("no prediction for sequence '" + e.getKey() + "' in " + pred);
      AnnotationSet g = read(e.getValue());
      AnnotationSet h = read(p);
      rows.add(rename(eval.evaluate(g, h), e.getKey()));
    }
    MotMetricsReport report = MotMetricsReport.of(rows);
    spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
    return 0;
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
