package io.keyframe.spark.track;

import io.keyframe.tracker.sam2.Sam2Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

/**
 * Spark's GPU scheduling for the SAM 2 track job on CUDA executors: each executor advertises its
 * GPUs (found by a discovery script), each task takes one, so an executor runs as many SAM 2 videos
 * at once as it has GPUs and every GPU holds one set of sessions ({@link Sam2TrackerCache}).
 *
 * <p>The settings, as spark-submit takes them ({@code --conf KEY=VALUE}):
 *
 * <ul>
 *   <li>{@value #EXECUTOR_AMOUNT}: GPUs per executor (default here 1);
 *   <li>{@value #TASK_AMOUNT}: GPUs per task (1: one video per GPU at a time);
 *   <li>{@value #DISCOVERY_SCRIPT}: the script printing {@code {"name":"gpu","addresses":[...]}} on
 *       each executor (keyframe ships {@code spark-jobs/scripts/gpu-discovery.sh}).
 * </ul>
 *
 * Local mode ({@code local[...]}, or no master: plain {@code java}) schedules no executor
 * resources: there nothing is added and the job uses the GPU the device names.
 */
public final class GpuScheduling {
  public static final String EXECUTOR_AMOUNT = "spark.executor.resource.gpu.amount";
  public static final String TASK_AMOUNT = "spark.task.resource.gpu.amount";
  public static final String DISCOVERY_SCRIPT = "spark.executor.resource.gpu.discoveryScript";

  private GpuScheduling() {}

  /**
   * Adds the GPU scheduling settings {@code conf} lacks for {@code device} (nothing for the CPU):
   * one GPU per executor and per task, and {@code discoveryScript} when none is set. Values the
   * user already gave win. Returns what was added.
   *
   * @param conf the {@code spark.*} properties the job's {@code SparkConf} will read (spark-submit
   *     passes its {@code --conf} values to the driver as system properties)
   * @param discoveryScript the script's path as executors see it, or null to leave it unset
   * @throws IllegalArgumentException when the settings given cannot work (a task asking for more
   *     GPUs than an executor has, a non-numeric amount)
   */
  public static Map<String, String> configure(
      Properties conf, Sam2Device device, String discoveryScript) {
    Map<String, String> added = new LinkedHashMap<>();
    // Local mode (no master, or local[...]) schedules no executor resources: the device's index
    // is used as given, and GPU resource settings would only make Spark look for executors.
    if (!device.isCuda() || isLocal(conf)) return added;
    putIfAbsent(conf, EXECUTOR_AMOUNT, "1", added);
    putIfAbsent(conf, TASK_AMOUNT, "1", added);
    if (discoveryScript != null) putIfAbsent(conf, DISCOVERY_SCRIPT, discoveryScript, added);
    List<String> problems = problems(conf, device);
    if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    return added;
  }

  /**
   * What is wrong with {@code conf} for a job on {@code device} outside local mode; empty when it
   * can schedule one GPU per task (and always in local mode).
   */
  public static List<String> problems(Properties conf, Sam2Device device) {
    List<String> out = new ArrayList<>();
    if (!device.isCuda() || isLocal(conf)) return out;
    double executor = amount(conf, EXECUTOR_AMOUNT, out);
    double task = amount(conf, TASK_AMOUNT, out);
    if (executor > 0 && task > executor)
      out.add(
          TASK_AMOUNT + " (" + task + ") is more than " + EXECUTOR_AMOUNT + " (" + executor + ")");
    if (conf.getProperty(DISCOVERY_SCRIPT) == null)
      out.add(
          DISCOVERY_SCRIPT
              + " is not set: executors cannot find their GPUs (ship spark-jobs/scripts/gpu-discovery.sh"
              + " with --files and point this setting at it)");
    return out;
  }

  /**
   * The CUDA device a task uses: the GPU Spark assigned to it when the job asked for plain {@code
   * cuda} and Spark scheduled GPUs, else the device as given.
   */
  public static Sam2Device deviceForTask(String device) {
    Sam2Device d = Sam2Device.parse(device);
    if (!d.isCuda() || device.trim().contains(":")) return d;
    TaskContext task = TaskContext.get();
    if (task == null) return d;
    scala.Option<ResourceInformation> gpu = task.resources().get("gpu");
    if (gpu.isEmpty() || gpu.get().addresses().length == 0) return d;
    return Sam2Device.cuda(Integer.parseInt(gpu.get().addresses()[0].trim()));
  }

  /** The shipped discovery script, when this working directory is a keyframe checkout. */
  static String shippedDiscoveryScript() {
    Path p = Path.of("spark-jobs/scripts/gpu-discovery.sh").toAbsolutePath();
    return Files.isRegularFile(p) ? p.toString() : null;
  }

  private static boolean isLocal(Properties conf) {
    String master = conf.getProperty("spark.master", "").trim();
    return master.isEmpty() || master.startsWith("local");
  }

  private static void putIfAbsent(
      Properties conf, String key, String value, Map<String, String> added) {
    if (conf.getProperty(key) == null) {
      conf.setProperty(key, value);
      added.put(key, value);
    }
  }

  private static double amount(Properties conf, String key, List<String> problems) {
    String v = conf.getProperty(key);
    if (v == null) {
      problems.add(key + " is not set");
      return 0;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d > 0)) problems.add(key + " must be > 0, got " + v);
      return d;
    } catch (NumberFormatException e) {
      problems.add(key + " is not a number: " + v);
      return 0;
    }
  }
}
