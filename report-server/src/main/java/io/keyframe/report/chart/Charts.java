package io.keyframe.report.chart;

import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.BatchEffort;
import io.keyframe.report.data.Grid;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.overview.OverviewView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tech.tablesaw.api.Table;

/**
 * The report's JFreeChart PNGs (bar, line, heat map, timeline), drawn from the same view records as
 * the pages so chart and table never disagree. One consistent, quiet house look.
 */
public final class Charts {
  /** Chart width in pixels. */
  public static final int WIDTH = 760;

  /** Chart height in pixels. */
  public static final int HEIGHT = 340;

  static final Color INK = new Color(0x1f2937);
  static final Color GRID = new Color(0xe5e7eb);
  static final Color[] SERIES = {
    new Color(0x2563eb), new Color(0xf59e0b), new Color(0x10b981), new Color(0xef4444),
    new Color(0x8b5cf6), new Color(0x0891b2), new Color(0x84cc16), new Color(0xdb2777)
  };

  private Charts() {}

  /** Bar chart: frames per second of each job. */
  public static byte[] throughput(OverviewView v) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (OverviewView.JobThroughput j : v.throughput()) {
      ds.addValue(j.framesPerSecond(), "frames/s", j.job());
    }
    JFreeChart c = bar("Throughput per job", "job", "frames / s", ds, false);
    return png(c);
  }

  /**
   * Bars, one per detections run: share of boxes that needed no manual drawing. Bars, not a line:
   * the runs are different jobs on different sources, not one quantity over time.
   */
  public static byte[] effort(OverviewView v) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (BatchEffort e : v.effort()) {
      ds.addValue(100 * e.savedFraction(), "effort saved", e.runId());
    }
    JFreeChart c =
        bar("Boxes pre-annotated, per detections run", "run", "% boxes pre-annotated", ds, false);
    ((NumberAxis) c.getCategoryPlot().getRangeAxis()).setRange(0, 100);
    return png(c);
  }

  /** Grouped bar chart: kappa over all videos, per class, one series per annotator pair. */
  public static byte[] kappa(AgreementView v) {
    Grid g = v.kappaByPairAndLabel();
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (int r = 0; r < g.rowKeys().size(); r++) {
      for (int c = 0; c < g.columnKeys().size(); c++) {
        if (!Double.isNaN(g.values()[r][c])) {
          ds.addValue(g.values()[r][c], g.rowKeys().get(r), g.columnKeys().get(c));
        }
      }
    }
    JFreeChart c = bar("Cohen's kappa per class (all videos)", "class", "kappa", ds, true);
    ((NumberAxis) c.getCategoryPlot().getRangeAxis()).setRange(Math.min(0, minOf(g)), 1.0);
    return png(c);
  }

  /** Bar chart: B - A per metric over all videos and classes. */
  public static byte[] compareDeltas(CompareView v) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (CompareView.CompareRow r : v.rows()) {
      if (r.videoId().equals(OutputTables.ALL) && r.label().equals(OutputTables.ALL)) {
        ds.addValue(r.delta(), "delta (B - A)", r.metric());
      }
    }
    String title =
        v.modelA() == null ? "No comparison yet" : "Delta " + v.modelB() + " - " + v.modelA();
    JFreeChart c = bar(title, "metric", "delta (B - A)", ds, false);
    c.getCategoryPlot()
        .setRenderer(
            new BarRenderer() {
              @Override
              public java.awt.Paint getItemPaint(int row, int column) {
                Number n = ds.getValue(row, column);
                return n != null && n.doubleValue() < 0 ? SERIES[3] : SERIES[2];
              }
            });
    BarRenderer r = (BarRenderer) c.getCategoryPlot().getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.12);
    return png(c);
  }

  /**
   * Heat map of a confusion matrix, the page's table drawn: rater A's label (y) against rater B's
   * (x) with the objects only one of them drew as the last row and column; shaded by the share of
   * the row, the diagonal (agreement) in grey so the errors carry the colour; cells show counts.
   */
  public static byte[] confusion(AgreementView.Confusion conf) {
    List<String> rows = conf == null ? List.of() : conf.counts().rowKeys();
    List<String> cols = conf == null ? List.of() : conf.counts().columnKeys();
    int nr = rows.size(), nc = cols.size();
    double[][] xyz = new double[3][nr * nc];
    String[] counts = new String[nr * nc];
    for (int r = 0; r < nr; r++) {
      for (int c = 0; c < nc; c++) {
        int i = r * nc + c;
        xyz[0][i] = c;
        xyz[1][i] = r;
        double share = conf.rowShares().values()[r][c];
        // -1 marks the diagonal, drawn grey by the scale below.
        xyz[2][i] = rows.get(r).equals(cols.get(c)) ? -1 : Double.isNaN(share) ? 0 : share;
        counts[i] = String.valueOf(Math.round(conf.counts().values()[r][c]));
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("share", xyz);
    SymbolAxis x =
        new SymbolAxis(conf == null ? "" : conf.raterB() + " says", cols.toArray(String[]::new));
    SymbolAxis y =
        new SymbolAxis(conf == null ? "" : conf.raterA() + " says", rows.toArray(String[]::new));
    x.setVerticalTickLabels(true);
    // First label on top, as confusion matrices are read.
    y.setInverted(true);
    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = new LookupPaintScale(-1, 1.01, Color.WHITE);
    scale.add(-1, new Color(0xe5e7eb));
    scale.add(0, Color.WHITE);
    for (int s = 1; s <= 8; s++) {
      float t = s / 8f;
      scale.add((s - 1) / 8.0 + 1e-9, new Color(1f, 1 - 0.75f * t, 1 - 0.75f * t));
    }
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(ds, x, y, renderer);
    Font cellFont = new Font(Font.SANS_SERIF, Font.BOLD, nc > 8 ? 10 : 13);
    for (int i = 0; i < nr * nc; i++) {
      XYTextAnnotation label = new XYTextAnnotation(counts[i], xyz[0][i], xyz[1][i]);
      label.setFont(cellFont);
      label.setPaint(xyz[2][i] > 0.6 ? Color.WHITE : INK);
      plot.addAnnotation(label);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart c =
        new JFreeChart(
            conf == null
                ? "No confusion data"
                : "Where "
                    + conf.raterA()
                    + "'s classes end up in "
                    + conf.raterB()
                    + "'s (share of row)",
            plot);
    c.removeLegend();
    NumberAxis legendAxis = new NumberAxis("share of row (diagonal grey)");
    legendAxis.setRange(0, 1);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    c.addSubtitle(legend);
    return png(style(c, false), WIDTH, 420);
  }

  /**
   * Timeline of one video: ID switches per tracker (dots; red after an occlusion) over shaded
   * occlusion events (darker when full).
   */
  public static byte[] timeline(ReportData data, String video) {
    Table sw = data.table("id_switches");
    sw = sw.where(sw.stringColumn("video_id").isEqualTo(video));
    Table occ = data.table("occlusion_events");
    occ = occ.where(occ.stringColumn("video_id").isEqualTo(video));
    TreeSet<String> sources = new TreeSet<>(sw.stringColumn("pred_source").asList());
    List<String> rows = new ArrayList<>(sources);
    XYSeries plain = new XYSeries("ID switch");
    XYSeries after = new XYSeries("ID switch after occlusion");
    for (int r = 0; r < sw.rowCount(); r++) {
      double y = rows.indexOf(sw.stringColumn("pred_source").get(r));
      double x = sw.intColumn("frame").getInt(r);
      (sw.booleanColumn("after_occlusion").get(r) == Boolean.TRUE ? after : plain).add(x, y);
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    ds.addSeries(plain);
    ds.addSeries(after);
    NumberAxis x = new NumberAxis("frame");
    x.setAutoRangeIncludesZero(true);
    SymbolAxis y =
        new SymbolAxis(
            "tracker", rows.isEmpty() ? new String[] {"(none)"} : rows.toArray(String[]::new));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesPaint(0, SERIES[0]);
    renderer.setSeriesPaint(1, SERIES[3]);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
    XYPlot plot = new XYPlot(ds, x, y, renderer);
    int maxFrame = 0;
    for (int r = 0; r < occ.rowCount(); r++) {
      boolean full = occ.booleanColumn("full").get(r) == Boolean.TRUE;
      int s = occ.intColumn("start_frame").getInt(r);
      int e = occ.intColumn("end_frame").getInt(r);
      maxFrame = Math.max(maxFrame, e);
      IntervalMarker m =
          new IntervalMarker(
              s,
              e + 1,
              full ? new Color(0xf59e0b) : new Color(0xfde68a),
              new BasicStroke(1f),
              null,
              null,
              full ? 0.45f : 0.35f);
      plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    for (int r = 0; r < sw.rowCount(); r++) {
      maxFrame = Math.max(maxFrame, sw.intColumn("frame").getInt(r));
    }
    x.setRange(0, Math.max(10, maxFrame + 5));
    JFreeChart c = new JFreeChart("ID switches and occlusions (shaded; dark = full)", plot);
    return png(style(c, true), WIDTH, 260);
  }

  private static double minOf(Grid g) {
    double m = 0;
    for (double[] row : g.values()) {
      for (double v : row) {
        if (!Double.isNaN(v)) {
          m = Math.min(m, v);
        }
      }
    }
    return m;
  }

  private static JFreeChart bar(
      String title, String x, String y, DefaultCategoryDataset ds, boolean legend) {
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    renderer.setMaximumBarWidth(0.12);
    for (int i = 0; i < SERIES.length; i++) {
      renderer.setSeriesPaint(i, SERIES[i]);
    }
    CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(x), new NumberAxis(y), renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    if (ds.getColumnCount() > 6) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return style(new JFreeChart(title, plot), legend);
  }

  private static JFreeChart style(JFreeChart c, boolean legend) {
    c.setBackgroundPaint(Color.WHITE);
    c.setTitle(new TextTitle(c.getTitle().getText(), new Font(Font.SANS_SERIF, Font.BOLD, 15)));
    c.getTitle().setPaint(INK);
    if (c.getLegend() != null) {
      c.getLegend().setVisible(legend);
      c.getLegend().setFrame(BlockBorder.NONE);
    }
    if (c.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(GRID);
      p.setOutlineVisible(false);
    } else if (c.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(GRID);
      p.setDomainGridlinePaint(GRID);
      p.setOutlineVisible(false);
    }
    return c;
  }

  private static byte[] png(JFreeChart c) {
    return png(c, WIDTH, HEIGHT);
  }

  private static byte[] png(JFreeChart c, int w, int h) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, c, w, h);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
