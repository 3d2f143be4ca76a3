package io.keyframe.dataset.files;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Category;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by CVAT/Datumaro, mmtracking, mmdetection and labelformat (real/SOURCES.md). Each
 * test asserts what the source project's own test asserts about the file, then keyframe's round
 * trip.
 */
class RealFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  final List<String> warnings = new ArrayList<>();

  private static Path real(String name) {
    return Path.of("src/test/resources/real", name);
  }

  private AnnotationSet read(String name) throws IOException {
    Path f = real(name);
    return AnnotationFiles.read(f, AnnotationFiles.detect(f), warnings::add);
  }

  /** Writes {@code set} to {@code out} as {@code format}; what the writer said, and only that. */
  private static List<String> writerWarnings(Path out, AnnotationSet set, AnnotationFormat format)
      throws IOException {
    List<String> said = new ArrayList<>();
    AnnotationFiles.write(out, set, format, said::add);
    return said;
  }

  private static Detection at(AnnotationSet set, int frame, int track) {
    return set.detections().stream()
        .filter(d -> d.frame() == frame && d.trackId() == track)
        .findFirst()
        .orElseThrow();
  }

  // ------------------------------------------------------------------ CVAT (Datumaro's assets)

  /**
   * Datumaro test_can_load_video: frames 10, 13, 16 of a task with start_frame 10, frame_filter
   * step=3.
   */
  @Test
  void cvatVideoWithStartFrameAndStepKeepsTheFilesFrameNumbers() throws IOException {
    AnnotationSet set = read("cvat/datumaro_for_video.xml");
    assertThat(set.labels()).containsExactly("klhg", "z U k", "II");
    assertThat(set.video().width()).isEqualTo(25);
    assertThat(set.video().height()).isEqualTo(20);
    assertThat(set.video().frameCount()).isEqualTo(20); // video frames 0..stop_frame 19
    assertThat(set.layout().frameStart()).isEqualTo(10);
    assertThat(set.layout().frameStep()).isEqualTo(3);
    assertThat(set.detections())
        .containsExactly(
            trackedBox(10, 0, "II", new Box(3, 4, 7, 1)).occluded(true).keyframe(true).build(),
            trackedBox(13, 0, "II", new Box(7, 6, 7, 2)).outside(true).keyframe(true).build(),
            trackedBox(16, 0, "II", new Box(8, 7, 6, 10)).outside(true).keyframe(true).build());
    // Datumaro reads track 1 as Points at frames 10 and 13 and track 2 as PolyLines at 13 and 16.
    assertThat(warnings)
        .containsExactly(
            "skipped 2 points, 2 polyline shapes (keyframe reads boxes, masks and polygons)");
  }

  @Test
  void cvatVideoFrameSamplingSurvivesACvatRoundTrip() throws IOException {
    AnnotationSet set = read("cvat/datumaro_for_video.xml");
    Path out = tmp.resolve("v.xml");
    AnnotationFiles.write(out, set, AnnotationFormat.CVAT_VIDEO, warnings::add);
    String xml = Files.readString(out);
    assertThat(xml)
        .contains("<size>4</size>")
        .contains("<start_frame>10</start_frame>")
        .contains("<stop_frame>19</stop_frame>")
        .contains("<frame_filter>step=3</frame_filter>");
    AnnotationSet back = AnnotationFiles.read(out, AnnotationFormat.CVAT_VIDEO, null);
    assertThat(back.detections()).isEqualTo(set.detections());
    assertThat(back.layout().frameStart()).isEqualTo(10);
    assertThat(back.layout().frameStep()).isEqualTo(3);
  }

  @Test
  void aFrameOffTheTasksStepIsRefusedNamingTheFrame() throws IOException {
    Path f = tmp.resolve("off.xml");
    Files.writeString(
        f,
        Files.readString(real("cvat/datumaro_for_video.xml"))
            .replace("frame=\"13\" outside=\"1\"", "frame=\"14\" outside=\"1\""));
    assertRefused(() -> AnnotationFiles.read(f), "frame 14", "10 + k * 3");
  }

  /** The skeleton track and its four part tracks count as skeleton shapes, not as objects. */
  @Test
  void cvatSkeletonTracksAreCountedNotRead() throws IOException {
    AnnotationSet set = read("cvat/datumaro_for_video_skeleton.xml");
    assertThat(set.labels()).containsExactly("klhg", "z U k", "II");
    assertThat(set.detections()).hasSize(3);
    assertThat(warnings)
        .containsExactly(
            "skipped 2 points, 2 polyline, 3 skeleton shapes (keyframe reads boxes, masks and polygons)");
  }

  /**
   * Datumaro test_can_load_image: img0 is 8x8, img1 10x10; one box of label1 (0, 2, 4, 2),
   * occluded.
   */
  @Test
  void cvatForImagesKeepsEachImagesSizeAndName() throws IOException {
    AnnotationSet set = read("cvat/datumaro_for_images_train.xml");
    assertThat(set.labels()).containsExactly("label1", "label2");
    assertThat(set.layout().images())
        .containsExactly(
            new FrameImage(0, 0, "img0.jpg", 8, 8), new FrameImage(1, 1, "img1.jpg", 10, 10));
    assertThat(set.detections())
        .containsExactly(
            Detection.builder(0, "label1").box(new Box(0, 2, 4, 2)).occluded(true).build());
    // Datumaro reads the polyline and polygon without a label and the points as label2.
    assertThat(warnings)
        .containsExactly(
            "skipped 1 polyline, 1 unlabelled polygon, 1 points shapes (keyframe reads boxes, masks "
                + "and polygons); 4 shape attribute values (a1, a2, a3, a4)",
            "images differ in size (2 sizes); each mask is kept at its own image's size, the video size 8x8 is the first image's");
  }

  @Test
  void cvatForImagesSkeletonsAreCounted() throws IOException {
    AnnotationSet set = read("cvat/datumaro_for_images_skeleton.xml");
    assertThat(set.labels()).containsExactly("label1", "label2");
    assertThat(set.detections()).hasSize(1);
    assertThat(warnings)
        .containsExactly(
            "skipped 1 polyline, 2 skeleton, 1 unlabelled polygon, 1 points shapes (keyframe reads "
                + "boxes, masks and polygons); 4 shape attribute values (a1, a2, a3, a4)",
            "images differ in size (2 sizes); each mask is kept at its own image's size, the video size 8x8 is the first image's");
  }

  /**
   * A project export: three subsets, each with img0 (8x8) and img1 (10x10). The polygon
   * "1,2;3,4;6,5" on 10x10 is pycocotools' "Q11R2": one pixel, (3, 3) (formats/polygon_masks.tsv,
   * row 3).
   */
  @Test
  void cvatProjectExportIsOneSetPerSubsetWithPolygonMasks() throws IOException {
    List<AnnotationSet> sets =
        AnnotationFiles.readAll(
            real("cvat/datumaro_export_project.xml"), AnnotationFormat.CVAT_VIDEO, warnings::add);
    assertThat(sets)
        .extracting(s -> s.layout().subset())
        .containsExactly("Test", "Train", "Validation");
    assertThat(sets).extracting(s -> s.video().id()).containsExactly("Test", "train", "Validation");
    for (AnnotationSet s : sets) {
      assertThat(s.labels()).containsExactly("label1", "label2");
      assertThat(s.layout().images())
          .containsExactly(
              new FrameImage(0, 0, "img0.jpg", 8, 8), new FrameImage(1, 1, "img1.jpg", 10, 10));
      assertThat(s.detections()).hasSize(2);
      assertThat(s.detections().get(0).box()).isEqualTo(new Box(0, 2, 4, 2));
      Detection polygon = s.detections().get(1);
      assertThat(polygon.frame()).isEqualTo(1);
      assertThat(polygon.mask()).isEqualTo(Mask.fromCompressedString(10, 10, "Q11R2"));
      assertThat(polygon.box()).isEqualTo(new Box(1, 2, 5, 3));
      assertThat(polygon.source().polygons())
          .containsExactly(new Polygon(new double[] {1, 2, 3, 4, 6, 5}));
    }
    assertThat(warnings)
        .first()
        .isEqualTo(
            "skipped 3 polyline, 3 points shapes (keyframe reads boxes, masks and polygons); "
                + "12 shape attribute values (a1, a2, a3, a4)");
    assertThat(warnings)
        .hasSize(4)
        .element(1)
        .asString()
        .startsWith("images of 'Test' differ in size (2 sizes)");
    warnings.clear();
    AnnotationSet first = read("cvat/datumaro_export_project.xml");
    assertThat(first.layout().subset()).isEqualTo("Test");
    assertThat(warnings).anyMatch(w -> w.contains("project export with 3 tasks/subsets"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cvat/datumaro_for_images_train.xml", "cvat/datumaro_export_project.xml"})
  void cvatForImagesRoundTripsAsCvatForImages(String name) throws IOException {
    for (AnnotationSet set :
        AnnotationFiles.readAll(real(name), AnnotationFormat.CVAT_VIDEO, null)) {
      Path out = tmp.resolve("images.xml");
      AnnotationFiles.write(out, set, AnnotationFormat.CVAT_VIDEO, warnings::add);
      assertThat(warnings).isEmpty();
      assertThat(Files.readString(out))
          .contains("<image id=\"1\" name=\"img1.jpg\" width=\"10\" height=\"10\">");
      AnnotationSet back = AnnotationFiles.read(out, AnnotationFormat.CVAT_VIDEO, null);
      assertThat(back.detections()).isEqualTo(set.detections());
      assertThat(back.layout().images()).isEqualTo(set.layout().images());
      assertThat(back.labels()).isEqualTo(set.labels());
    }
  }

  /**
   * COCO val2017 images of three sizes become CVAT for images with the same sizes and masks; the
   * writer names what CVAT drops.
   */
  @Test
  void cocoWithPerImageSizesToCvatKeepsSizesAndMasks() throws IOException {
    AnnotationSet coco = read("coco/labelformat_instances_with_binary_mask.json");
    assertThat(warnings)
        .containsExactly(
            "images differ in size (3 sizes); each mask is kept at its own image's size, "
                + "the video size 482x640 is the first image's");
    Path out = tmp.resolve("coco.xml");
    assertThat(writerWarnings(out, coco, AnnotationFormat.CVAT_VIDEO))
        .singleElement()
        .asString()
        .startsWith("cvat-video cannot carry: 1 crowd flags")
        .contains("image ids (CVAT numbers images 0..n-1)")
        .contains("category ids");
    AnnotationSet back = AnnotationFiles.read(out, AnnotationFormat.CVAT_VIDEO, null);
    assertThat(back.layout().images())
        .extracting(i -> i.width() + "x" + i.height())
        .isEqualTo(coco.layout().images().stream().map(i -> i.width() + "x" + i.height()).toList());
    assertThat(back.detections())
        .extracting(Detection::mask)
        .isEqualTo(coco.detections().stream().map(Detection::mask).toList());
    assertThatThrownBy(
            () -> AnnotationFiles.write(tmp.resolve("yt.json"), coco, AnnotationFormat.YOUTUBE_VIS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one frame size per video");
    assertThat(tmp.resolve("yt.json")).doesNotExist();
  }

  // ------------------------------------------------------------------ COCO

  /**
   * Datumaro test_can_import_instances (val): a polygon of 'a' and a crowd RLE of 'b' on a 5x10
   * image with id 40.
   */
  @Test
  void cocoPolygonAndCrowdRleAsDatumaroReadsThem() throws IOException {
    AnnotationSet set = read("coco/datumaro_instances_val.json");
    assertThat(set.labels()).containsExactly("a", "b", "c");
    assertThat(set.layout().categories()).extracting(Category::id).containsExactly(1L, 2L, 4L);
    assertThat(set.layout().images()).containsExactly(new FrameImage(0, 40, "b.jpg", 5, 10));
    Detection polygon = set.detections().get(0), crowd = set.detections().get(1);
    assertThat(polygon.label()).isEqualTo("a");
    assertThat(polygon.box()).isEqualTo(new Box(0, 0, 1, 2));
    assertThat(polygon.source().polygons())
        .containsExactly(new Polygon(new double[] {0, 0, 1, 0, 1, 2, 0, 2}));
    assertThat(polygon.mask())
        .isEqualTo(
            Mask.fromCompressedString(10, 5, "02`1")); // pycocotools, polygon_masks.tsv row 4
    assertThat(polygon.source().crowd()).isFalse();
    assertThat(crowd.label()).isEqualTo("b");
    assertThat(crowd.source().crowd()).isTrue();
    // Datumaro: Mask(np.array([[1, 1, 0, 0, 0]] * 10)): the first two columns of all ten rows.
    boolean[] rows = crowd.mask().toRowMajor();
    for (int y = 0; y < 10; y++)
      for (int x = 0; x < 5; x++) assertThat(rows[y * 5 + x]).isEqualTo(x < 2);
    assertThat(crowd.box()).isEqualTo(new Box(0, 0, 1, 9));
  }

  @Test
  void cocoBoxOnlyAnnotationWithAnEmptySegmentationList() throws IOException {
    AnnotationSet set = read("coco/datumaro_instances_train.json");
    assertThat(set.layout().images()).containsExactly(new FrameImage(0, 5, "a.jpg", 10, 5));
    assertThat(set.detections())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.label()).isEqualTo("b");
              assertThat(d.box()).isEqualTo(new Box(2, 2, 3, 1));
              assertThat(d.mask()).isNull();
            });
  }

  /**
   * labelformat's test_coco_to_coco: images, categories and annotations come back. keyframe keeps
   * more than labelformat does: supercategories, annotation ids, areas and iscrowd too.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "coco/labelformat_object_detection_train.json",
        "coco/labelformat_instances_with_binary_mask.json",
        "coco/datumaro_instances_val.json",
        "coco/datumaro_instances_train.json"
      })
  void cocoToCocoKeepsImagesCategoriesIdsCrowdAreasAndSegmentationType(String name)
      throws IOException {
    AnnotationSet set = read(name);
    Path out = tmp.resolve("out.json");
    // What the reader said (images of several sizes) is not the writer's business.
    assertThat(writerWarnings(out, set, AnnotationFormat.COCO)).isEmpty();
    JsonNode in = JSON.readTree(real(name).toFile()), back = JSON.readTree(out.toFile());
    assertSameFields(in.get("images"), back.get("images"), "id", "width", "height", "file_name");
    assertSameFields(in.get("categories"), back.get("categories"), "id", "name", "supercategory");
    assertSameFields(
        in.get("annotations"),
        back.get("annotations"),
        "id",
        "image_id",
        "category_id",
        "bbox",
        "area");
    Map<String, JsonNode> backById = new java.util.HashMap<>();
    for (JsonNode y : back.get("annotations")) backById.put(y.get("id").asText(), y);
    for (JsonNode x : in.get("annotations")) {
      JsonNode y = backById.get(x.get("id").asText());
      assertThat(y.get("iscrowd").asInt())
          .isEqualTo(x.get("iscrowd").asBoolean() || x.get("iscrowd").asInt() == 1 ? 1 : 0);
      JsonNode sx = x.get("segmentation"), sy = y.get("segmentation");
      if (sx == null || (sx.isArray() && sx.isEmpty())) assertThat(sy).isNull();
      else if (sx.isArray())
        assertThat(numbers(sy)).isEqualTo(numbers(sx)); // polygons stay polygons
      else
        assertThat(sy.isObject()).isTrue(); // RLE stays RLE (pixels checked on the read-back below)
    }
    AnnotationSet again = AnnotationFiles.read(out, AnnotationFormat.COCO, null);
    assertThat(again).isEqualTo(set);
  }

  /**
   * COCO val2017 images differ in size: every mask is checked against, and sized as, its own image.
   */
  @Test
  void cocoMasksOnImagesOfDifferentSizes() throws IOException {
    AnnotationSet set = read("coco/labelformat_instances_with_binary_mask.json");
    assertThat(set.layout().images())
        .extracting(i -> i.width() + "x" + i.height())
        .doesNotHaveDuplicates()
        .hasSize(3);
    for (Detection d : set.detections()) {
      FrameImage img = set.layout().image(d.frame());
      assertThat(d.mask().width()).isEqualTo(img.width());
      assertThat(d.mask().height()).isEqualTo(img.height());
    }
    assertThat(set.detections()).filteredOn(d -> d.source().crowd()).hasSize(1);
  }

  /**
   * Datumaro's person_keypoints asset: two annotations with keypoints; read as their polygon/RLE
   * and box, keypoints said.
   */
  @Test
  void cocoKeypointsAreCountedNotDropped() throws IOException {
    AnnotationSet set = read("coco/datumaro_person_keypoints_val.json");
    assertThat(set.detections()).hasSize(2);
    assertThat(set.detections()).extracting(Detection::label).containsExactly("a", "b");
    assertThat(warnings)
        .containsExactly("skipped keypoints of 2 annotations (keyframe reads boxes and masks)");
  }

  @Test
  void categoryIdsStartingAtZeroAreKept() throws IOException {
    AnnotationSet set = read("coco/labelformat_object_detection_train.json");
    assertThat(set.labels()).hasSize(32);
    assertThat(set.layout().categories().get(0)).isEqualTo(new Category(0, "person", "person"));
    assertThat(set.layout().categories().get(31).id()).isEqualTo(31);
    assertThat(set.layout().images())
        .extracting(FrameImage::fileName)
        .contains("a-weird Filename.asdf.jpg");
  }

  // ------------------------------------------------------------------ COCO-VID

  /**
   * mmtracking test_coco_video_dataset: 1 video, 2 categories, 8 images, 2 instances -> [4, 3]
   * objects; image 1: 3 crowd.
   */
  @Test
  void cocoVidAsMmtrackingCountsIt() throws IOException {
    Path f = real("cocovid/mmtracking_demo_cocovid_ann.json");
    assertThat(AnnotationFiles.detect(f)).isEqualTo(AnnotationFormat.COCO_VID);
    AnnotationSet set = read("cocovid/mmtracking_demo_cocovid_ann.json");
    assertThat(set.video().id()).isEqualTo("dummy_video");
    assertThat(set.video().frameCount()).isEqualTo(8);
    assertThat(set.video().width()).isEqualTo(512);
    assertThat(set.video().height()).isEqualTo(256);
    assertThat(set.labels()).containsExactly("car", "person");
    Map<Integer, Long> perTrack =
        set.detections().stream()
            .collect(Collectors.groupingBy(Detection::trackId, Collectors.counting()));
    assertThat(perTrack)
        .containsEntry(1, 4L)
        .containsEntry(2, 3L)
        .containsEntry(3, 1L)
        .containsEntry(4, 1L)
        .containsEntry(5, 1L);
    // Image 1 (frame 0): three crowd (ignored) boxes; image 5 (frame 4): two objects; image 8
    // (frame 7): none.
    assertThat(set.detections())
        .filteredOn(d -> d.frame() == 0)
        .allMatch(d -> d.source().crowd())
        .hasSize(3);
    assertThat(set.detections())
        .filteredOn(d -> d.frame() == 4)
        .noneMatch(d -> d.source().crowd())
        .hasSize(2);
    assertThat(set.detections()).filteredOn(d -> d.frame() == 7).isEmpty();
    assertThat(at(set, 1, 1).box())
        .isEqualTo(
            new Box(44.96680450439453, 46.50063705444336, 51.31086730957031, 4.578987121582031));
    assertThat(at(set, 1, 1).visibility()).isEqualTo(1.0);
  }

  @Test
  void cocoVidToCocoVidKeepsVideoImagesIdsInstancesAndAreas() throws IOException {
    String name = "cocovid/mmtracking_demo_cocovid_ann.json";
    AnnotationSet set = read(name);
    Path out = tmp.resolve("vid.json");
    AnnotationFiles.write(out, set, AnnotationFormat.COCO_VID, warnings::add);
    assertThat(warnings).isEmpty();
    JsonNode in = JSON.readTree(real(name).toFile()), back = JSON.readTree(out.toFile());
    assertSameFields(in.get("videos"), back.get("videos"), "id", "name");
    assertSameFields(
        in.get("images"),
        back.get("images"),
        "id",
        "file_name",
        "width",
        "height",
        "video_id",
        "frame_id");
    assertSameFields(
        in.get("annotations"),
        back.get("annotations"),
        "id",
        "image_id",
        "video_id",
        "category_id",
        "instance_id",
        "bbox",
        "area");
    assertThat(AnnotationFiles.read(out, AnnotationFormat.COCO_VID, null)).isEqualTo(set);
  }

  /**
   * mmdetection vis_sample.json: two instances with RLE masks whose pixels fill their boxes (areas
   * 2500 and 10000).
   */
  @Test
  void cocoVidWithRleMasksAsMmdetectionWritesThem() throws IOException {
    AnnotationSet set = read("cocovid/mmdetection_vis_sample.json");
    assertThat(set.video().id()).isEqualTo("0043f083b5");
    assertThat(set.labels()).containsExactly("car", "train");
    assertThat(set.tracks()).extracting(Track::id).containsExactly(1, 2);
    assertThat(at(set, 0, 1).mask().area()).isEqualTo(2500);
    assertThat(at(set, 0, 1).mask().bbox()).contains(new Box(100, 100, 50, 50));
    assertThat(at(set, 1, 2).mask().area()).isEqualTo(10000);
    assertThat(at(set, 1, 2).mask().bbox()).contains(new Box(500, 500, 100, 100));
    assertThat(set.layout().images())
        .extracting(FrameImage::fileName)
        .containsExactly("0043f083b5/00000.jpg", "0043f083b5/00001.jpg");
  }

  @Test
  void mmtrackingVisDemoIsCocoVidWithAMaskTheSizeOfItsImage() throws IOException {
    AnnotationSet set = read("cocovid/mmtracking_demo_vis_ann.json");
    Detection d = set.detections().get(0);
    assertThat(d.mask().width()).isEqualTo(1280);
    assertThat(d.mask().height()).isEqualTo(720);
    assertThat(d.box()).isEqualTo(new Box(1174, 335, 104, 79));
  }

  /**
   * --from coco reads a COCO-VID file as plain COCO (frames by frame_id, tracks by instance_id),
   * and says nothing is lost.
   */
  @Test
  void aForcedDialectOverridesDetection() throws IOException {
    Path f = real("cocovid/mmtracking_demo_cocovid_ann.json");
    AnnotationSet asCoco = AnnotationFiles.read(f, AnnotationFormat.COCO, null);
    assertThat(asCoco.detections()).hasSize(10);
    assertThat(asCoco.video().id()).isEqualTo("mmtracking_demo_cocovid_ann");
    assertRefused(
        () ->
            AnnotationFiles.read(
                real("coco/datumaro_instances_val.json"), AnnotationFormat.COCO_VID, null),
        "no 'videos' key");
  }

  // ------------------------------------------------------------------ YouTube-VIS

  /**
   * labelformat test_youtubevis: video 5, file names, a crowd RLE track (area 4) and a polygon
   * track.
   */
  @Test
  void youTubeVisToYouTubeVisKeepsVideoIdFileNamesCrowdPolygonsAndAreas() throws IOException {
    String name = "ytvis/labelformat_test_youtubevis_instances.json";
    AnnotationSet set = read(name);
    Detection rle = at(set, 0, 20), poly = at(set, 0, 21);
    boolean[] rows = rle.mask().toRowMajor(); // [[0,1,1],[0,1,1]]
    assertThat(rows).containsExactly(false, true, true, false, true, true);
    assertThat(rle.source().crowd()).isTrue();
    assertThat(poly.source().polygons())
        .containsExactly(new Polygon(new double[] {10, 10, 20, 10, 20, 20, 10, 20}));
    assertThat(poly.box()).isEqualTo(new Box(10, 10, 10, 10));
    Path out = tmp.resolve("yt.json");
    AnnotationFiles.write(out, set, AnnotationFormat.YOUTUBE_VIS, warnings::add);
    assertThat(warnings).isEmpty();
    JsonNode in = JSON.readTree(real(name).toFile()), back = JSON.readTree(out.toFile());
    assertSameFields(
        in.get("videos"), back.get("videos"), "id", "file_names", "width", "height", "length");
    assertSameFields(
        in.get("annotations"),
        back.get("annotations"),
        "id",
        "video_id",
        "category_id",
        "iscrowd",
        "bboxes");
    assertThat(back.at("/annotations/0/areas/0").asDouble()).isEqualTo(4);
    assertThat(numbers(back.at("/annotations/1/segmentations/0")))
        .isEqualTo(numbers(in.at("/annotations/1/segmentations/0")));
    assertThat(AnnotationFiles.read(out, AnnotationFormat.YOUTUBE_VIS, null)).isEqualTo(set);
  }

  // ------------------------------------------------------------------ lossy conversions

  /** CVAT -> COCO -> YouTube-VIS -> MOT -> CVAT: each writer says what its format drops. */
  @Test
  void eachLossyWriterSaysWhatItCannotCarry() throws IOException {
    AnnotationSet cvat = read("cvat/datumaro_for_video.xml");
    Path coco = tmp.resolve("a.json"),
        yt = tmp.resolve("b.json"),
        mot = tmp.resolve("c.txt"),
        back = tmp.resolve("d.xml");
    assertThat(writerWarnings(coco, cvat, AnnotationFormat.COCO))
        .containsExactly("coco cannot carry: CVAT's start frame and frame step");
    AnnotationSet c = AnnotationFiles.read(coco, AnnotationFormat.COCO, null);
    assertThat(writerWarnings(yt, c, AnnotationFormat.YOUTUBE_VIS))
        .singleElement()
        .asString()
        .startsWith("youtube-vis cannot carry: 3 occluded/outside/keyframe flags");
    AnnotationSet y = AnnotationFiles.read(yt, AnnotationFormat.YOUTUBE_VIS, null);
    assertThat(writerWarnings(mot, y, AnnotationFormat.MOT))
        .singleElement()
        .asString()
        .startsWith("mot cannot carry: class names (3 labels, written as class ids 1..3)")
        .contains("the frame size (25x20)");
    AnnotationSet m = AnnotationFiles.read(mot, AnnotationFormat.MOT, null);
    assertThat(writerWarnings(back, m, AnnotationFormat.CVAT_VIDEO)).isEmpty();
  }

  // ------------------------------------------------------------------ not text

  @ParameterizedTest
  @ValueSource(strings = {"some.txt", "some.xml", "some.json"})
  void binaryInputIsOneErrorNamingTheFileAndWhere(String name) throws IOException {
    Path f = tmp.resolve(name);
    byte[] head =
        name.endsWith(".xml")
            ? "<annotations>\n<x a=\"".getBytes()
            : name.endsWith(".json")
                ? "{\n\"images\": [\"".getBytes()
                : "1,1,2,3,4,5,1\n2,1,".getBytes();
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xff;
    bytes[head.length + 1] = (byte) 0xfe;
    bytes[head.length + 2] = 0;
    Files.write(f, bytes);
    assertThatThrownBy(() -> AnnotationFiles.read(f))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("line 2");
  }

  @Test
  void aMotFileInLatin1NamesTheByteOffset() throws IOException {
    Path f = tmp.resolve("latin1.txt");
    Files.write(
        f,
        "1,1,2,3,4,5,1,1,1\n2,1,2,3,4,5,1,1,1 caf\u00e9\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertRefused(() -> AnnotationFiles.read(f), "line 2", "byte 0xe9 at byte offset 39");
  }

  @Test
  void aBinaryFileOfUnknownExtensionIsNotGuessed() throws IOException {
    Path f = tmp.resolve("some.bin");
    Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    assertRefused(() -> AnnotationFiles.read(f), "some.bin", "first byte 0x89");
  }

  // ------------------------------------------------------------------ helpers

  /** Records are matched by their "id" (COCO does not order them); every named field must agree. */
  private static void assertSameFields(JsonNode in, JsonNode out, String... fields) {
    assertThat(out.size()).as("records").isEqualTo(in.size());
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    for (JsonNode o : out) byId.put(o.get("id").asText(), o);
    for (int i = 0; i < in.size(); i++)
      for (String f : fields) {
        JsonNode match = byId.get(in.get(i).get("id").asText());
        assertThat(match).as("record with id " + in.get(i).get("id")).isNotNull();
        JsonNode a = in.get(i).get(f), b = match.get(f);
        if (a == null) continue;
        if (a.isNumber() || a.isArray())
          assertThat(numbersOrText(b)).as(f + " of record " + i).isEqualTo(numbersOrText(a));
        else assertThat(b).as(f + " of record " + i).isEqualTo(a);
      }
  }

  private static List<Object> numbersOrText(JsonNode n) {
    List<Object> out = new ArrayList<>();
    if (n == null || n.isNull()) out.add(null);
    else if (n.isNumber()) out.add(n.asDouble());
    else if (n.isTextual()) out.add(n.asText());
    else if (n.isArray()) for (JsonNode e : n) out.addAll(numbersOrText(e));
    else out.add(n.toString());
    return out;
  }

  private static List<Double> numbers(JsonNode n) {
    List<Double> out = new ArrayList<>();
    if (n.isNumber()) out.add(n.asDouble());
    else for (JsonNode e : n) out.addAll(numbers(e));
    return out;
  }
}
