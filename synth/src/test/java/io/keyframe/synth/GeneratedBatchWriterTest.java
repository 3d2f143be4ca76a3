package io.keyframe.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.coco.CocoJsonReader;
import io.keyframe.dataset.cvat.CvatVideoReader;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedBatchWriterTest {
  private static final GeneratorSpec SPEC = GeneratorSpec.of(2, 45, 7, 3);

  @Test
  void writesTheLayoutAndTheSameBytesTwice(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a"), b = tmp.resolve("b");
    AtomicLong last = new AtomicLong();
    GeneratedBatchWriter.Summary s =
        new GeneratedBatchWriter(a, GeneratedBatchWriter.Options.defaults().withPngEvery(20))
            .write(
                new ClinicVideoGenerator(SPEC),
                (stage, done, total) -> {
                  assertThat(total).isEqualTo(90);
                  assertThat(done).isGreaterThanOrEqualTo(last.get());
                  last.set(done);
                });
    new GeneratedBatchWriter(b, GeneratedBatchWriter.Options.defaults().withPngEvery(20))
        .write(new ClinicVideoGenerator(SPEC), (stage, done, total) -> {});
    assertThat(last.get()).isEqualTo(90);
    assertThat(s.videoIds()).containsExactly("clinic-s3-v00", "clinic-s3-v01");
    Path v0 = a.resolve("clinic-s3-v00");
    assertThat(v0.resolve("gt.mot.txt")).exists();
    assertThat(v0.resolve("gt.coco.json")).exists();
    assertThat(v0.resolve("annotator-A.cvat.xml")).exists();
    assertThat(v0.resolve("annotator-C.cvat.xml")).exists();
    assertThat(v0.resolve("model.mot.txt")).exists();
    assertThat(v0.resolve("model.coco.json")).exists();
    assertThat(v0.resolve("frames/000040.png")).exists();
    assertThat(a.resolve("batch.json")).exists();
    List<Path> files = files(a);
    assertThat(files).hasSize((int) s.files());
    for (Path f : files)
      assertThat(Files.readAllBytes(b.resolve(a.relativize(f))))
          .as("%s", f)
          .isEqualTo(Files.readAllBytes(f));
  }

  @Test
  void theFilesReadBackAsTheGeneratedAnnotations(@TempDir Path out) throws IOException {
    GeneratedVideo v = new ClinicVideoGenerator(SPEC).generate(1);
    new GeneratedBatchWriter(out, GeneratedBatchWriter.Options.defaults()).writeVideo(v, 1);
    Path dir = out.resolve(v.video().id());

    AnnotationSet mot =
        MotReader.read(
            dir.resolve("gt.mot.txt"),
            MotOptions.defaults().withClasses(ObjectClass.labels()).withVideo(v.video()));
    assertThat(boxes(mot)).isEqualTo(boxes(v.groundTruth()));

    AnnotationSet coco = CocoJsonReader.read(dir.resolve("gt.coco.json"));
    assertThat(coco.detections()).hasSameSizeAs(v.groundTruth().detections());
    for (int i = 0; i < coco.detections().size(); i++)
      assertThat(coco.detections().get(i).mask())
          .isEqualTo(v.groundTruth().detections().get(i).mask());

    AnnotationSet careful = CvatVideoReader.read(dir.resolve("annotator-A.cvat.xml"));
    assertThat(boxes(careful)).isEqualTo(boxes(v.annotators().get(0)));

    AnnotationSet model = CocoJsonReader.read(dir.resolve("model.coco.json"));
    assertThat(model.detections()).hasSameSizeAs(v.model().detections());
    assertThat(model.detections().get(0).classProbabilities())
        .isEqualTo(v.model().detections().get(0).classProbabilities());

    assertThat(count(dir.resolve("faults.json"), "source")).isEqualTo(v.faults().size());
    assertThat(count(dir.resolve("occlusions.json"), "cause")).isEqualTo(v.occlusions().size());
    // meta.json names every other file with its hash.
    String meta = Files.readString(dir.resolve("meta.json"));
    assertThat(meta)
        .contains(
            FileHash.sha256(dir.resolve("gt.coco.json")),
            FileHash.sha256(dir.resolve("faults.json")));
  }

  private static List<String> boxes(AnnotationSet s) {
    List<String> out = new ArrayList<>();
    for (Detection d : s.detections())
      out.add(d.frame() + ":" + d.trackId() + ":" + d.label() + ":" + d.box());
    return out;
  }

  private static int count(Path json, String field) throws IOException {
    int n = 0;
    try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
      for (JsonToken t; (t = p.nextToken()) != null; )
        if (t == JsonToken.FIELD_NAME && p.currentName().equals(field)) n++;
    }
    return n;
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
