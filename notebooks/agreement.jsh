// %% [markdown]
// # Where do our annotators disagree?
//
// Every annotator's tracks are compared with every other's (and with the ground truth, `gt`, when the
// batch has one), frame by frame: objects are matched one-to-one by IoU >= 0.5, then we look at
// whether the matched pairs carry the same class (Cohen's kappa) and how well their boxes overlap.
// The numbers come from keyframe's own `io.keyframe.metrics.agreement.TrackAgreement` and
// `PercentileBootstrap` run over the `detections` table of the jobs' outputs (`DATA`); nothing here
// re-implements a metric.
//
// Run it with `./keyframe notebook agreement` after `./keyframe demo`.

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
System.out.println(det.xTabCounts("source", "video_id").setName("boxes per source and video").print());

// %% [markdown]
// ## Who is a rater?
//
// Raters are the human sources: every source that is not the ground truth, not a tracker output
// (`tracker-*`) and not an untracked detector (track id -1). The ground truth `gt`, when present, is
// compared with each rater too, which tells us who is *right*, not only who disagrees.
// Edit `RATERS` to narrow the comparison.

// %%
Set<String> untracked = new TreeSet<>(det.where(det.intColumn("track_id").isEqualTo(Detection.UNTRACKED)).stringColumn("source").unique().asList());
List<String> RATERS = det.stringColumn("source").unique().asList().stream()
    .filter(s -> !s.equals("gt") && !s.startsWith("tracker") && !untracked.contains(s)).sorted().toList();
boolean hasTruth = det.stringColumn("source").contains("gt");
List<String[]> PAIRS = new ArrayList<>();
if (hasTruth) for (String r : RATERS) PAIRS.add(new String[] {"gt", r});
for (int i = 0; i < RATERS.size(); i++) for (int j = i + 1; j < RATERS.size(); j++) PAIRS.add(new String[] {RATERS.get(i), RATERS.get(j)});
System.out.println("raters: " + RATERS + (hasTruth ? " (+ ground truth gt)" : ""));
System.out.println("pairs: " + PAIRS.stream().map(p -> p[0] + "|" + p[1]).toList());

// %% [markdown]
// ## Agreement per pair, pooled over videos
//
// For each pair and video, `TrackAgreement.of(a, b, 0.5)` matches the objects of every frame. The
// matched pairs of all videos are pooled into one two-rater table, whose Cohen's kappa gets a 95 %
// percentile-bootstrap interval (1000 replicates over matched pairs, seed 42 — the same as
// `keyframe agreement`).

// %%
var boot = PercentileBootstrap.standard();
Map<String, List<TrackAgreement>> byPair = new LinkedHashMap<>();
for (String[] p : PAIRS)
  for (var video : sets.keySet()) {
    var s = sets.get(video);
    if (s.containsKey(p[0]) && s.containsKey(p[1]))
      byPair.computeIfAbsent(p[0] + "|" + p[1], k -> new ArrayList<>()).add(TrackAgreement.of(s.get(p[0]), s.get(p[1]), 0.5));
  }

/** The matched pairs' labels of several videos as one two-rater table. */
RatingTable pooled(List<TrackAgreement> ts) {
  List<String[]> rows = new ArrayList<>();
  for (TrackAgreement t : ts) {
    RatingTable c = t.classes();
    if (c == null) continue;
    for (int i = 0; i < c.items().size(); i++)
      rows.add(new String[] {c.categories().get(c.code(i, 0)), c.categories().get(c.code(i, 1))});
  }
  return rows.isEmpty() ? null : RatingTable.fromColumns(List.of("a", "b"), rows);
}

StringColumn pairCol = StringColumn.create("pair");
IntColumn matchedCol = IntColumn.create("matched"), onlyA = IntColumn.create("only_a"), onlyB = IntColumn.create("only_b");
DoubleColumn iouCol = DoubleColumn.create("mean_iou"), kappaCol = DoubleColumn.create("kappa"), loCol = DoubleColumn.create("kappa_lo"), hiCol = DoubleColumn.create("kappa_hi");
Map<String, RatingTable> pooledTables = new LinkedHashMap<>();
for (var e : byPair.entrySet()) {
  List<TrackAgreement> ts = e.getValue();
  long m = ts.stream().mapToLong(TrackAgreement::matched).sum();
  double iouSum = ts.stream().filter(t -> t.matched() > 0).mapToDouble(t -> t.meanBoxIou() * t.matched()).sum();
  RatingTable rt = pooled(ts);
  pooledTables.put(e.getKey(), rt);
  Agreement k = rt == null ? Agreement.undefined("no matched objects") : CohenKappa.of(rt, 0, 1, Weighting.NONE);
  // Resampling builds the replicate's confusion matrix from the pairs' category codes: the same
  // kappa as CohenKappa.of on the resampled table, without copying a table per replicate.
  int nc = rt == null ? 0 : rt.categories().size();
  int[] ca = rt == null ? null : IntStream.range(0, rt.items().size()).map(i -> rt.code(i, 0)).toArray();
  int[] cb = rt == null ? null : IntStream.range(0, rt.items().size()).map(i -> rt.code(i, 1)).toArray();
  var ci = rt == null ? null : boot.interval(rt.items().size(), idx -> {
    double[][] cm = new double[nc][nc];
    for (int i : idx) cm[ca[i]][cb[i]]++;
    return CohenKappa.fromConfusion(cm, Weighting.NONE).value();
  });
  pairCol.append(e.getKey());
  matchedCol.append((int) m);
  onlyA.append((int) ts.stream().mapToLong(TrackAgreement::unmatchedA).sum());
  onlyB.append((int) ts.stream().mapToLong(TrackAgreement::unmatchedB).sum());
  iouCol.append(m == 0 ? Double.NaN : iouSum / m);
  kappaCol.append(k.isDefined() ? k.value() : Double.NaN);
  loCol.append(ci != null && ci.isDefined() ? ci.low() : Double.NaN);
  hiCol.append(ci != null && ci.isDefined() ? ci.high() : Double.NaN);
}
Table pairs = Table.create("agreement per pair (all videos)", pairCol, matchedCol, onlyA, onlyB, iouCol, kappaCol, loCol, hiCol);
System.out.println(NotebookKit.rounded(pairs.sortAscendingOn("kappa")).print());

// %%
// Kappa per pair: the dot is the estimate, the bar its 95 % bootstrap interval.
var ciData = new DefaultIntervalCategoryDataset(new Comparable[] {"95% CI"}, pairs.stringColumn("pair").asList().toArray(new Comparable[0]),
    new Number[][] {Arrays.stream(loCol.asDoubleArray()).boxed().toArray(Number[]::new)},
    new Number[][] {Arrays.stream(hiCol.asDoubleArray()).boxed().toArray(Number[]::new)});
var points = new DefaultCategoryDataset();
for (int r = 0; r < pairs.rowCount(); r++) points.addValue(kappaCol.get(r), "kappa", pairCol.get(r));
var kappaPlot = new CategoryPlot(ciData, new CategoryAxis("rater pair"), new NumberAxis("Cohen's kappa (class of matched objects)"), new IntervalBarRenderer());
var dots = new LineAndShapeRenderer(false, true);
kappaPlot.setDataset(1, points);
kappaPlot.setRenderer(1, dots);
kappaPlot.setBackgroundPaint(Color.WHITE);
kappaPlot.setRangeGridlinePaint(Color.LIGHT_GRAY);
NotebookKit.save(new JFreeChart("Class agreement per rater pair", kappaPlot), OUT.resolve("kappa-by-pair.png"), 900, 420);

// %% [markdown]
// ## Agreement per class
//
// Per pair and class (the class the first rater gave), over the first rater's objects of that class:
// the share of their frames in which the other rater has a matching box, and the mean IoU of those
// matches, each with a 95 % bootstrap interval over objects (an object is the unit that is drawn
// and re-drawn, so the interval reflects object-to-object spread).

// %%
StringColumn cPair = StringColumn.create("pair"), cLabel = StringColumn.create("label");
IntColumn cObjects = IntColumn.create("objects");
DoubleColumn cRate = DoubleColumn.create("match_rate"), cRateLo = DoubleColumn.create("rate_lo"), cRateHi = DoubleColumn.create("rate_hi");
DoubleColumn cIou = DoubleColumn.create("mean_iou"), cIouLo = DoubleColumn.create("iou_lo"), cIouHi = DoubleColumn.create("iou_hi");
for (var e : byPair.entrySet()) {
  Map<String, List<TrackAgreement.ObjectAgreement>> objs = new TreeMap<>();
  for (TrackAgreement t : e.getValue()) for (var o : t.perObject()) objs.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(o);
  for (var c : objs.entrySet()) {
    List<TrackAgreement.ObjectAgreement> os = c.getValue();
    java.util.function.ToDoubleFunction<int[]> rate = idx -> {
      double f = 0, m = 0;
      for (int i : idx) { f += os.get(i).frames(); m += os.get(i).matchedFrames(); }
      return f == 0 ? Double.NaN : m / f;
    };
    java.util.function.ToDoubleFunction<int[]> iou = idx -> {
      double m = 0, s = 0;
      for (int i : idx) if (os.get(i).matchedFrames() > 0) { m += os.get(i).matchedFrames(); s += os.get(i).meanIou() * os.get(i).matchedFrames(); }
      return m == 0 ? Double.NaN : s / m;
    };
    int[] all = IntStream.range(0, os.size()).toArray();
    var rci = boot.interval(os.size(), rate);
    var ici = boot.interval(os.size(), iou);
    cPair.append(e.getKey()); cLabel.append(c.getKey()); cObjects.append(os.size());
    cRate.append(rate.applyAsDouble(all)); cRateLo.append(rci.isDefined() ? rci.low() : Double.NaN); cRateHi.append(rci.isDefined() ? rci.high() : Double.NaN);
    cIou.append(iou.applyAsDouble(all)); cIouLo.append(ici.isDefined() ? ici.low() : Double.NaN); cIouHi.append(ici.isDefined() ? ici.high() : Double.NaN);
  }
}
Table perClass = Table.create("agreement per pair and class", cPair, cLabel, cObjects, cRate, cRateLo, cRateHi, cIou, cIouLo, cIouHi);
System.out.println(NotebookKit.rounded(perClass.sortAscendingOn("match_rate")).printAll());

// %%
// Match rate by class: one bar per pair, so a class every pair struggles with stands out.
var rateData = new DefaultCategoryDataset();
for (int r = 0; r < perClass.rowCount(); r++) rateData.addValue(cRate.get(r), cPair.get(r), cLabel.get(r));
var rateChart = ChartFactory.createBarChart("Share of an object's frames the other rater also boxed", "class", "match rate", rateData);
NotebookKit.save(rateChart, OUT.resolve("match-rate-by-class.png"), 1000, 460);

// %% [markdown]
// ## Confusion matrix of the least agreeing pair
//
// Rows: the first rater's class; columns: the second rater's class, over matched objects of all
// videos. Off-diagonal cells are the class mix-ups worth a labelling-guide note.

// %%
String worst = pairs.where(pairs.doubleColumn("kappa").isNotMissing()).sortAscendingOn("kappa").stringColumn("pair").get(0);
RatingTable wt = pooledTables.get(worst);
StringColumn la = StringColumn.create("label_a"), lb = StringColumn.create("label_b");
for (int i = 0; i < wt.items().size(); i++) { la.append(wt.categories().get(wt.code(i, 0))); lb.append(wt.categories().get(wt.code(i, 1))); }
Table confusion = Table.create("confusion " + worst, la, lb).xTabCounts("label_a", "label_b");
System.out.println("least agreeing pair: " + worst);
System.out.println(confusion.setName("confusion " + worst + " (rows: " + worst.split("\\|")[0] + ")").printAll());

// %%
// The off-diagonal cells as bars: which class was taken for which.
var confusionData = new DefaultCategoryDataset();
for (int i = 0; i < wt.items().size(); i++) {
  String a = la.get(i), b = lb.get(i);
  if (a.equals(b)) continue;
  Number old = confusionData.getRowKeys().contains(b) && confusionData.getColumnKeys().contains(a) ? confusionData.getValue(b, a) : null;
  confusionData.setValue((old == null ? 0 : old.intValue()) + 1, b, a);
}
if (confusionData.getRowCount() == 0) confusionData.setValue(0, "no mix-ups", "-");
var mixChart = ChartFactory.createStackedBarChart("Class mix-ups of " + worst + " (bar: first rater's class, colour: second's)", "class by " + worst.split("\\|")[0], "matched object-frames", confusionData);
NotebookKit.save(mixChart, OUT.resolve("confusion-worst-pair.png"), 1000, 460);

// %% [markdown]
// ## The frames behind the worst pair
//
// The frames where the least agreeing pair disagrees most: objects only one of them boxed, then the
// lowest mean IoU. These are the frames to open in CVAT first (frame numbers are 0-based, as
// CVAT's player shows them).

// %%
StringColumn fVideo = StringColumn.create("video_id");
IntColumn fFrame = IntColumn.create("frame"), fMatched = IntColumn.create("matched"), fOnly = IntColumn.create("only_one_rater");
DoubleColumn fIou = DoubleColumn.create("mean_iou");
String[] wp = worst.split("\\|");
for (var video : sets.keySet()) {
  var s = sets.get(video);
  if (!s.containsKey(wp[0]) || !s.containsKey(wp[1])) continue;
  for (var f : TrackAgreement.of(s.get(wp[0]), s.get(wp[1]), 0.5).perFrame()) {
    fVideo.append(video); fFrame.append(f.frame()); fMatched.append(f.matched());
    fOnly.append(f.unmatchedA() + f.unmatchedB()); fIou.append(f.meanIou());
  }
}
Table frames = Table.create("frames of " + worst, fVideo, fFrame, fMatched, fOnly, fIou);
Table worstFrames = frames.sortOn("-only_one_rater", "mean_iou").first(12);
System.out.println(NotebookKit.rounded(worstFrames).setName("12 frames where " + worst + " disagree most").print());

// %%
// Which objects are disputed in the top frame: each rater's boxes there.
String topVideo = worstFrames.stringColumn("video_id").get(0);
int topFrame = worstFrames.intColumn("frame").get(0);
Table there = det.where(det.stringColumn("video_id").isEqualTo(topVideo).and(det.intColumn("frame").isEqualTo(topFrame))
    .and(det.stringColumn("source").isIn(wp[0], wp[1])));
System.out.println(NotebookKit.rounded(there.selectColumns("source", "track_id", "label", "x", "y", "w", "h", "occluded").sortOn("source", "track_id")
    .setName(topVideo + " frame " + topFrame)).printAll());

// %%
// Objects only one rater boxed, frame by frame, per video: bursts point at occlusions or at a rater
// skipping a stretch.
var series = new org.jfree.data.xy.XYSeriesCollection();
for (String video : new TreeSet<>(fVideo.asList())) {
  var xy = new org.jfree.data.xy.XYSeries(video);
  Table v = frames.where(frames.stringColumn("video_id").isEqualTo(video));
  for (int r = 0; r < v.rowCount(); r++) xy.add(v.intColumn("frame").get(r), v.intColumn("only_one_rater").get(r));
  series.addSeries(xy);
}
NotebookKit.save(ChartFactory.createXYLineChart("Objects boxed by only one of " + worst, "frame", "objects", series), OUT.resolve("unmatched-timeline.png"), 1000, 380);
