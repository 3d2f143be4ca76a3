package io.keyframe.spark.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.tracker.sam2.Sam2Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU scheduling for the SAM 2 job, as far as a CPU machine allows: the Spark settings a cuda run
 * carries, and the shipped discovery script against a fake nvidia-smi, read back by Spark's own
 * parser.
 */
class GpuSchedulingTest {
  private static final Path SCRIPT = Path.of("scripts/gpu-discovery.sh");
  @TempDir Path tmp;

  @Test
  void aCudaRunAsksForOneGpuPerExecutorAndTaskAndNamesTheDiscoveryScript() {
    Properties conf = master("spark://head:7077");
    Map<String, String> added =
        GpuScheduling.configure(conf, Sam2Device.parse("cuda"), "/opt/keyframe/gpu-discovery.sh");
    assertThat(added)
        .containsExactly(
            Map.entry("spark.executor.resource.gpu.amount", "1"),
            Map.entry("spark.task.resource.gpu.amount", "1"),
            Map.entry(
                "spark.executor.resource.gpu.discoveryScript", "/opt/keyframe/gpu-discovery.sh"));
    // Spark's own configuration object reads them as it would from spark-submit's system
    // properties.
    SparkConf spark = new SparkConf(false);
    conf.stringPropertyNames().forEach(k -> spark.set(k, conf.getProperty(k)));
    assertThat(spark.get("spark.executor.resource.gpu.amount")).isEqualTo("1");
    assertThat(spark.get("spark.task.resource.gpu.amount")).isEqualTo("1");
    assertThat(spark.get("spark.executor.resource.gpu.discoveryScript"))
        .isEqualTo("/opt/keyframe/gpu-discovery.sh");
  }

  @Test
  void theUsersOwnSettingsWinAndTheCpuAndLocalModeAddNothing() {
    Properties conf = master("yarn");
    conf.setProperty("spark.executor.resource.gpu.discoveryScript", "/opt/gpu.sh");
    conf.setProperty("spark.executor.resource.gpu.amount", "4");
    conf.setProperty("spark.task.resource.gpu.amount", "1");
    Map<String, String> added = GpuScheduling.configure(conf, Sam2Device.cuda(0), null);
    assertThat(added).isEmpty();
    assertThat(conf.getProperty("spark.executor.resource.gpu.amount")).isEqualTo("4");
    Properties cpu = master("yarn");
    assertThat(GpuScheduling.configure(cpu, Sam2Device.CPU, "/x.sh")).isEmpty();
    assertThat(cpu).hasSize(1);
    for (String master : new String[] {"local[2]", ""}) {
      Properties local = new Properties();
      if (!master.isEmpty()) local.setProperty("spark.master", master);
      assertThat(GpuScheduling.configure(local, Sam2Device.cuda(1), "/x.sh")).isEmpty();
      assertThat(GpuScheduling.problems(local, Sam2Device.cuda(1))).isEmpty();
    }
  }

  @Test
  void settingsThatCannotScheduleAreRefusedNamingTheKey() {
    Properties conf = master("spark://head:7077");
    conf.setProperty("spark.executor.resource.gpu.amount", "1");
    conf.setProperty("spark.task.resource.gpu.amount", "2");
    assertThatThrownBy(() -> GpuScheduling.configure(conf, Sam2Device.cuda(0), "/x.sh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spark.task.resource.gpu.amount (2.0) is more than");
    Properties cluster = master("spark://head:7077");
    assertThatThrownBy(() -> GpuScheduling.configure(cluster, Sam2Device.cuda(0), null))
        .hasMessageContaining("spark.executor.resource.gpu.discoveryScript is not set");
  }

  @Test
  void outsideATaskTheDeviceIsTheOneGiven() {
    assertThat(GpuScheduling.deviceForTask("cuda")).isEqualTo(Sam2Device.cuda(0));
    assertThat(GpuScheduling.deviceForTask("cuda:2")).isEqualTo(Sam2Device.cuda(2));
    assertThat(GpuScheduling.deviceForTask("cpu")).isEqualTo(Sam2Device.CPU);
  }

  @Test
  void theDiscoveryScriptPrintsSparksJsonFromNvidiaSmi() throws Exception {
    Path bin = fakeNvidiaSmi("echo 0; echo 1; echo 3");
    Process p = run(bin);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    ResourceInformation info = ResourceInformation.parseJson(out.trim());
    assertThat(info.name()).isEqualTo("gpu");
    assertThat(info.addresses()).containsExactly("0", "1", "3");
  }

  @Test
  void theDiscoveryScriptFailsWithoutNvidiaSmiOrWithGarbage() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Process none = run(empty);
    assertThat(none.waitFor()).isEqualTo(1);
    assertThat(new String(none.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("nvidia-smi not found");
    Process bad = run(fakeNvidiaSmi("echo 'No devices were found'"));
    assertThat(bad.waitFor()).isEqualTo(1);
  }

  private Path fakeNvidiaSmi(String body) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin" + body.hashCode()));
    Path smi = bin.resolve("nvidia-smi");
    // It must be asked for the indices, as the script does.
    Files.writeString(
        smi,
        "#!/bin/sh\n"
            + "[ \"$1\" = --query-gpu=index ] && [ \"$2\" = --format=csv,noheader ] || exit 9\n"
            + body
            + "\n");
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** The system properties spark-submit would pass for this master, and nothing else. */
  private static Properties master(String master) {
    Properties conf = new Properties();
    conf.setProperty("spark.master", master);
    return conf;
  }

  private static Process run(Path pathDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toAbsolutePath().toString());
    // Only the fake on PATH (the script needs nothing but bash builtins), so a real nvidia-smi on
    // the machine cannot answer instead.
    pb.environment().put("PATH", pathDir.toString());
    return pb.start();
  }
}
