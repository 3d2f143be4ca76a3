package io.keyframe.cli;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.files.BatchLayout;
import io.keyframe.dataset.mot.MotLayout;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotReader;
import io.keyframe.metrics.motchallenge.EvaluationProtocol;
import io.keyframe.metrics.motchallenge.MotChallengeBenchmark;
import io.keyframe.metrics.motchallenge.MotChallengeClasses;
import io.keyframe.metrics.motchallenge.MotChallengeProtocol;
import io.keyframe.metrics.report.MotMetricsReport;
import io.keyframe.metrics.tracking.ScopeCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * CLEAR-MOT, identity and HOTA table for predictions against ground truth, under a named protocol
 * (which rows are scored, by whose rules): TrackEval's MOTChallenge protocol when the ground truth
 * carries MOTChallenge class/visibility columns, py-motmetrics' MOTChallenge app for other MOT text
 * files, every row otherwise. Directories are paired by sequence name (file name without extension,
 * or the folder holding {@code gt/gt.txt} in the MOTChallenge layout).
 */
@Command(
    name = "mot-metrics",
    mixinStandardHelpOptions = true,
    description = {
      "CLEAR-MOT, IDF1 and HOTA of predictions vs ground truth.",
      "Protocols: motchallenge (TrackEval's MOTChallenge evaluation: zero-marked gt rows dropped, only the",
      "evaluated classes scored, predictions matched to distractor classes removed; TrackEval's CLEAR),",
      "py-motmetrics (py-motmetrics' eval_motchallenge: gt rows with confidence < 1 dropped; py-motmetrics'",
      "CLEAR and names), all-rows (every row, py-motmetrics' rules). The protocol used is printed first."
    })
public final class MotMetricsCommand extends KeyframeCommand {
  @Option(names = "--gt", required = true, description = "Ground-truth file or folder.")
  Path gt;

  @Option(names = "--pred", required = true, description = "Prediction file or folder.")
  Path pred;

  @Option(names = "--format", description = "mot, cvat or coco (default: detected per file).")
  String format;

  @Option(
      names = "--protocol",
      paramLabel = "NAME",
      description =
          "motchallenge, py-motmetrics or all-rows (default: motchallenge when the gt has MOTChallenge"
              + " class/visibility columns, py-motmetrics for other MOT files, all-rows for other formats).")
  String protocol;

  @Option(
      names = "--classes",
      split = ",",
      paramLabel = "CLASS",
      description =
          "Classes the motchallenge protocol scores, one result each (default: pedestrian).")
  List<String> classes;

  @Option(
      names = "--benchmark",
      paramLabel = "MOTnn",
      description =
          "MOT15, MOT16, MOT17 or MOT20 rules for the motchallenge protocol (default: from the"
              + " sequence name; MOT15 when the gt has no classes).")
  String benchmark;

  @Option(
      names = "--mot-layout",
      paramLabel = "LAYOUT",
      description =
          "Columns 8-10 of MOT files: mot15 (world coordinates) or mot16 (class, visibility); default detected.")
  String motLayout;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Class list for MOT files, one name per line, class id k = line k (default: gt/labels.txt beside the file).")
  Path labels;

  @Option(names = "--json", description = "Print JSON with py-motmetrics' metric names.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<BatchPairs.Pair> pairs = pairs();
    MotOptions mot = MotOptions.defaults();
    if (motLayout != null) mot = mot.withLayout(MotLayout.parse(motLayout));
    if (labels != null) mot = mot.withClasses(MotReader.readLabels(labels));
    EvaluationProtocol forced = protocol == null ? null : EvaluationProtocol.parse(protocol);
    List<ScopeCounts> rows = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    Map<String, String> layouts = new LinkedHashMap<>();
    Set<String> used = new LinkedHashSet<>();
    Set<EvaluationProtocol> protocols = new LinkedHashSet<>();
    for (BatchPairs.Pair pair : pairs) {
      AnnotationFormat gf = formatOf(pair.gt());
      AnnotationFormat pf = formatOf(pair.pred());
      // The reader finds each MOT file's layout in the pass that reads it, and is asked for it
      // afterwards (it remembers, so nothing is read twice).
      AnnotationSet g = AnnotationFiles.readWith(pair.gt(), gf, mot);
      AnnotationSet h = AnnotationFiles.readWith(pair.pred(), pf, mot);
      MotLayout gl = gf == AnnotationFormat.MOT ? layoutOf(pair.gt()) : null;
      MotLayout pl = pf == AnnotationFormat.MOT ? layoutOf(pair.pred()) : null;
      warnWithoutIdentities(pair, h);
      if (gl != null) layouts.put(pair.name() + " gt", describeLayout(gl));
      if (pl != null) layouts.put(pair.name() + " pred", describeLayout(pl));
      EvaluationProtocol chosen =
          forced != null ? forced : EvaluationProtocol.defaultFor(g, h, gf == AnnotationFormat.MOT);
      // keyframe's own batch folders (meta.json beside the files) number their own classes from 1
      // with a visibility column, which reads like MOTChallenge ground truth: they are not.
      if (forced == null
          && chosen == EvaluationProtocol.MOTCHALLENGE
          && BatchLayout.videoOfFolder(pair.gt()).isPresent())
        chosen =
            gf == AnnotationFormat.MOT
                ? EvaluationProtocol.PY_MOTMETRICS
                : EvaluationProtocol.ALL_ROWS;
      MotChallengeProtocol challenge = null;
      String description = chosen.cliName();
      if (chosen == EvaluationProtocol.MOTCHALLENGE) {
        MotChallengeBenchmark b =
            benchmark != null
                ? MotChallengeBenchmark.parse(benchmark)
                : MotChallengeBenchmark.guess(
                    pair.name(), MotChallengeClasses.carriedBy(g.detections()));
        challenge =
            new MotChallengeProtocol(
                b, classes == null || classes.isEmpty() ? List.of("pedestrian") : classes);
        description +=
            " (TrackEval's MOTChallenge rules, "
                + b
                + ", classes "
                + String.join(",", challenge.classes())
                + "; TrackEval's CLEAR: MOTP = mean IoU)";
      } else if (chosen == EvaluationProtocol.PY_MOTMETRICS) {
        description += " (py-motmetrics' eval_motchallenge: gt rows with confidence < 1 dropped)";
      } else {
        description += " (every row scored, py-motmetrics' rules)";
      }
      used.add(description);
      protocols.add(chosen);
      // In the batch layout a pair is "video/role": one table per role.
      String role =
          pair.name().contains("/") ? pair.name().substring(pair.name().lastIndexOf('/') + 1) : "";
      for (ScopeCounts r : chosen.evaluate(g, h, challenge)) {
        rows.add(rename(r, pair.name(), g.video().id()));
        roles.add(role);
      }
    }
    if (protocols.size() > 1
        && rows.size() > 1
        && (protocols.contains(EvaluationProtocol.MOTCHALLENGE)))
      throw new IllegalArgumentException(
          "the sequences need different protocols ("
              + String.join("; ", used)
              + ") and their counts do not add up; choose one with --protocol");
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("protocol", String.join("; ", used));
    if (!layouts.isEmpty()) about.put("mot_layout", layouts);
    print(roles, rows, about, layouts);
    return 0;
  }

  /**
   * One table, or in the batch layout one per prediction role (its videos and their OVERALL): an
   * OVERALL over annotators and a model together would describe nobody.
   */
  private void print(
      List<String> roles,
      List<ScopeCounts> rows,
      Map<String, Object> about,
      Map<String, String> layouts) {
    Map<String, List<ScopeCounts>> byRole = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++)
      byRole.computeIfAbsent(roles.get(i), k -> new ArrayList<>()).add(rows.get(i));
    var out = stdout();
    if (json) {
      if (byRole.size() <= 1) {
        out.println(MotMetricsReport.of(rows).toJson(about));
        return;
      }
      StringBuilder b = new StringBuilder("{");
      for (var e : byRole.entrySet())
        b.append(b.length() == 1 ? "" : ",")
            .append('"')
            .append(e.getKey())
            .append("\":")
            .append(MotMetricsReport.of(e.getValue()).toJson(about));
      out.println(b.append('}'));
      return;
    }
    out.println("protocol    " + about.get("protocol"));
    if (!layouts.isEmpty()) out.println("mot layout  " + describe(layouts));
    if (byRole.size() <= 1) {
      out.println(MotMetricsReport.of(rows).toText());
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
    if (gts.isEmpty())
      throw new IllegalArgumentException("no ground-truth annotation files in " + gt);
    List<BatchPairs.Pair> out = new ArrayList<>();
    for (var e : gts.entrySet()) {
      boolean single = preds.size() == 1 && gts.size() == 1;
      Path p = single ? preds.values().iterator().next() : preds.get(e.getKey());
      if (p == null)
        throw new IllegalArgumentException(
            "no prediction for sequence '" + e.getKey() + "' in " + pred);
      out.add(new BatchPairs.Pair(single ? stem(p) : e.getKey(), e.getValue(), p));
    }
    return out;
  }

  /** Identity metrics of detections without track IDs are not low, they are meaningless: say so. */
  private void warnWithoutIdentities(BatchPairs.Pair pair, AnnotationSet h) {
    if (h.detections().isEmpty()
        || h.detections().stream()
            .anyMatch(d -> d.trackId() != io.keyframe.dataset.Detection.UNTRACKED)) return;
    stderr()
        .printf(
            "warning: %s has no identities (every track id is -1: untracked detections), so its IDF1, ID switches, MOTA and HOTA's"
                + " association score say nothing about tracking; track it first (keyframe track --detections FILE) or score a tracker's output%n",
            pair.name());
  }

  private static String describe(Map<String, String> layouts) {
    Set<String> distinct = new LinkedHashSet<>(layouts.values());
    if (distinct.size() == 1) return distinct.iterator().next() + " (all files)";
    List<String> parts = new ArrayList<>();
    layouts.forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }

  /** The layout a MOT file was read with: {@code --mot-layout}, else the one its read detected. */
  private MotLayout layoutOf(Path file) throws IOException {
    if (motLayout != null) return MotLayout.parse(motLayout);
    return MotReader.layout(file);
  }

  private String describeLayout(MotLayout l) {
    return l.cliName() + (motLayout != null ? " (--mot-layout)" : " (detected)");
  }

  /** Results keep the sequence's name; a per-class result keeps its class suffix. */
  private static ScopeCounts rename(ScopeCounts r, String sequence, String videoId) {
    String name =
        r.name().startsWith(videoId + "/")
            ? sequence + r.name().substring(videoId.length())
            : sequence;
    return new ScopeCounts(name, r.counts());
  }

  private AnnotationFormat formatOf(Path file) throws IOException {
    return format == null ? AnnotationFiles.detect(file) : AnnotationFormat.parse(format);
  }

  /** Sequence name to annotation file. */
  static Map<String, Path> sequences(Path root) throws IOException {
    Map<String, Path> out = new TreeMap<>();
    if (Files.isRegularFile(root)) {
      out.put(sequenceName(root), root);
      return out;
    }
    if (!Files.isDirectory(root)) throw new java.nio.file.NoSuchFileException(root.toString());
    try (Stream<Path> files = Files.walk(root, 3)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String n = f.getFileName().toString();
        if (!(n.endsWith(".txt") || n.endsWith(".xml") || n.endsWith(".json"))) continue;
        Path parent = f.getParent();
        String folder = parent.getFileName() == null ? "" : parent.getFileName().toString();
        // A MOTChallenge sequence folder: SEQ/gt/gt.txt; its gt/labels.txt and det/det.txt are not
        // sequences.
        if (n.equals("labels.txt") || (n.equals("det.txt") && folder.equals("det"))) continue;
        out.putIfAbsent(sequenceName(f), f);
      }
    }
    return out;
  }

  /** MOTChallenge layout SEQ/gt/gt.txt: SEQ; otherwise the file name without extension. */
  private static String sequenceName(Path f) {
    Path parent = f.toAbsolutePath().getParent();
    if (f.getFileName().toString().equals("gt.txt")
        && parent != null
        && parent.getFileName() != null
        && parent.getFileName().toString().equals("gt")
        && parent.getParent() != null
        && parent.getParent().getFileName() != null)
      return parent.getParent().getFileName().toString();
    return stem(f);
  }

  /** The row's name: who wrote the file, as the batch layout names sources ({@code dr.lee}). */
  private static String stem(Path f) {
    return BatchLayout.sourceOf(f.getFileName().toString());
  }
}
