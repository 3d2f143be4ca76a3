package io.keyframe.spark.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/** Spark listener that turns task and stage events into {@link StageProgress} for a {@link ProgressListener}. */
public final class StageProgressListener extends SparkListener {
  private record Running(String name, int total, long startNanos, int[] done) {}

  private final ProgressListener target;
  private final Map<Integer, Running> running = new ConcurrentHashMap<>();

  public StageProgressListener(ProgressListener target) {
    this.target = target;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted event) {
    StageInfo info = event.stageInfo();
    running.put(info.stageId(), new Running(info.name(), info.numTasks(), System.nanoTime(), new int[1]));
    target.stage(new StageProgress(info.stageId(), info.name(), 0, info.numTasks(), 0, false));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    Running r = running.get(event.stageId());
    if (r == null) return;
    int done;
    synchronized (r.done) {
      done = ++r.done[0];
    }
    target.stage(new StageProgress(event.stageId(), r.name, done, r.total, seconds(r), false));
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo info = event.stageInfo();
    Running r = running.remove(info.stageId());
    double elapsed = r == null ? 0 : seconds(r);
    target.stage(new StageProgress(info.stageId(), info.name(), info.numTasks(), info.numTasks(), elapsed, true));
  }

  private static double seconds(Running r) {
    return (System.nanoTime() - r.startNanos) / 1e9;
  }
}
