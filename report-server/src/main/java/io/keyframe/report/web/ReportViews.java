package io.keyframe.report.web;

import io.keyframe.report.ReportConfig;
import io.keyframe.report.agreement.AgreementView;
import io.keyframe.report.auth.Role;
import io.keyframe.report.compare.CompareView;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.labelnext.LabelNextView;
import io.keyframe.report.labelnext.QueueFilter;
import io.keyframe.report.overview.OverviewView;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The current data snapshot and everything built from it, cached until the next reload. */
final class ReportViews {
  private final Path dataDir;
  private final AtomicReference<ReportData> data = new AtomicReference<>();
  private final ViewCache cache = new ViewCache();
  private final ReportConfig config;

  /** Reads the snapshot under {@code dataDir} (the output root holding {@code tables/}). */
  ReportViews(Path dataDir, ReportConfig config) {
    this.dataDir = dataDir;
    this.config = config;
    data.set(ReportData.load(dataDir));
  }

  ReportData data() {
    return data.get();
  }

  /** Re-reads the data and forgets every cached view, page and PNG. */
  void reload() {
    data.set(ReportData.load(dataDir));
    cache.clear();
  }

  /** The view {@code key} names, built from the current snapshot on a miss. */
  <V> V view(CacheKey.View<V> key) {
    return cache.get(key, () -> key.build(data(), config));
  }

  OverviewView overview() {
    return view(new CacheKey.Overview());
  }

  LabelNextView labelNext(QueueFilter filter) {
    return view(new CacheKey.LabelNext(filter));
  }

  AgreementView agreement(String pair, boolean privileged) {
    return view(new CacheKey.Agreement(pair, privileged));
  }

  CompareView compare(String pair) {
    return view(new CacheKey.Compare(pair));
  }

  /** The page showing {@code view}, rendered for {@code role}. */
  <V> String page(CacheKey.View<V> view, Role role, BiFunction<V, Role, String> render) {
    return cache.get(new CacheKey.Page(view, role), () -> render.apply(view(view), role));
  }

  /** A PNG, drawn on a miss. */
  byte[] png(CacheKey<byte[]> key, Supplier<byte[]> draw) {
    return cache.get(key, draw);
  }
}
