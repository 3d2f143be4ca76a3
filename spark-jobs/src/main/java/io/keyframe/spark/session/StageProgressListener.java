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
 * Forwards Spark's task progress per stage to a {@link ProgressListener}: stage name = the job
 * description a keyframe job sets ({@code agreement: metrics}) or {@code spark}, units = tasks.
 */
public final class StageProgressListener extends SparkListener {
  private record Running(String name, int total, AtomicInteger done) {}

  private final ProgressListener target;
  private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();

  public StageProgressListener(ProgressListener target) {
    this.target = target;
  }

  @Override
  public void onJobStart(SparkListenerJobStart event) {
    String description = event.properties() == null ? null : event.properties().getProperty("spark.job.description");
    String name = description == null || description.isBlank() ? "spark" : description;
    scala.jdk.javaapi.CollectionConverters.asJava(event.stageIds())
        .forEach(id -> stageNames.put((Integer) id, name));
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    int id = event.stageInfo().stageId();
    Running r = new Running(stageNames.getOrDefault(id, "spark"), event.stageInfo().numTasks(), new AtomicInteger());
    running.put(id, r);
    target.progress(r.name, 0, r.total);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Running r = running.get(event.stageId());
    if (r != null) target.progress(r.name, r.done.incrementAndGet(), r.total);
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    int id = event.stageInfo().stageId();
    Running r = running.remove(id);
    stageNames.remove(id);
    if (r != null) target.progress(r.name, r.total, r.total);
  }
}
