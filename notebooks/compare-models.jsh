// %% [markdown]
// # Did the new model iteration help?
//
// Two tracker outputs of the same videos — iteration **A** and iteration **B** (in `./keyframe demo`:
// `tracker-a`, the fallback tracker alone, and `tracker-b`, the same re-initialised from human
// keyframes) — scored against the ground truth `gt`, class by class. The scores are keyframe's own
// `TrackingEvaluation` (CLEAR-MOT and IDF1 with py-motmetrics' rules, HOTA as TrackEval), computed per
// video and class and summed over videos with `TrackingEvaluation.combine`. When the `compare` job
// ran, its table (with bootstrap intervals) is shown too.

// %% [markdown]
// ## Setup
//
// Imports, and `NotebookKit` (report-server) for what every notebook shares: `newestPerSource` (a
// table's rows from every complete run, each source's newest), `annotationSets` (detections rows back
// into keyframe's `AnnotationSet`s per video and source), `rounded` (print three decimals) and `save`
// (a chart as PNG). The analysis starts below.
// %%
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.metrics.agreement.Agreement;
import io.keyframe.metrics.agreement.CohenKappa;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.agreement.TrackAgreement;
import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.bootstrap.PercentileBootstrap;
import io.keyframe.metrics.occlusion.OcclusionAwareErrors;
import io.keyframe.metrics.sequence.TrackingSequence;
import io.keyframe.metrics.tracking.TrackingEvaluation;
import io.keyframe.metrics.tracking.ScopeCounts;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.data.ParquetTableReader;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.notebook.NotebookKit;
import io.keyframe.dataset.contract.TableDef;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

var report = ReportData.load(DATA);

Table det = NotebookKit.newestPerSource(DATA, report, "detections", "source");
var sets = NotebookKit.annotationSets(det, report.videos());
Table cmp = report.table("compare");
List<String> trackers = det.stringColumn("source").unique().asList().stream().filter(s -> s.startsWith("tracker")).sorted().toList();
String A = !cmp.isEmpty() ? cmp.stringColumn("model_a").get(0) : trackers.get(0);
String B = !cmp.isEmpty() ? cmp.stringColumn("model_b").get(0) : trackers.get(trackers.size() - 1);
System.out.println("iteration A = " + A + ", iteration B = " + B + ", reference = gt, videos = " + sets.keySet());
System.out.println(report.table("runs").selectColumns("run_id", "job", "tracker_path", "code_version").setName("runs (newest first)").print());

// %% [markdown]
// ## Per-class scores and deltas
//
// One row per class plus `__all__` (classes ignored, as py-motmetrics does). `d_` columns are B − A:
// positive HOTA/IDF1/MOTA deltas and negative ID-switch deltas mean B is better.

// %%
var eval = TrackingEvaluation.standard();
Map<String, List<ScopeCounts>> perClassA = new TreeMap<>(), perClassB = new TreeMap<>();
for (var video : sets.keySet()) {
  var s = sets.get(video);
  if (!s.containsKey("gt") || !s.containsKey(A) || !s.containsKey(B)) continue;
  for (var r : eval.perClass(s.get("gt"), s.get(A))) perClassA.computeIfAbsent(r.name().substring(video.length() + 1), k -> new ArrayList<>()).add(r);
  for (var r : eval.perClass(s.get("gt"), s.get(B))) perClassB.computeIfAbsent(r.name().substring(video.length() + 1), k -> new ArrayList<>()).add(r);
  perClassA.computeIfAbsent("__all__", k -> new ArrayList<>()).add(eval.evaluate(s.get("gt"), s.get(A)));
  perClassB.computeIfAbsent("__all__", k -> new ArrayList<>()).add(eval.evaluate(s.get("gt"), s.get(B)));
}
StringColumn label = StringColumn.create("label");
DoubleColumn hotaA = DoubleColumn.create("hota_a"), hotaB = DoubleColumn.create("hota_b"), dHota = DoubleColumn.create("d_hota");
DoubleColumn idf1A = DoubleColumn.create("idf1_a"), idf1B = DoubleColumn.create("idf1_b"), dIdf1 = DoubleColumn.create("d_idf1");
DoubleColumn motaA = DoubleColumn.create("mota_a"), motaB = DoubleColumn.create("mota_b"), dMota = DoubleColumn.create("d_mota");
IntColumn swA = IntColumn.create("idsw_a"), swB = IntColumn.create("idsw_b"), dSw = IntColumn.create("d_idsw");
for (String c : perClassA.keySet()) {
  if (!perClassB.containsKey(c)) continue;
  ScopeCounts a = TrackingEvaluation.combine(perClassA.get(c), c), b = TrackingEvaluation.combine(perClassB.get(c), c);
  label.append(c);
  hotaA.append(a.hota().hota()); hotaB.append(b.hota().hota()); dHota.append(b.hota().hota() - a.hota().hota());
  idf1A.append(a.identity().idf1()); idf1B.append(b.identity().idf1()); dIdf1.append(b.identity().idf1() - a.identity().idf1());
  motaA.append(a.clear().mota()); motaB.append(b.clear().mota()); dMota.append(b.clear().mota() - a.clear().mota());
  swA.append((int) a.clear().switches()); swB.append((int) b.clear().switches()); dSw.append((int) (b.clear().switches() - a.clear().switches()));
}
Table deltas = Table.create("per-class scores, " + A + " (a) vs " + B + " (b)", label, hotaA, hotaB, dHota, idf1A, idf1B, dIdf1, motaA, motaB, dMota, swA, swB, dSw);
System.out.println(NotebookKit.rounded(deltas.sortDescendingOn("d_hota")).printAll());

// %%
// The deltas as bars: what B changed, class by class.
var deltaData = new DefaultCategoryDataset();
for (int r = 0; r < deltas.rowCount(); r++) {
  deltaData.addValue(dHota.get(r), "Δ HOTA", label.get(r));
  deltaData.addValue(dIdf1.get(r), "Δ IDF1", label.get(r));
}
var deltaChart = ChartFactory.createBarChart("Per-class change, " + B + " − " + A, "class", "delta (B − A)", deltaData);
NotebookKit.save(deltaChart, OUT.resolve("per-class-deltas.png"), 1000, 480);

// %% [markdown]
// ## What the compare job reported
//
// The `compare` table (written by the compare job of `./keyframe demo`) carries the same kind of
// deltas with bootstrap confidence intervals; a delta whose interval excludes 0 is a real change.
// Shown for HOTA, IDF1 and MOTA (the table has more metrics).
// Empty when the job did not run on these outputs.

// %%
Table jobDeltas = cmp.where(cmp.stringColumn("video_id").isEqualTo("__all__").and(cmp.stringColumn("metric").isIn("hota", "idf1", "mota")))
    .sortOn("metric", "-delta");
System.out.println(jobDeltas.isEmpty() ? "no compare job output under " + DATA.getFileName()
    : NotebookKit.rounded(jobDeltas.selectColumns("label", "metric", "value_a", "value_b", "delta", "ci_lo", "ci_hi")).setName("compare job, all videos").printAll());

// %% [markdown]
// ## The frames that changed
//
// Frame by frame and video by video: how many ground-truth objects each iteration matched
// (`TrackAgreement` at IoU 0.5) and how many identity errors it made there (ID switches and
// fragmentations from the CLEAR-MOT accumulator, via `OcclusionAwareErrors`). The frames where the two
// iterations differ most are the ones to look at.

// %%
StringColumn vCol = StringColumn.create("video_id");
IntColumn fCol = IntColumn.create("frame"), mA = IntColumn.create("matched_a"), mB = IntColumn.create("matched_b");
IntColumn eA = IntColumn.create("id_errors_a"), eB = IntColumn.create("id_errors_b"), change = IntColumn.create("change");
Map<String, int[][]> cumulative = new TreeMap<>();
for (var video : sets.keySet()) {
  var s = sets.get(video);
  if (!s.containsKey("gt") || !s.containsKey(A) || !s.containsKey(B)) continue;
  var gt = s.get("gt");
  int n = gt.video().frameCount();
  int[][] counts = new int[4][n];
  String[] names = {A, B};
  for (int k = 0; k < 2; k++) {
    for (var f : TrackAgreement.of(gt, s.get(names[k]), 0.5).perFrame()) if (f.frame() < n) counts[k][f.frame()] = f.matched();
    var seq = TrackingSequence.of(gt, s.get(names[k]), TrackingSequence.Similarity.BOX_IOU, d -> true);
    for (var e : OcclusionAwareErrors.of(seq, 0.5, List.of(), 0).errors()) if (e.frame() < n) counts[2 + k][e.frame()]++;
  }
  cumulative.put(video, counts);
  for (int f = 0; f < n; f++) {
    int c = Math.abs(counts[1][f] - counts[0][f]) + Math.abs(counts[3][f] - counts[2][f]);
    if (c == 0) continue;
    vCol.append(video); fCol.append(f); mA.append(counts[0][f]); mB.append(counts[1][f]); eA.append(counts[2][f]); eB.append(counts[3][f]); change.append(c);
  }
}
Table changed = Table.create("frames where " + A + " and " + B + " differ", vCol, fCol, mA, mB, eA, eB, change);
System.out.println(changed.rowCount() + " frames differ; the 15 that differ most:");
System.out.println(changed.sortOn("-change", "video_id", "frame").first(15).print());

// %%
// Identity errors piling up over each video: the gap between the lines is what B saved (or cost).
var lines = new org.jfree.data.xy.XYSeriesCollection();
cumulative.forEach((video, counts) -> {
  for (int k = 0; k < 2; k++) {
    var xy = new org.jfree.data.xy.XYSeries(video + " " + (k == 0 ? A : B));
    int sum = 0;
    for (int f = 0; f < counts[2 + k].length; f++) { sum += counts[2 + k][f]; xy.add(f, sum); }
    lines.addSeries(xy);
  }
});
NotebookKit.save(ChartFactory.createXYLineChart("Cumulative ID switches + fragmentations", "frame", "identity errors so far", lines), OUT.resolve("cumulative-id-errors.png"), 1000, 420);

// %%
// The compare job's own frame list (largest disagreement first), when it ran.
Table jobFrames = report.table("compare_frames");
System.out.println(jobFrames.isEmpty() ? "no compare_frames output" : NotebookKit.rounded(jobFrames.sortDescendingOn("disagreement").first(10).selectColumns("video_id", "frame", "model_a", "model_b", "disagreement", "detail")).setName("compare_frames").print());
