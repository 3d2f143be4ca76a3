// %% [markdown]
// # Occlusion and identity
//
// Clinical rooms are full of occluders: a nurse walks between the camera and an IV pole, a cart parks
// in front of the monitor. Trackers tend to lose an object's identity exactly then. This notebook
// counts ID switches and fragmentations and splits them by whether they happen during an occlusion
// of that object or within `WINDOW` frames after it (keyframe's `OcclusionAwareErrors`, CLEAR-MOT
// events with py-motmetrics' rules), for tracker outputs **without** keyframe re-initialisation
// (`tracker-a` in `./keyframe demo`) and **with** it (`tracker-b`: re-initialised from human keyframes).
// The occlusions are the ground truth's (`occlusion_events`, source `gt`).

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
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.metrics.occlusion.OcclusionEvents;
import io.keyframe.tracker.TrackingOptions;
import io.keyframe.tracker.TrackingRun;
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
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

var report = ReportData.load(DATA);

Table det = NotebookKit.newestPerSource(DATA, report, "detections", "source");
var sets = NotebookKit.annotationSets(det, report.videos());
Table occ = NotebookKit.newestPerSource(DATA, report, "occlusion_events", "source");
List<String> variants = det.stringColumn("source").unique().asList().stream().filter(s -> s.startsWith("tracker")).sorted().toList();
int WINDOW = 15; // one second at the generator's 15 fps

/** The ground truth's occlusion events of a video: the job's table, else derived from the truth's occluded/outside flags. */
List<OcclusionEvent> truthEvents(String video) {
  Table t = occ.where(occ.stringColumn("video_id").isEqualTo(video).and(occ.stringColumn("source").isEqualTo("gt")));
  if (t.isEmpty()) return OcclusionEvents.fromFlags(sets.get(video).get("gt"));
  List<OcclusionEvent> out = new ArrayList<>();
  for (int r = 0; r < t.rowCount(); r++)
    out.add(new OcclusionEvent(t.intColumn("track_id").get(r), t.intColumn("start_frame").get(r), t.intColumn("end_frame").get(r),
        t.stringColumn("cause").get(r), t.booleanColumn("full").get(r)));
  return out;
}
Map<String, List<OcclusionEvent>> events = new TreeMap<>();
for (String video : sets.keySet()) if (sets.get(video).containsKey("gt")) events.put(video, truthEvents(video));
System.out.println("tracker outputs: " + variants);
Table gtOcc = occ.where(occ.stringColumn("source").isEqualTo("gt"));
System.out.println(gtOcc.xTabCounts("cause", "video_id").setName("ground-truth occlusion events by cause").print());

// %% [markdown]
// ## Identity errors near occlusions, with and without re-initialisation
//
// The ground truth in `detections` keeps the boxes of objects while they are fully hidden (the
// Parquet contract has no visibility column), so a tracker that rightly drops a hidden object is
// charged misses there, and a fragmentation when it picks the object up again: fragmentation counts
// are high and concentrated near occlusions by construction. ID switches are the cleaner signal.

// %%
Map<String, List<OcclusionAwareErrors>> errs = new LinkedHashMap<>();
for (String v : variants)
  for (String video : events.keySet()) {
    var s = sets.get(video);
    if (!s.containsKey(v)) continue;
    var seq = TrackingSequence.of(s.get("gt"), s.get(v), TrackingSequence.Similarity.BOX_IOU, d -> true);
    errs.computeIfAbsent(v, k -> new ArrayList<>()).add(OcclusionAwareErrors.of(seq, 0.5, events.get(video), WINDOW));
  }

Table summary(Map<String, List<OcclusionAwareErrors>> byVariant, String title) {
  StringColumn name = StringColumn.create("variant");
  IntColumn sw = IntColumn.create("id_switches"), swNear = IntColumn.create("switches_near_occl"), fr = IntColumn.create("fragmentations"),
      frNear = IntColumn.create("frags_near_occl");
  DoubleColumn share = DoubleColumn.create("share_near_occl");
  byVariant.forEach((v, list) -> {
    long a = 0, b = 0, c = 0, d = 0;
    for (var e : list) { a += e.switches(); b += e.switchesNearOcclusion(); c += e.fragmentations(); d += e.fragmentationsNearOcclusion(); }
    name.append(v); sw.append((int) a); swNear.append((int) b); fr.append((int) c); frNear.append((int) d);
    share.append(a + c == 0 ? Double.NaN : (b + d) / (double) (a + c));
  });
  return NotebookKit.rounded(Table.create(title, name, sw, swNear, fr, frNear, share));
}
Table errTable = summary(errs, "identity errors, all videos (near = during an occlusion or " + WINDOW + " frames after)");
System.out.println(errTable.print());

// %%
var bars = new DefaultCategoryDataset();
for (int r = 0; r < errTable.rowCount(); r++) {
  String v = errTable.stringColumn("variant").get(r);
  bars.addValue(errTable.intColumn("switches_near_occl").get(r), "ID switches near occlusion", v);
  bars.addValue(errTable.intColumn("id_switches").get(r) - errTable.intColumn("switches_near_occl").get(r), "ID switches elsewhere", v);
  bars.addValue(errTable.intColumn("frags_near_occl").get(r), "fragmentations near occlusion", v);
  bars.addValue(errTable.intColumn("fragmentations").get(r) - errTable.intColumn("frags_near_occl").get(r), "fragmentations elsewhere", v);
}
NotebookKit.save(ChartFactory.createBarChart("Identity errors by tracker output", "tracker output", "errors (all videos)", bars), OUT.resolve("errors-near-occlusion.png"), 900, 440);

// %% [markdown]
// ## Which occlusions hurt
//
// Each identity error near an occlusion is attributed to the occlusion event(s) of that object it
// falls into (start to end + `WINDOW`), then counted by the event's cause and whether the object was
// fully hidden.

// %%
StringColumn cVar = StringColumn.create("variant"), cCause = StringColumn.create("cause");
BooleanColumn cFull = BooleanColumn.create("full");
IntColumn cErr = IntColumn.create("errors");
errs.forEach((v, list) -> {
  Map<String, Integer> counts = new TreeMap<>();
  int i = 0;
  for (String video : events.keySet()) {
    if (!sets.get(video).containsKey(v)) continue;
    for (var e : list.get(i).errors()) {
      if (!e.nearOcclusion()) continue;
      for (var ev : events.get(video))
        if (ev.trackId() == e.gtTrackId() && e.frame() >= ev.startFrame() && e.frame() <= ev.endFrame() + WINDOW)
          counts.merge(ev.cause() + "|" + ev.full(), 1, Integer::sum);
    }
    i++;
  }
  counts.forEach((k, n) -> { cVar.append(v); cCause.append(k.split("\\|")[0]); cFull.append(Boolean.parseBoolean(k.split("\\|")[1])); cErr.append(n); });
});
Table byCause = Table.create("identity errors near occlusions, by cause", cVar, cCause, cFull, cErr);
System.out.println(byCause.isEmpty() ? "no identity errors near occlusions" : byCause.sortOn("variant", "-errors").printAll());

// %%
// When do errors happen relative to the object re-appearing (frame 0 = the event's last frame)?
var offsets = new org.jfree.data.xy.XYSeriesCollection();
errs.forEach((v, list) -> {
  int[] hist = new int[2 * WINDOW + 31];
  int i = 0;
  for (String video : events.keySet()) {
    if (!sets.get(video).containsKey(v)) continue;
    for (var e : list.get(i).errors())
      for (var ev : events.get(video))
        if (ev.trackId() == e.gtTrackId()) {
          int off = e.frame() - ev.endFrame();
          if (off >= -30 && off <= 2 * WINDOW) hist[off + 30]++;
        }
    i++;
  }
  var xy = new org.jfree.data.xy.XYSeries(v);
  for (int k = 0; k < hist.length; k++) xy.add(k - 30, hist[k]);
  offsets.addSeries(xy);
});
NotebookKit.save(ChartFactory.createXYLineChart("Identity errors around the end of an occlusion", "frames after the occlusion ended", "errors", offsets), OUT.resolve("errors-around-reemergence.png"), 1000, 400);

// %% [markdown]
// ## What the tracker asked for
//
// The tracker's own `occlusion_events` (lost-and-found spans of its tracks) with the keyframe it
// recommends a human label to anchor the identity again.

// %%
Table trackerOcc = occ.where(occ.stringColumn("source").startsWith("tracker"));
System.out.println(trackerOcc.isEmpty() ? "no tracker occlusion events"
    : trackerOcc.xTabCounts("source", "cause").setName("tracker-detected occlusions by cause").print());
System.out.println(trackerOcc.isEmpty() ? "" : trackerOcc.sortOn("video_id", "start_frame").first(10)
    .selectColumns("video_id", "source", "track_id", "start_frame", "end_frame", "cause", "recommended_keyframe").setName("first recommended keyframes").print());

// %% [markdown]
// ## Re-running the tracker: keyframes `none` vs `auto`
//
// The same question answered from the raw sample data rather than the jobs' outputs: the tracker
// module (`TrackingRun` with `TrackingOptions`) tracks each sample video's simulated detector boxes
// (`data-samples/<video>/model.mot.txt`) twice — keyframes `none` (no stitching) and `auto` (ID
// stitching after occlusions, recommended keyframes) — and scores both against the truth with the
// occlusion manifest. The keyframe checkout is found from the `keyframe.home` property that
// `./keyframe` sets, else by walking up from `DATA`.

// %%
Path home = System.getProperty("keyframe.home") != null ? Path.of(System.getProperty("keyframe.home"))
    : System.getProperty("keyframe.root") != null ? Path.of(System.getProperty("keyframe.root")) : null;
for (Path p = DATA; home == null && p != null; p = p.getParent()) if (Files.isDirectory(p.resolve("data-samples"))) home = p;
Path samples = home == null ? null : home.resolve("data-samples");
Map<String, List<OcclusionAwareErrors>> rerun = new LinkedHashMap<>();
Map<String, List<ScopeCounts>> rerunScores = new LinkedHashMap<>();
if (samples != null && Files.isDirectory(samples)) {
  Path scratch = Files.createTempDirectory("keyframe-notebook-");
  List<Path> dirs;
  try (var s = Files.list(samples)) { dirs = s.filter(p -> Files.isRegularFile(p.resolve("model.mot.txt"))).sorted().toList(); }
  for (Path dir : dirs) {
    String video = dir.getFileName().toString();
    AnnotationSet gt = AnnotationFiles.read(dir.resolve("gt.mot.txt"));
    List<OcclusionEvent> ev = events.containsKey(video) ? events.get(video) : OcclusionEvents.fromFlags(gt);
    for (String k : List.of("none", "auto")) {
      var outcome = TrackingRun.run(TrackingOptions.of(null, null, dir.resolve("model.mot.txt"), scratch.resolve(video + "-" + k)).withKeyframes(k), null);
      var tracks = outcome.result().tracks();
      var seq = TrackingSequence.of(gt, tracks, TrackingSequence.Similarity.BOX_IOU, d -> true);
      rerun.computeIfAbsent("keyframes " + k, x -> new ArrayList<>()).add(OcclusionAwareErrors.of(seq, 0.5, ev, WINDOW));
      rerunScores.computeIfAbsent("keyframes " + k, x -> new ArrayList<>()).add(TrackingEvaluation.standard().evaluate(gt, tracks));
    }
  }
  Table rerunTable = summary(rerun, "re-run on data-samples: identity errors");
  DoubleColumn idf1 = DoubleColumn.create("idf1"), hota = DoubleColumn.create("hota");
  rerunScores.forEach((k, rs) -> { var c = TrackingEvaluation.combine(rs, k); idf1.append(c.identity().idf1()); hota.append(c.hota().hota()); });
  System.out.println(NotebookKit.rounded(rerunTable.addColumns(idf1, hota)).print());
} else {
  System.out.println("data-samples/ not found (set -Dkeyframe.home): re-run skipped");
}
