package io.keyframe.dataset.mot;

import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SharedData;
import io.keyframe.dataset.TestSets;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MotFormatTest {
  @TempDir Path tmp;

  @Test
  void readsTudCampusGroundTruthAsResultsLayoutWithZeroBasedFrames() throws IOException {
    AnnotationSet gt = MotReader.read(SharedData.refdata("motchallenge", "TUD-Campus", "gt.txt"));
    assertThat(gt.detections()).hasSize(359);
    // First line: 1,1,399,182,121,229,1,-1,-1,-1
    assertThat(gt.detections().get(0))
        .isEqualTo(trackedBox(0, 1, "object", new Box(399, 182, 121, 229)).build());
    assertThat(gt.labels()).containsExactly("object");
    assertThat(gt.tracks()).hasSize(8); // py-motmetrics: GT 8
    assertThat(gt.video().frameCount()).isEqualTo(71);
  }

  @Test
  void readsTudCampusHypothesesWithTheirDecimalsAndNegativeConfidence() throws IOException {
    AnnotationSet test =
        MotReader.read(SharedData.refdata("motchallenge", "TUD-Campus", "test.txt"));
    assertThat(test.detections()).hasSize(222);
    Detection first = test.detections().get(0); // 1,3,113.84,274.5,57.307,130.05,-1,-1,-1,-1
    assertThat(first.box()).isEqualTo(new Box(113.84, 274.5, 57.307, 130.05));
    assertThat(first.score()).isEqualTo(-1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gt.txt", "test.txt"})
  void tudCampusRoundTripsValueIdenticalAndByteIdentical(String name) throws IOException {
    Path source = SharedData.refdata("motchallenge", "TUD-Campus", name);
    AnnotationSet read = MotReader.read(source);
    Path out = tmp.resolve(name);
    MotWriter.write(out, read);
    assertThat(MotReader.read(out)).isEqualTo(read);
    // Canonical numbers keep the input's precision, so even the first write reproduces the file.
    assertThat(Files.readString(out)).isEqualTo(Files.readString(source));
  }

  @Test
  void groundTruthLayoutCarriesClassesAndVisibilityThroughAClassList() throws IOException {
    Video video = new Video("seq", 25, 640, 480, 10, "");
    List<String> classes = List.of("person", "cart");
    AnnotationSet set =
        new AnnotationSet(
            video,
            Provenance.unknown(),
            classes,
            List.of(
                trackedBox(0, 1, "person", new Box(1.5, 2.25, 10, 20)).visibility(0.75).build(),
                trackedBox(0, 2, "cart", new Box(-3, 4, 5.125, 6)).score(0).visibility(0).build(),
                trackedBox(9, 1, "person", new Box(7, 8, 9, 10)).visibility(1).build()));
    Path out = tmp.resolve("gt.txt");
    MotOptions options = new MotOptions(classes, video);
    MotWriter.write(out, set, options);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "1,1,1.5,2.25,10,20,1,1,0.75", "1,2,-3,4,5.125,6,0,2,0", "10,1,7,8,9,10,1,1,1");
    assertThat(MotReader.read(out, options)).isEqualTo(set);
    byte[] first = Files.readAllBytes(out);
    MotWriter.write(out, MotReader.read(out, options), options);
    assertThat(Files.readAllBytes(out)).isEqualTo(first);
  }

  @Test
  void withoutAClassListTheLabelIsTheClassNumber() throws IOException {
    Path f = tmp.resolve("gt.txt");
    String text = "1,1,0,0,10,10,1,7,0.5\n2,1,0,0,10,10,1,1,1\n3,1,0,0,10,10,1,0,1\n";
    Files.writeString(f, text);
    AnnotationSet set = MotReader.read(f);
    assertThat(set.labels()).containsExactly("0", "1", "7");
    assertThat(set.detections()).extracting(Detection::label).containsExactly("7", "1", "0");
    assertThat(set.detections().get(0).visibility()).isEqualTo(0.5);
    Path again = tmp.resolve("again.txt");
    MotWriter.write(again, set);
    assertThat(Files.readString(again)).isEqualTo(text);
  }

  @Test
  void seqinfoBesideTheGtFolderGivesTheVideo() throws IOException {
    Path seq = Files.createDirectories(tmp.resolve("TUD-Campus/gt"));
    Files.writeString(
        seq.getParent().resolve("seqinfo.ini"),
        "[Sequence]\nname=TUD-Campus\nimDir=img1\nframeRate=25\nseqLength=71\nimWidth=640\nimHeight=480\nimExt=.jpg\n");
    Files.copy(SharedData.refdata("motchallenge", "TUD-Campus", "gt.txt"), seq.resolve("gt.txt"));
    assertThat(MotReader.read(seq.resolve("gt.txt")).video())
        .isEqualTo(new Video("TUD-Campus", 25, 640, 480, 71, ""));
  }

  @Test
  void masksFlagsAndProbabilitiesAreNotCarriedButBoxesIdsAndScoresAre() throws IOException {
    Video video = new Video("v", 30, 8, 8, 2, "");
    var mask = io.keyframe.dataset.Mask.fromBox(8, 8, new Box(2, 2, 3, 3));
    AnnotationSet set =
        TestSets.objects(
            video,
            Detection.builder(0, "object")
                .trackId(4)
                .mask(mask)
                .score(0.5)
                .classProbabilities(Map.of("object", 0.9))
                .occluded(true)
                .keyframe(true)
                .build());
    Path out = tmp.resolve("v.txt");
    MotWriter.write(out, set);
    Detection back =
        MotReader.read(out, MotOptions.defaults().withVideo(video)).detections().get(0);
    assertThat(back).isEqualTo(Detection.of(0, 4, "object", new Box(2, 2, 3, 3)).withScore(0.5));
  }
}
