package io.keyframe.dataset.cvat;

import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.RoundTrip;
import io.keyframe.dataset.SharedData;
import io.keyframe.dataset.SourceFields;
import io.keyframe.dataset.TestSets;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.mot.MotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CvatVideoFormatTest {
  @TempDir Path tmp;

  // 3 rows x 4 columns; foreground at (row 1, col 1), (1, 2), (2, 2).
  private static Mask threePixels() {
    boolean[] rows = new boolean[12];
    rows[1 * 4 + 1] = rows[1 * 4 + 2] = rows[2 * 4 + 2] = true;
    return Mask.fromRowMajor(3, 4, rows);
  }

  private static Path resource(String name) {
    return Path.of("src/test/resources/formats", name);
  }

  @Test
  void cvatRleRunsOverTheRowsOfTheMasksOwnBox() {
    // Box cols 1..2, rows 1..2; rows read (1,1)(1,2)(2,1)(2,2) = 1 1 0 1 -> runs 0,2,1,1.
    CvatRle rle = CvatRle.of(threePixels());
    assertThat(rle).isEqualTo(new CvatRle(1, 1, 2, 2, new int[] {0, 2, 1, 1}));
    assertThat(rle.runsText()).isEqualTo("0, 2, 1, 1");
    assertThat(rle.toMask(3, 4)).isEqualTo(threePixels());
  }

  @Test
  void anEmptyMaskTravelsAsOneBackgroundPixel() {
    CvatRle rle = CvatRle.of(Mask.empty(3, 4));
    assertThat(rle).isEqualTo(new CvatRle(0, 0, 1, 1, new int[] {1}));
    assertThat(rle.toMask(3, 4)).isEqualTo(Mask.empty(3, 4));
  }

  /** Reads resource {@code name}: its classes, its video and every detection, in file order. */
  private static void assertReads(
      String name, List<String> labels, Video video, Detection... detections) throws IOException {
    AnnotationSet set = CvatVideoReader.read(resource(name));
    assertThat(set.labels()).containsExactlyElementsOf(labels);
    assertThat(set.video()).isEqualTo(video);
    assertThat(set.detections()).containsExactly(detections);
  }

  @Test
  void readsACvatExportWithMetaLabelsFlagsAndMasks() throws IOException {
    assertReads(
        "cvat_video_sample.xml",
        List.of("iv_pole", "bed_rail"),
        new Video("ward-3 demo", Video.UNKNOWN_FPS, 4, 3, 5, ""),
        trackedBox(0, 0, "iv_pole", new Box(0.5, 0.25, 1.5, 2.75)).keyframe(true).build(),
        // The polygon is read (its box, and pycocotools' rasterisation: this thin triangle
        // covers no pixel centre).
        trackedBox(0, 2, "bed_rail", new Box(0, 0, 1, 1))
            .mask(Mask.empty(3, 4))
            .keyframe(true)
            .source(
                new SourceFields(
                    -1, false, List.of(new Polygon(new double[] {0, 0, 1, 0, 1, 1})), Double.NaN))
            .build(),
        trackedBox(1, 0, "iv_pole", new Box(0.75, 0.25, 1.5, 2.75)).occluded(true).build(),
        trackedBox(2, 0, "iv_pole", new Box(0.75, 0.25, 1.5, 2.75))
            .outside(true)
            .keyframe(true)
            .build(),
        Detection.builder(3, "bed_rail").trackId(1).mask(threePixels()).keyframe(true).build());
  }

  @Test
  void aPolygonTrackComesBackAsAPolygonFromCvatAndFromCoco() throws IOException {
    AnnotationSet set = CvatVideoReader.read(resource("cvat_video_sample.xml"));
    Path xml = tmp.resolve("p.xml"), json = tmp.resolve("p.json");
    CvatVideoWriter.write(xml, set);
    assertThat(Files.readString(xml))
        .contains("<polygon frame=\"0\"")
        .contains("points=\"0,0;1,0;1,1\"");
    assertThat(CvatVideoReader.read(xml).detections()).isEqualTo(set.detections());
    io.keyframe.dataset.coco.CocoJsonWriter.writeCoco(json, set);
    assertThat(Files.readString(json)).contains("\"segmentation\":[[0,0,1,0,1,1]]");
    assertThat(io.keyframe.dataset.coco.CocoJsonReader.read(json).detections())
        .isEqualTo(set.detections());
  }

  private static AnnotationSet handBuilt() {
    Provenance prov =
        Provenance.annotator("annotator-17", Instant.parse("2024-05-02T10:11:12Z"), "cvat 2.11");
    return TestSets.wardThree(
        prov,
        trackedBox(0, 3, "iv_pole", new Box(0.5, 0.25, 1.5, 2.75))
            .mask(threePixels())
            .keyframe(true)
            .build(),
        trackedBox(1, 3, "iv_pole", new Box(0.75, 0.25, 1.5, 2.5)).occluded(true).build(),
        trackedBox(2, 3, "iv_pole", new Box(0.75, 0.25, 1.5, 2.5))
            .outside(true)
            .keyframe(true)
            .build(),
        Detection.builder(0, "bed_rail").trackId(5).mask(Mask.empty(3, 4)).keyframe(true).build(),
        Detection.builder(5, "bed_rail")
            .trackId(5)
            .mask(Mask.fromBox(3, 4, new Box(1, 0, 2, 2)))
            .occluded(true)
            .keyframe(true)
            .build());
  }

  @Test
  void handBuiltSetWithMasksFlagsAndProvenanceRoundTripsValueAndByteIdentical() throws IOException {
    RoundTrip.assertValueAndBytesSurvive(
        tmp, "xml", handBuilt(), CvatVideoWriter::write, CvatVideoReader::read);
  }

  @Test
  void scoresProbabilitiesVisibilityAndUntrackedIdsAreNotCarried() throws IOException {
    Video video = new Video("v", 30, 10, 10, 3, "");
    AnnotationSet set =
        TestSets.objects(
            video,
            trackedBox(0, 2, "object", new Box(1, 1, 2, 2))
                .score(0.25)
                .classProbabilities(Map.of("object", 0.8))
                .visibility(0.5)
                .occluded(true)
                .build(),
            Detection.builder(1, "object").box(new Box(1, 1, 2, 2)).build());
    Path a = tmp.resolve("a.xml");
    CvatVideoWriter.write(a, set);
    List<Detection> back = CvatVideoReader.read(a).detections();
    assertThat(back.get(0))
        .isEqualTo(Detection.of(0, 2, "object", new Box(1, 1, 2, 2)).withFlags(true, false, false));
    assertThat(back.get(1)).isEqualTo(Detection.of(1, 3, "object", new Box(1, 1, 2, 2)));
  }

  @Test
  void tudCampusThroughCvatKeepsEveryBoxToRoundingOfTheCornerForm() throws IOException {
    AnnotationSet mot =
        MotReader.read(SharedData.refdata("motchallenge", "TUD-Campus", "test.txt"));
    // CVAT has no score column: compare against the same set at the default score.
    AnnotationSet set =
        mot.withDetections(mot.detections().stream().map(d -> d.withScore(1)).toList());
    Path a = tmp.resolve("tud.xml");
    CvatVideoWriter.write(a, set);
    AnnotationSet back = CvatVideoReader.read(a);
    assertThat(back.detections()).hasSameSizeAs(set.detections());
    for (int i = 0; i < set.detections().size(); i++) {
      Detection want = set.detections().get(i), got = back.detections().get(i);
      assertThat(got.withBox(want.box())).isEqualTo(want);
      // CVAT stores corners; width = (x + w) - x is exact to a few ulps.
      assertThat(got.box().x()).isEqualTo(want.box().x());
      assertThat(got.box().w()).isCloseTo(want.box().w(), within(1e-9));
      assertThat(got.box().h()).isCloseTo(want.box().h(), within(1e-9));
    }
    Path b = tmp.resolve("tud2.xml");
    CvatVideoWriter.write(b, back);
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
  }

  @Test
  void readsCvatForImagesAsUntrackedDetections() throws IOException {
    assertReads(
        "cvat_images_sample.xml",
        List.of("monitor", "bed_rail"),
        new Video("ward-3 frames", Video.UNKNOWN_FPS, 4, 3, 3, ""),
        Detection.builder(0, "monitor").box(new Box(0, 0, 1.5, 2)).occluded(true).build(),
        Detection.builder(0, "monitor").box(new Box(2, 1, 2, 2)).build(),
        Detection.builder(2, "bed_rail").mask(threePixels()).build());
  }
}
