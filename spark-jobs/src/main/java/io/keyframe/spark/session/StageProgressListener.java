package io.keyframe.spark.session;

import io.keyframe.dataset.ProgressListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Forwards Spark's task progress to a {@link ProgressListener}: stage name = the job description a
 * keyframe job sets ({@code agreement: metrics}) or {@code spark}, units = tasks. Counts are summed
 * over every Spark stage with the same name, so a step that Spark runs as several jobs and stages
 * reads as one counter that only grows ("3/4 tasks", then "4/5"), not one that restarts at 0/1.
 */
public final class StageProgressListener extends SparkListener {
  private record Running(String name, int total, AtomicInteger done) {}

  /** Tasks done and submitted so far under one name. */
  private static final class Totals {
    long done, total;
  }

  private final ProgressListener target;
  private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Totals> byName = new ConcurrentHashMap<>();

  public StageProgressListener(ProgressListener target) {
    this.target = target;
  }

  @Override
  public void onJobStart(SparkListenerJobStart event) {
    String description =
        event.properties() == null ? null : event.properties().getProperty("spark.job.description");
    String name = description == null || description.isBlank() ? "spark" : description;
    scala.jdk.javaapi.CollectionConverters.asJava(event.stageIds())
        .forEach(id -> stageNames.put((Integer) id, name));
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    int id = event.stageInfo().stageId();
    Running r =
        new Running(
            stageNames.getOrDefault(id, "spark"),
            event.stageInfo().numTasks(),
            new AtomicInteger());
    running.put(id, r);
    Totals t = byName.computeIfAbsent(r.name, k -> new Totals());
    synchronized (t) {
      t.total += r.total;
      target.progress(r.name, t.done, t.total);
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Running r = running.get(event.stageId());
    if (r == null) return;
    r.done.incrementAndGet();
    Totals t = byName.get(r.name);
    synchronized (t) {
      t.done = Math.min(t.total, t.done + 1);
      target.progress(r.name, t.done, t.total);
    }
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    int id = event.stageInfo().stageId();
    Running r = running.remove(id);
    stageNames.remove(id);
    if (r == null) return;
    // Tasks Spark skipped (already computed) end no task: count them done with the stage.
    Totals t = byName.get(r.name);
    synchronized (t) {
      t.done = Math.min(t.total, t.done + Math.max(0, r.total - r.done.get()));
      target.progress(r.name, t.done, t.total);
    }
  }
}
