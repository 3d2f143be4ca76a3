package io.keyframe.dataset;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcclusionFilesTest {
  @TempDir Path tmp;

  @Test
  void readsTheGeneratorManifestAndTheTrackerList() throws Exception {
    Path manifest = tmp.resolve("m.json");
    Files.writeString(
        manifest,
        "{\"video\":\"v\",\"events\":[{\"trackId\":3,\"startFrame\":5,\"endFrame\":9,\"cause\":\"person\",\"full\":true}]}");
    Path list = tmp.resolve("l.json");
    Files.writeString(
        list,
        "[{\"track_id\":3,\"start_frame\":5,\"end_frame\":9,\"cause\":\"person\",\"full\":true}]");
    OcclusionEvent expected = new OcclusionEvent(3, 5, 9, "person", true);
    assertThat(OcclusionFiles.read(manifest)).containsExactly(expected);
    assertThat(OcclusionFiles.read(list)).containsExactly(expected);
  }

  @Test
  void readsTheCommittedSample() throws Exception {
    Path sample =
        Path.of(
            System.getProperty("keyframe.root", ".."),
            "data-samples/clinic-s7-v00/occlusions.json");
    assertThat(OcclusionFiles.read(sample))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.endFrame()).isLessThan(300));
  }

  @Test
  void missingFieldNamesLine() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "[\n{\"track_id\":1,\"start_frame\":2}\n]");
    assertRefused(() -> OcclusionFiles.read(bad), "bad.json, line 2", "endFrame");
  }

  @Test
  void malformedJsonNamesTheLineJacksonStoppedAt() throws Exception {
    Path bad = tmp.resolve("broken.json");
    Files.writeString(bad, "[\n{\"track_id\":1,\n]");
    assertRefused(
        () -> OcclusionFiles.read(bad),
        "broken.json, line 3: malformed JSON: Unexpected character (']'");
  }
}
