package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code track --device}: CPU by default, CUDA only with the GPU build, bad values exit 2. */
class TrackDeviceCliTest {
  static final Path BUNDLE =
      Path.of(
          System.getProperty("keyframe.root", ".."),
          "tracker/src/test/resources/io/keyframe/tracker/sam2/sam2");
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return KeyframeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void cudaOnTheCpuBuildExits2NamingTheGpuBuildBeforeReadingAnyInput() {
    assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA), "a GPU build");
    Path out = tmp.resolve("out");
    int rc =
        run(
            "track",
            "--video",
            tmp.resolve("no-such-video.mp4").toString(),
            "--sam2",
            BUNDLE.toString(),
            "--device",
            "cuda:1",
            "--out",
            out.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString())
        .contains("--device cuda:1 needs ONNX Runtime's GPU build")
        .contains("onnxruntime_gpu")
        .contains("-Pcuda")
        .doesNotContain("\tat ")
        // the device is checked first: the missing video is not what it complains about
        .doesNotContain("no-such-video");
    assertThat(Files.exists(out)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpu", "cuda:", "cuda:-1", "cuda:one"})
  void badDeviceValuesExit2WithTheAcceptedForms(String value) {
    int rc =
        run(
            "track",
            "--video",
            tmp.toString(),
            "--sam2",
            BUNDLE.toString(),
            "--device",
            value,
            "--out",
            tmp.resolve("o").toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("cpu, cuda or cuda:N").contains("'" + value + "'");
  }

  @Test
  void cudaWithoutASam2BundleIsRefused() {
    int rc =
        run(
            "track",
            "--detections",
            tmp.resolve("d.mot.txt").toString(),
            "--device",
            "cuda",
            "--out",
            tmp.resolve("o").toString());
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("applies to the SAM 2 graphs");
  }
}
