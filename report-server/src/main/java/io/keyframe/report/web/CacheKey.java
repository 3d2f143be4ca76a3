package io.keyframe.report.web;

import io.keyframe.report.ReportConfig;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.Role;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.labelnext.LabelNextView;
import io.keyframe.report.labelnext.QueueFilter;
import io.keyframe.report.overview.OverviewView;
import java.util.List;

/**
 * What {@link ViewCache} holds, one record per kind of entry. {@code T} is the type of the cached
 * value, so a key can only ever be looked up as what was stored under it, and two keys are equal
 * exactly when their parts are (no string concatenation that could make two queries collide).
 *
 * @param <T> the cached value's type
 */
sealed interface CacheKey<T> {
  /**
   * A view of the snapshot: the key names the view and knows how to build it, so a page and its
   * JSON twin look the same view up under the same key.
   */
  sealed interface View<T> extends CacheKey<T> {
    /** Builds the view this key names. */
    T build(ReportData data, ReportConfig config);
  }

  /** The batch overview. */
  record Overview() implements View<OverviewView> {
    @Override
    public OverviewView build(ReportData data, ReportConfig config) {
      return OverviewView.of(data);
    }
  }

  /** The "Label next" queue under one filter. */
  record LabelNext(QueueFilter filter) implements View<LabelNextView> {
    @Override
    public LabelNextView build(ReportData data, ReportConfig config) {
      return LabelNextView.of(data, filter, config.cvat());
    }
  }

  /**
   * The agreement report for one pair ({@code null}: the default pair); {@code privileged} views
   * carry the audit trail and spot check.
   */
  record Agreement(String pair, boolean privileged) implements View<AgreementView> {
    @Override
    public AgreementView build(ReportData data, ReportConfig config) {
      return AgreementView.of(data, pair, privileged);
    }
  }

  /** The model comparison for one pair ({@code null}: the default pair). */
  record Compare(String pair) implements View<CompareView> {
    @Override
    public CompareView build(ReportData data, ReportConfig config) {
      return CompareView.of(data, pair);
    }
  }

  /** A rendered HTML page: the key of the view it shows and the role it was rendered for. */
  record Page(View<?> view, Role role) implements CacheKey<String> {}

  /** A chart PNG; {@code argument} is the pair or video it is drawn for, or null. */
  record Chart(ChartKind kind, String argument) implements CacheKey<byte[]> {}

  /** A frame thumbnail PNG. */
  record Thumbnail(
      String video, int frame, List<ObjectRef> objects, List<String> sources, int width)
      implements CacheKey<byte[]> {
    public Thumbnail {
      objects = List.copyOf(objects);
      sources = List.copyOf(sources);
    }
  }

  /** The charts the report draws. */
  enum ChartKind {
    THROUGHPUT,
    EFFORT,
    KAPPA,
    CONFUSION,
    TIMELINE,
    COMPARE_DELTAS
  }
}
