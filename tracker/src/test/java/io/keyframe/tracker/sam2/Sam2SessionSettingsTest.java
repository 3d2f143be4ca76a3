package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one place SAM 2 sessions are configured, and what runs record about it: real ONNX Runtime
 * sessions over the test-size bundle.
 */
class Sam2SessionSettingsTest {
  private static Path bundle() throws Exception {
    return Path.of(Sam2SessionSettingsTest.class.getResource("sam2/manifest.json").toURI())
        .getParent();
  }

  @Test
  void defaultsAreCpuOneThreadPerCoreSequentialAllOptimisationsArenaAndPatterns() {
    Map<String, Object> p = Sam2SessionSettings.defaults().provenance();
    // The version the root pom pins (ONNX Runtime reports its own native version).
    assertThat(p)
        .containsEntry("onnxruntime_version", "1.24.2")
        .containsEntry("device", "cpu")
        .containsEntry("intra_op_threads", Runtime.getRuntime().availableProcessors())
        .containsEntry("inter_op_threads", 1)
        .containsEntry("execution_mode", "sequential")
        .containsEntry("optimization_level", "all_opt")
        .containsEntry("cpu_memory_arena", true)
        .containsEntry("memory_pattern", true);
  }

  @Test
  void theTrackerRecordsTheSettingsItOpenedItsSessionsWith() throws Exception {
    Sam2SessionSettings s =
        Sam2SessionSettings.defaults()
            .withIntraOpThreads(3)
            .withOptimisation(OptLevel.BASIC_OPT)
            .withMemory(false, false);
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle(), s, Sam2Config.defaults())) {
      assertThat(t.sessionSettings()).isEqualTo(s);
      assertThat(section(t, "bundle"))
          .containsEntry("model", "fixture-sam2")
          .containsEntry("layout", "sam2")
          .containsEntry("precision", "fp32");
      assertThat(t.provenance()).containsEntry("model_sha256", t.bundleSha256());
      assertThat(section(t, "session"))
          .containsEntry("device", "cpu")
          .containsEntry("intra_op_threads", 3)
          .containsEntry("optimization_level", "basic_opt")
          .containsEntry("cpu_memory_arena", false)
          .containsEntry("memory_pattern", false);
      // the default batching, each setting with its Java type (long for the byte cap)
      assertThat(section(t, "batching"))
          .isEqualTo(
              Map.of(
                  "max_objects",
                  Integer.MAX_VALUE,
                  "attention_bytes",
                  8_000_000_000L,
                  "reuse_tensors",
                  true,
                  "cache_prompted_frames",
                  8));
    }
  }

  @Test
  void cudaOnTheCpuBuildFailsBeforeAnyGraphLoadsAndNamesTheGpuBuild() throws Exception {
    assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "a GPU build");
    Sam2SessionSettings s = Sam2SessionSettings.defaults().withDevice(Sam2Device.parse("cuda:1"));
    assertThatThrownBy(() -> Sam2VideoTracker.open(bundle(), s, Sam2Config.defaults()))
        .isInstanceOf(Sam2SessionSettings.DeviceUnavailableException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--device cuda:1")
        .hasMessageContaining("onnxruntime_gpu")
        .hasMessageContaining("-Pcuda");
  }

  @Test
  void theManifestPrecisionIsReadAndChecked(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("b"));
    for (Path f : Files.list(bundle()).toList()) Files.copy(f, dir.resolve(f.getFileName()));
    ObjectMapper json = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode m =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(dir.resolve("manifest.json").toFile());
    m.put("precision", "fp16");
    json.writeValue(dir.resolve("manifest.json").toFile(), m);
    try (Sam2VideoTracker t = Sam2VideoTracker.open(dir, 1, Sam2Config.defaults())) {
      assertThat(t.manifest().precision()).isEqualTo("fp16");
      assertThat(section(t, "bundle")).containsEntry("precision", "fp16");
    }
    m.put("precision", "int8");
    json.writeValue(dir.resolve("manifest.json").toFile(), m);
    assertThatThrownBy(() -> Sam2Manifest.read(dir))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("precision")
        .hasMessageContaining("int8");
  }

  /** One nested section of the tracker's settings ({@code bundle}, {@code session}). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Sam2VideoTracker t, String name) {
    return (Map<String, Object>) t.settings().get(name);
  }
}
