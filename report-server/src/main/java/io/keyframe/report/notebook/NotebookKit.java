package io.keyframe.report.notebook;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import io.keyframe.report.data.ParquetTableReader;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.data.VideoInfo;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What every notebook needs beside keyframe's modules: contract tables across runs, detections rows
 * back as {@link AnnotationSet}s, and a house style for tables and charts. One copy here, so the
 * notebooks hold only their analysis.
 */
public final class NotebookKit {
  private NotebookKit() {}

  /**
   * Rows of a contract table from every complete run, keeping for each source only its newest run.
   * ({@link ReportData#table} gives the newest run of a table; the demo writes detections in three
   * runs: generate, track-a and track-b.)
   */
  public static Table newestPerSource(
      Path data, ReportData report, String table, String sourceColumn) {
    TableDef spec = OutputTables.table(table);
    Table out = ParquetTableReader.empty(spec);
    Map<String, Path> dirs = new HashMap<>();
    for (Path d :
        ParquetTableReader.subPartitions(
            data.resolve("tables").resolve(table), OutputTables.RUN_ID))
      dirs.put(ParquetTableReader.partitionValue(d, OutputTables.RUN_ID), d);
    Set<String> seen = new HashSet<>();
    for (String run :
        new LinkedHashSet<>(
            report.table("runs").sortDescendingOn("ended_at").stringColumn("run_id").asList())) {
      if (!dirs.containsKey(run)) continue;
      Table t = ParquetTableReader.readRun(spec, dirs.get(run));
      out.append(t.where(t.stringColumn(sourceColumn).isNotIn(seen)));
      seen.addAll(t.stringColumn(sourceColumn).unique().asList());
    }
    return out;
  }

  /**
   * video -> source -> AnnotationSet, rebuilt from detections rows. Each video's size, frame rate
   * and length come from its {@code videos} row ({@link ReportData#videos}); for a video without
   * one (runs written before that table existed) the size and length are the extent of its boxes
   * and the rate is {@link Video#UNKNOWN_FPS}.
   */
  public static Map<String, Map<String, AnnotationSet>> annotationSets(
      Table det, Map<String, VideoInfo> videos) {
    Map<String, Map<String, List<Detection>>> rows = new TreeMap<>();
    Map<String, double[]> extent = new HashMap<>();
    for (int r = 0; r < det.rowCount(); r++) {
      String video = det.stringColumn("video_id").get(r);
      String source = det.stringColumn("source").get(r);
      Box box =
          new Box(
              det.doubleColumn("x").get(r),
              det.doubleColumn("y").get(r),
              det.doubleColumn("w").get(r),
              det.doubleColumn("h").get(r));
      double score =
          det.doubleColumn("score").isMissing(r) ? 1.0 : det.doubleColumn("score").get(r);
      Detection d =
          new Detection(
              det.intColumn("frame").get(r),
              det.intColumn("track_id").get(r),
              det.stringColumn("label").get(r),
              box,
              null,
              score,
              Map.of(),
              -1,
              det.booleanColumn("occluded").get(r),
              det.booleanColumn("outside").get(r),
              det.booleanColumn("keyframe").get(r));
      rows.computeIfAbsent(video, k -> new TreeMap<>())
          .computeIfAbsent(source, k -> new ArrayList<>())
          .add(d);
      double[] e = extent.computeIfAbsent(video, k -> new double[3]);
      e[0] = Math.max(e[0], box.x2());
      e[1] = Math.max(e[1], box.y2());
      e[2] = Math.max(e[2], d.frame() + 1);
    }
    Map<String, Map<String, AnnotationSet>> out = new TreeMap<>();
    rows.forEach(
        (video, bySource) -> {
          Video v = video(video, videos.get(video), extent.get(video));
          bySource.forEach(
              (source, ds) -> {
                List<String> labels =
                    ds.stream().map(Detection::label).distinct().sorted().toList();
                Provenance p =
                    new Provenance(
                        source.equals("gt")
                            ? Provenance.Kind.GROUND_TRUTH
                            : Provenance.Kind.ANNOTATOR,
                        source,
                        "",
                        null,
                        "parquet");
                out.computeIfAbsent(video, k -> new TreeMap<>())
                    .put(source, new AnnotationSet(v, p, labels, ds));
              });
        });
    return out;
  }

  /** The video as its {@code videos} row says, else as far as its boxes reach. */
  private static Video video(String id, VideoInfo info, double[] extent) {
    if (info != null)
      return new Video(id, info.fps(), info.width(), info.height(), info.frames(), "");
    return new Video(
        id,
        Video.UNKNOWN_FPS,
        (int) Math.ceil(extent[0]),
        (int) Math.ceil(extent[1]),
        (int) extent[2],
        "");
  }

  /** Three decimals when printed. */
  public static Table rounded(Table t) {
    for (var c : t.columns())
      if (c instanceof DoubleColumn d)
        d.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
    return t;
  }

  /** Saves a chart as PNG in the notebooks' house style (white, light grid, flat bars). */
  public static void save(JFreeChart chart, Path png, int w, int h) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof CategoryPlot c) {
      c.setBackgroundPaint(Color.WHITE);
      c.setRangeGridlinePaint(Color.LIGHT_GRAY);
      c.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      if (c.getRenderer() instanceof BarRenderer b) {
        b.setBarPainter(new StandardBarPainter());
        b.setShadowVisible(false);
      }
    }
    if (chart.getPlot() instanceof XYPlot x) {
      x.setBackgroundPaint(Color.WHITE);
      x.setRangeGridlinePaint(Color.LIGHT_GRAY);
      x.setDomainGridlinePaint(Color.LIGHT_GRAY);
    }
    ChartUtils.saveChartAsPNG(png.toFile(), chart, w, h);
  }
}
