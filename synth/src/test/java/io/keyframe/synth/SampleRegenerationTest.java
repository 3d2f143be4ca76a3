package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed data-samples/ folder is exactly what its README's command produces. */
class SampleRegenerationTest {

  @Test
  void regeneratingTheSampleGivesIdenticalBytes(@TempDir Path tmp) throws IOException {
    Path committed = Path.of(System.getProperty("keyframe.root", ".."), "data-samples");
    assertThat(committed.resolve("batch.json")).exists();
    new GeneratedBatchWriter(tmp, GeneratedBatchWriter.Options.defaults())
        .write(new ClinicVideoGenerator(GeneratorSpec.of(2, 300, 12, 7)), ProgressListener.NONE);
    List<Path> fresh = GeneratedBatchWriterTest.files(tmp);
    List<Path> kept =
        GeneratedBatchWriterTest.files(committed).stream()
            .filter(p -> !p.getFileName().toString().equals("README.md"))
            .toList();
    assertThat(kept.stream().map(p -> committed.relativize(p).toString()).toList())
        .containsExactlyElementsOf(fresh.stream().map(p -> tmp.relativize(p).toString()).toList());
    for (Path f : fresh)
      assertThat(Files.readAllBytes(committed.resolve(tmp.relativize(f).toString())))
          .as("%s", tmp.relativize(f))
          .isEqualTo(Files.readAllBytes(f));
  }
}
