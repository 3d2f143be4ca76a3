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

  OverviewView overview() {
    return cache.get(new CacheKey.Overview(), () -> OverviewView.of(data()));
  }

  LabelNextView labelNext(QueueFilter filter) {
    return cache.get(
        new CacheKey.LabelNext(filter), () -> LabelNextView.of(data(), filter, config.cvat()));
  }

  AgreementView agreement(String pair, boolean privileged) {
    return cache.get(
        new CacheKey.Agreement(pair, privileged), () -> AgreementView.of(data(), pair, privileged));
  }

  CompareView compare(String pair) {
    return cache.get(new CacheKey.Compare(pair), () -> CompareView.of(data(), pair));
  }

  /** The page showing the view under {@code view}, rendered for {@code role}. */
  String page(CacheKey<?> view, Role role, Supplier<String> render) {
    return cache.get(new CacheKey.Page(view, role), render);
  }

  /** A PNG, drawn on a miss. */
  byte[] png(CacheKey<byte[]> key, Supplier<byte[]> draw) {
    return cache.get(key, draw);
  }
}
