package io.keyframe.dataset.mot;

import static io.keyframe.dataset.RefusalAssertions.assertRefusedAt;
import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MOTChallenge files as mmtracking and Datumaro ship them (see real/mot/SOURCES.md). */
class MotRealFilesTest {
  static final Path REAL = Path.of("src/test/resources/real/mot");
  static final Path MMTRACKING = REAL.resolve("mmtracking/train");
  @TempDir Path tmp;

  /** A sequence folder under tmp: seq/seqinfo.ini and seq/gt/gt.txt; returns the gt.txt. */
  private Path sequence(String seqinfo, String groundTruth) throws IOException {
    Path gt = Files.createDirectories(tmp.resolve("seq/gt")).resolve("gt.txt");
    Files.writeString(tmp.resolve("seq/seqinfo.ini"), seqinfo);
    Files.writeString(gt, groundTruth);
    return gt;
  }

  @Test
  void tudStadtmitteWithWorldCoordinatesInColumns8To10IsReadAsMot15() throws IOException {
    Path gt = MMTRACKING.resolve("TUD-Stadtmitte/gt/gt.txt");
    assertThat(MotReader.layout(gt)).isEqualTo(MotLayout.MOT15);
    AnnotationSet set = MotReader.read(gt);
    assertThat(set.detections()).hasSize(1156);
    // py-motmetrics' test_motchallenge_files: GT 10 objects on TUD-Stadtmitte.
    assertThat(set.tracks()).hasSize(10);
    assertThat(set.labels()).containsExactly("object");
    // First line: 1,1,88,99,61.08,218.56,1,4.4852,5.5016,0 — world x/y/z are not a class or a
    // visibility.
    assertThat(set.detections().get(0))
        .isEqualTo(trackedBox(0, 1, "object", new Box(88, 99, 61.08, 218.56)).build());
  }

  @Test
  void seqinfoWithOnlyNameAndLengthKeepsThemAndDerivesTheRest() throws IOException {
    // mmtracking's seqinfo.ini: [Sequence] name=TUD-Stadtmitte seqLength=179, nothing else.
    Video v = MotReader.read(MMTRACKING.resolve("TUD-Stadtmitte/gt/gt.txt")).video();
    assertThat(v.id()).isEqualTo("TUD-Stadtmitte");
    assertThat(v.frameCount()).isEqualTo(179);
    assertThat(v.fps()).isEqualTo(Video.UNKNOWN_FPS);
    // Sized to hold every box, as without a seqinfo.ini: max x+w = 640.555, max y+h = 328.18.
    assertThat(v.width()).isEqualTo(641);
    assertThat(v.height()).isEqualTo(329);
    Video campus = MotReader.read(MMTRACKING.resolve("TUD-Campus/gt/gt.txt")).video();
    assertThat(campus.id()).isEqualTo("TUD-Campus");
    assertThat(campus.frameCount()).isEqualTo(71);
  }

  @Test
  void partialSeqinfoStillBoundsTheFrames() throws IOException {
    Path gt =
        sequence("[Sequence]\nseqLength=2\n", "1,1,1,1,2,2,1,-1,-1,-1\n3,1,1,1,2,2,1,-1,-1,-1\n");
    assertRefusedAt(() -> MotReader.read(gt), 2, "frame");
  }

  @Test
  void badSeqinfoValueIsRefusedNamingKeyAndLine() throws IOException {
    Path gt = sequence("[Sequence]\nname=x\nframeRate=fast\n", "1,1,1,1,2,2,1,-1,-1,-1\n");
    assertRefusedAt(() -> MotReader.read(gt), 3, "frameRate");
  }

  @Test
  void anIntegralWorldXIsNotTakenForAClass() throws IOException {
    // PETS09-S2L1 style, but with world x = 3 and y = 0: read as MOT16 that would be class 3 at
    // visibility 0; z = 0 gives it away as MOT15-2D.
    Path f = tmp.resolve("pets.txt");
    Files.writeString(
        f, "1,9,499,158,31.03,75.17,1,3,0,0\n1,15,258,219,32.913,88.702,1,-11.306,-5.5995,0\n");
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT15);
    assertThat(MotReader.read(f).detections()).extracting(Detection::label).containsOnly("object");
    // Forced to MOT16 the same file is read as classes and refused at the first non-integer class.
    assertRefusedAt(
        () -> MotReader.read(f, MotOptions.defaults().withLayout(MotLayout.MOT16)), 2, "class");
  }

  @Test
  void nineColumnGroundTruthIsMot16AndCanBeForcedToMot15() throws IOException {
    Path f = tmp.resolve("gt.txt");
    Files.writeString(f, "1,1,10,10,5,5,1,7,0.25\n2,1,10,10,5,5,0,1,1\n");
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT16);
    assertThat(MotReader.read(f).detections())
        .extracting(Detection::label)
        .containsExactly("7", "1");
    AnnotationSet mot15 = MotReader.read(f, MotOptions.defaults().withLayout(MotLayout.MOT15));
    assertThat(mot15.detections()).extracting(Detection::label).containsOnly("object");
    assertThat(mot15.detections()).extracting(Detection::visibility).containsOnly(-1.0);
  }

  @Test
  void tenColumnResultsFilesFitBothLayoutsAndReadAsMot15() throws IOException {
    Path f = tmp.resolve("res.txt");
    Files.writeString(f, "1,1,10,10,5,5,0.9,-1,-1,-1\n");
    assertThat(MotReader.layout(f)).isEqualTo(MotLayout.MOT15);
    assertThat(MotLayout.parse("mot17")).isEqualTo(MotLayout.MOT16);
    assertThat(MotLayout.parse("MOT15")).isEqualTo(MotLayout.MOT15);
    assertThatThrownBy(() -> MotLayout.parse("kitti")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datumaroMotSequenceNamesClassesFromLabelsTxt() throws IOException {
    // Datumaro's tests/unit/test_mot_format.py (MotImporterTest) expects from gt line
    // 1,-1,0,4,4,8,1,3,1.0:
    // item 1, Bbox(0, 4, 4, 8, label=2) with visibility 1.0, ignored False; categories
    // label_0..label_9.
    AnnotationSet set = MotReader.read(REAL.resolve("datumaro/mot_seq/gt/gt.txt"));
    assertThat(set.labels())
        .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "label_" + i).toList());
    assertThat(set.detections())
        .containsExactly(
            Detection.builder(0, "label_2").box(new Box(0, 4, 4, 8)).visibility(1.0).build());
  }

  @Test
  void datumaroSequenceWithSeqinfoGetsItsVideo() throws IOException {
    AnnotationSet set = MotReader.read(REAL.resolve("datumaro/mot_seq_with_seqinfo/gt/gt.txt"));
    // seqinfo.ini: name=Test frameRate=10 seqLength=1 imWidth=16 imHeight=16 (Datumaro's image is
    // 16x16).
    assertThat(set.video()).isEqualTo(new Video("Test", 10, 16, 16, 1, ""));
    assertThat(set.detections()).extracting(Detection::label).containsExactly("label_2");
  }

  @Test
  void anExplicitClassListWinsOverLabelsTxt() throws IOException {
    Path labels = tmp.resolve("classes.txt");
    Files.writeString(labels, "a\nb\nc\n\n");
    List<String> classes = MotReader.readLabels(labels);
    assertThat(classes).containsExactly("a", "b", "c");
    AnnotationSet set =
        MotReader.read(
            REAL.resolve("datumaro/mot_seq/gt/gt.txt"), MotOptions.defaults().withClasses(classes));
    assertThat(set.detections()).extracting(Detection::label).containsExactly("c");
  }

  @Test
  void labelsFilesWithBlankOrRepeatedNamesAreRefused() throws IOException {
    Path blank = tmp.resolve("blank.txt");
    Files.writeString(blank, "a\n\nb\n");
    assertThatThrownBy(() -> MotReader.readLabels(blank))
        .isInstanceOfSatisfying(
            BadAnnotationException.class, e -> assertThat(e.line()).isEqualTo(2));
    Path twice = tmp.resolve("twice.txt");
    Files.writeString(twice, "a\nb\na\n");
    assertThatThrownBy(() -> MotReader.readLabels(twice))
        .isInstanceOfSatisfying(
            BadAnnotationException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void aClassIdBeyondLabelsTxtIsRefused() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("gt"));
    Files.writeString(dir.resolve("labels.txt"), "person\n");
    Files.writeString(dir.resolve("gt.txt"), "1,1,0,0,4,4,1,1,1\n1,2,0,0,4,4,1,2,1\n");
    assertRefusedAt(() -> MotReader.read(dir.resolve("gt.txt")), 2, "class");
  }

  @Test
  void mot15RoundTripKeepsBoxesIdsAndConfAndWritesWorldCoordinatesAsMinusOne() throws IOException {
    Path gt = MMTRACKING.resolve("TUD-Stadtmitte/gt/gt.txt");
    AnnotationSet read = MotReader.read(gt);
    Path out = Files.createDirectories(tmp.resolve("TUD-Stadtmitte/gt")).resolve("gt.txt");
    Files.copy(
        MMTRACKING.resolve("TUD-Stadtmitte/seqinfo.ini"),
        tmp.resolve("TUD-Stadtmitte/seqinfo.ini"));
    MotWriter.write(out, read);
    assertThat(MotReader.read(out)).isEqualTo(read);
    List<String> in = Files.readAllLines(gt), back = Files.readAllLines(out);
    assertThat(back).hasSameSizeAs(in);
    for (int k = 0; k < in.size(); k++) {
      String[] a = in.get(k).split(","), b = back.get(k).split(",");
      assertThat(List.of(b).subList(0, 7)).as("line %d", k + 1).isEqualTo(List.of(a).subList(0, 7));
      assertThat(List.of(b).subList(7, 10)).containsOnly("-1");
    }
  }

  @Test
  void datumaroExportRoundTripsItsClassIdsThroughTheClassList() throws IOException {
    Path gt = REAL.resolve("datumaro/mot_seq/gt/gt.txt");
    AnnotationSet read = MotReader.read(gt);
    Path out = Files.createDirectories(tmp.resolve("gt")).resolve("gt.txt");
    MotWriter.write(out, read);
    // Class 3 = label_2 comes back as 3; visibility 1.0 is written canonically as 1.
    assertThat(Files.readString(out)).isEqualTo("1,-1,0,4,4,8,1,3,1\n");
    Files.copy(REAL.resolve("datumaro/mot_seq/gt/labels.txt"), tmp.resolve("gt/labels.txt"));
    assertThat(MotReader.read(out).detections()).isEqualTo(read.detections());
  }

  @Test
  void floatTrackIdsAsMpnTrackWritesThemAreReadAsIntegers() throws IOException {
    Path f = tmp.resolve("res.txt");
    Files.writeString(
        f,
        "1,0.0,1291.064208984375,459.34381103515625,71.69921875,199.37359619140625,1,-1,-1,-1\n");
    AnnotationSet set = MotReader.read(f);
    assertThat(set.detections().get(0).trackId()).isZero();
    Path out = tmp.resolve("out.txt");
    MotWriter.write(out, set);
    assertThat(Files.readString(out))
        .isEqualTo(
            "1,0,1291.064208984375,459.34381103515625,71.69921875,199.37359619140625,1,-1,-1,-1\n");
  }
}
