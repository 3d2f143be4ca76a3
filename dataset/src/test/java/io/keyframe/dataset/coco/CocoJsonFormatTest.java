package io.keyframe.dataset.coco;

import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Category;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CocoJsonFormatTest {
  @TempDir Path tmp;

  private static Path resource(String name) {
    return Path.of("src/test/resources/formats", name);
  }

  /** file,frame,masklet_id -> area,x,y,w,h from sav_expected.py (independent numpy decode). */
  private static Map<String, long[]> oracle() throws IOException {
    Map<String, long[]> m = new HashMap<>();
    List<String> lines = Files.readAllLines(resource("sav_expected.csv"));
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      m.put(
          c[0] + "," + c[1] + "," + c[2],
          new long[] {
            Long.parseLong(c[3]),
            Long.parseLong(c[4]),
            Long.parseLong(c[5]),
            Long.parseLong(c[6]),
            Long.parseLong(c[7])
          });
    }
    return m;
  }

  @ParameterizedTest
  @CsvSource({"sav_000001_manual.json, 5, 480", "sav_000001_auto.json, 9, 952"})
  void readsSavMaskletsWithAreasAndBoxesOfAnIndependentDecode(
      String name, int masklets, int nonEmpty) throws IOException {
    AnnotationSet set = CocoJsonReader.read(SharedData.refdata("sav", name));
    assertThat(CocoJsonReader.dialect(SharedData.refdata("sav", name))).isEqualTo(JsonDialect.SAV);
    assertThat(set.video()).isEqualTo(new Video("sav_000001", 24, 480, 848, 483, ""));
    assertThat(set.tracks()).hasSize(masklets);
    assertThat(set.byFrame()).hasSize(121);
    assertThat(set.byFrame().keySet()).allMatch(f -> f % 4 == 0 && f <= 480);
    Map<String, long[]> oracle = oracle();
    assertThat(set.detections()).hasSize(nonEmpty);
    long oracleRows = oracle.keySet().stream().filter(k -> k.startsWith(name + ",")).count();
    assertThat(oracleRows).isEqualTo(nonEmpty);
    for (Detection d : set.detections()) {
      long[] want = oracle.get(name + "," + d.frame() + "," + d.trackId());
      assertThat(want).as("oracle row for frame %d masklet %d", d.frame(), d.trackId()).isNotNull();
      assertThat(d.mask().area()).isEqualTo(want[0]);
      assertThat(d.boxOrMaskBox()).isEqualTo(new Box(want[1], want[2], want[3], want[4]));
    }
  }

  @Test
  void savAutoMaskletsCarryTheirStabilityScore() throws IOException {
    AnnotationSet set = CocoJsonReader.read(SharedData.refdata("sav", "sav_000001_auto.json"));
    // masklet_stability_score[0][1] = 0.999616265296936 in the file
    Detection d =
        set.detections().stream()
            .filter(x -> x.frame() == 0 && x.trackId() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(d.score()).isEqualTo(0.999616265296936);
    assertThat(set.provenance().source()).isEqualTo("sa-v auto");
  }

  @ParameterizedTest
  @CsvSource({
    "sav_000001_manual.json, coco",
    "sav_000001_auto.json, coco",
    "sav_000001_manual.json, ytvis",
    "sav_000001_auto.json, ytvis"
  })
  void savRoundTripsThroughCocoAndYouTubeVis(String name, String format) throws IOException {
    AnnotationSet set = CocoJsonReader.read(SharedData.refdata("sav", name));
    RoundTrip.assertValueAndBytesSurvive(
        tmp,
        "json",
        set,
        format.equals("coco") ? CocoJsonWriter::writeCoco : CocoJsonWriter::writeYouTubeVis,
        CocoJsonReader::read);
  }

  private static Mask threePixels() {
    return new Mask(3, 4, new int[] {4, 2, 1, 1, 4});
  }

  private static AnnotationSet handBuilt() {
    Provenance prov =
        Provenance.model(
            "rtdetr-clinic",
            "ab".repeat(32),
            Instant.parse("2024-05-02T10:11:12.5Z"),
            "keyframe 0.1");
    return TestSets.wardThree(
        prov,
        trackedBox(0, 3, "iv_pole", new Box(0.5, 0.25, 1.5, 2.75))
            .mask(threePixels())
            .score(0.875)
            .classProbabilities(Map.of("iv_pole", 0.875, "bed_rail", 0.125))
            .visibility(0.6)
            .keyframe(true)
            .build(),
        trackedBox(1, 3, "iv_pole", new Box(0.75, 0.25, 1.5, 2.5))
            .score(0.5)
            .occluded(true)
            .build(),
        trackedBox(2, 3, "iv_pole", new Box(0.75, 0.25, 1.5, 2.5))
            .score(0.5)
            .visibility(0)
            .outside(true)
            .keyframe(true)
            .build(),
        Detection.builder(0, "bed_rail").trackId(5).mask(Mask.empty(3, 4)).build(),
        Detection.builder(4, "monitor").box(new Box(1, 1, 1, 1)).score(0.1).build(),
        Detection.builder(5, "bed_rail")
            .trackId(5)
            .mask(threePixels())
            .occluded(true)
            .keyframe(true)
            .build());
  }

  @Test
  void cocoCarriesEveryDetectionFieldAndTheProvenance() throws IOException {
    Path a =
        RoundTrip.assertValueAndBytesSurvive(
            tmp, "json", handBuilt(), CocoJsonWriter::writeCoco, CocoJsonReader::read);
    // One annotation per line, so parser line numbers point at one record.
    assertThat(Files.readAllLines(a))
        .filteredOn(l -> l.startsWith("{\"id\":") && l.contains("image_id"))
        .hasSize(6);
  }

  @Test
  void youTubeVisCarriesTracksBoxesMasksScoresAndProvenanceButNotFlagsOrUntrackedIds()
      throws IOException {
    AnnotationSet set = handBuilt();
    Path a = tmp.resolve("a.json");
    CocoJsonWriter.writeYouTubeVis(a, set);
    AnnotationSet back = CocoJsonReader.read(a);
    assertThat(back.video()).isEqualTo(set.video());
    assertThat(back.provenance()).isEqualTo(set.provenance());
    assertThat(back.labels()).isEqualTo(set.labels());
    assertThat(back.detections()).hasSameSizeAs(set.detections());
    for (int i = 0; i < set.detections().size(); i++) {
      Detection want = set.detections().get(i), got = back.detections().get(i);
      assertThat(got.frame()).isEqualTo(want.frame());
      assertThat(got.label()).isEqualTo(want.label());
      assertThat(got.box()).isEqualTo(want.box());
      assertThat(got.mask()).isEqualTo(want.mask());
      assertThat(got.score()).isEqualTo(want.score());
      assertThat(got.trackId())
          .isEqualTo(want.trackId() == Detection.UNTRACKED ? 6 : want.trackId());
    }
  }

  @Test
  void readsUncompressedCountsCvatAttributesPolygonsAndKeepsTheFilesIds() throws IOException {
    AnnotationSet set = CocoJsonReader.read(resource("coco_uncompressed.json"));
    assertThat(set.labels()).containsExactly("monitor", "bed_rail");
    assertThat(set.video().frameCount()).isEqualTo(2);
    // pycocotools' frPyObjects of [[0.5,0, 2,0, 2,2]] on 3x4 is "318": one pixel, (x=1, y=0).
    Mask polygonMask = new Mask(3, 4, new int[] {3, 1, 8});
    Polygon polygon = new Polygon(new double[] {0.5, 0, 2, 0, 2, 2});
    assertThat(set.detections())
        .containsExactly(
            Detection.builder(0, "monitor")
                .box(new Box(0.5, 0, 1.5, 2))
                .mask(polygonMask)
                .score(0.625)
                .source(new SourceFields(2, false, List.of(polygon), 3))
                .build(),
            trackedBox(1, 7, "bed_rail", new Box(1, 1, 2, 2))
                .mask(threePixels())
                .occluded(true)
                .source(new SourceFields(1, true, List.of(), Double.NaN))
                .build());
    assertThat(set.layout().images())
        .containsExactly(
            new FrameImage(0, 10, "a.jpg", 4, 3), new FrameImage(1, 20, "b.jpg", 4, 3));
    assertThat(set.layout().categories())
        .containsExactly(new Category(9, "monitor", ""), new Category(5, "bed_rail", ""));
  }

  @Test
  void readsYouTubeVisPerFrameListsWithNulls() throws IOException {
    Path f = resource("ytvis_sample.json");
    assertThat(CocoJsonReader.dialect(f)).isEqualTo(JsonDialect.YOUTUBE_VIS);
    AnnotationSet set = CocoJsonReader.read(f);
    assertThat(set.video()).isEqualTo(new Video("3", Video.UNKNOWN_FPS, 4, 3, 4, ""));
    assertThat(set.detections())
        .containsExactly(
            trackedBox(1, 1, "cart", new Box(1, 1, 2, 2)).mask(threePixels()).build(),
            trackedBox(3, 1, "cart", new Box(0, 0, 4, 3))
                .mask(new Mask(3, 4, new int[] {0, 12}))
                .build());
  }

  @Test
  void tudCampusBoxesRoundTripThroughCoco() throws IOException {
    AnnotationSet set =
        MotReader.read(SharedData.refdata("motchallenge", "TUD-Campus", "test.txt"));
    Path a = tmp.resolve("tud.json");
    CocoJsonWriter.writeCoco(a, set);
    assertThat(CocoJsonReader.read(a)).isEqualTo(set);
  }
}
