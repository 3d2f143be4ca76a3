package io.keyframe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.frames.dicom.DicomDataset;
import io.keyframe.dataset.frames.dicom.DicomFile;
import io.keyframe.dataset.frames.dicom.DicomTags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DICOM and NIfTI through the CLI: track, info and ingest --deidentify on the real test files. */
class MedicalInputsCliTest extends InProcessCliTest {
  static final Path REAL =
      Path.of(System.getProperty("keyframe.root", ".."), "dataset/src/test/resources/real");
  static final Path MODEL =
      Path.of(System.getProperty("keyframe.shared", "../shared"), "models/yolox_nano.onnx");

  /** {@code keyframe track} of {@code video} with the small YOLOX detector into {@code out}. */
  int track(Path video, Path out, String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("track", "--video", video.toString(), "--detector", MODEL.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--out", out.toString()));
    return run(args.toArray(String[]::new));
  }

  @Test
  void tracksAMultiFrameDicomLikeAnMp4() throws Exception {
    Path o = tmp.resolve("dcm");
    assertThat(track(REAL.resolve("dicom/emri_small.dcm"), o)).as(err.toString()).isZero();
    assertThat(o.resolve("tracks.mot.txt")).exists();
    String cvat = Files.readString(o.resolve("tracks.cvat.xml"));
    // emri_small.dcm: 10 frames of 64x64 (pydicom's reference); the video ID is the file stem.
    assertThat(cvat)
        .contains("<size>10</size>")
        .contains("<width>64</width>")
        .contains("<height>64</height>");
    assertThat(out.toString()).contains("wrote 6 files");
    assertThat(o.resolve("tracker.json")).exists();
  }

  @Test
  void tracksANiftiVolumeSliceBySlice() throws Exception {
    Path o = tmp.resolve("nii");
    assertThat(track(REAL.resolve("nifti/example4d.nii.gz"), o)).as(err.toString()).isZero();
    String cvat = Files.readString(o.resolve("tracks.cvat.xml"));
    // example4d.nii.gz: 128 x 96 x 24 (x 2 volumes); slices along z are the 24 frames.
    assertThat(cvat)
        .contains("<size>24</size>")
        .contains("<width>128</width>")
        .contains("<height>96</height>");
  }

  @Test
  void aNiftiVolumeCanBeSlicedAlongAnotherAxis() throws Exception {
    Path o = tmp.resolve("nii-y");
    assertThat(
            track(REAL.resolve("nifti/example4d.nii.gz"), o, "--slice-axis", "y", "--volume", "1"))
        .as(err.toString())
        .isZero();
    // Along y: 96 frames of x by z = 128 x 24.
    assertThat(Files.readString(o.resolve("tracks.cvat.xml")))
        .contains("<size>96</size>")
        .contains("<width>128</width>")
        .contains("<height>24</height>");
    assertThat(track(REAL.resolve("nifti/example4d.nii.gz"), tmp.resolve("bad"), "--volume", "2"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("volume 2 requested, the file has 2");
  }

  @Test
  void infoDescribesDicomAndNiftiWithoutIdentifiers() {
    assertThat(run("info", REAL.resolve("dicom/CT_small.dcm").toString())).isZero();
    assertThat(run("info", REAL.resolve("dicom/series-ct5n").toString())).isZero();
    assertThat(run("info", REAL.resolve("nifti/example4d.nii.gz").toString())).isZero();
    String s = out.toString();
    assertThat(s)
        .contains("modality      CT")
        .contains("series of 5 instances")
        .contains("0.661468 x 0.661468 mm")
        .contains("slice thickness 5.0 mm")
        .contains("dims 128x96x24x2")
        .contains("2.00 x 2.00 x 2.20");
    // CT_small's Patient's Name, Patient ID, Study Date and SOP Instance UID never appear.
    assertThat(s)
        .doesNotContain("CompressedSamples")
        .doesNotContain("1CT1")
        .doesNotContain("20040119")
        .doesNotContain("1.3.6.1.4.1.5962");
  }

  @Test
  void ingestWritesADeidentifiedSeriesThatTracksAndIsAudited() throws Exception {
    Path o = tmp.resolve("deid");
    assertThat(
            run(
                "ingest",
                "--deidentify",
                "--dates",
                "shift",
                "--out",
                o.toString(),
                REAL.resolve("dicom/series-ct5n").toString()))
        .as(err.toString())
        .isZero();
    List<Path> files;
    try (Stream<Path> s = Files.walk(o)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .hasSize(5)
        .allSatisfy(
            f -> assertThat(f.getFileName().toString()).startsWith("2.25.").endsWith(".dcm"));
    assertThat(files.stream().map(Path::getParent).distinct()).hasSize(1);
    DicomDataset d = DicomFile.read(files.get(0)).dataset();
    assertThat(d.string(DicomTags.PATIENT_IDENTITY_REMOVED)).isEqualTo("YES");
    assertThat(d.get(DicomTags.PATIENT_NAME).length()).isZero();
    // Patient ID 98890234 (pydicom prints it) becomes the CLI key's patient pseudonym, the same in
    // all five files.
    assertThat(files)
        .allSatisfy(
            f ->
                assertThat(DicomFile.read(f).dataset().string(DicomTags.PATIENT_ID))
                    .isEqualTo(Pseudonyms.get().patient("98890234")));
    // The de-identified series folder is a frame source.
    assertThat(track(files.get(0).getParent(), tmp.resolve("t"))).as(err.toString()).isZero();
    assertThat(Files.readString(tmp.resolve("t/tracks.cvat.xml"))).contains("<size>5</size>");
    // The audit log names the profile and options, never a path, name or UID of the input.
    String log = Files.readString(tmp.resolve("audit.jsonl"));
    assertThat(log)
        .contains("ingest-deidentify")
        .contains("PS3.15 2024e Annex E Basic Application Level Confidentiality Profile")
        .contains("113107 Retain Longitudinal Temporal Information Modified Dates Option")
        .contains("\"INPUT[0]\":\"<path>\"")
        .doesNotContain("series-ct5n")
        .doesNotContain("1.3.6.1.4.1.5962")
        .doesNotContain("98890234")
        .doesNotContain("Doe^Peter");
  }

  @Test
  void ingestRefusesUltrasoundWithoutBurnedInStatementAndWritesNothing() {
    Path o = tmp.resolve("refused");
    assertThat(
            run(
                "ingest",
                "--deidentify",
                "--out",
                o.toString(),
                REAL.resolve("dicom/MR_small.dcm").toString(),
                REAL.resolve("dicom/ExplVR_BigEnd.dcm").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("ExplVR_BigEnd.dcm")
        .contains("BurnedInAnnotation")
        .contains("1 of 2 files refused; nothing was written");
    assertThat(o).doesNotExist();
    assertThat(
            run(
                "ingest",
                "--deidentify",
                "--pixels-cleaned",
                "--out",
                o.toString(),
                REAL.resolve("dicom/ExplVR_BigEnd.dcm").toString()))
        .isZero();
    assertThat(out.toString()).contains("you stated burned-in text was already removed");
  }

  @Test
  void ingestWithoutDeidentifyIsRefused() {
    assertThat(
            run(
                "ingest",
                "--out",
                tmp.resolve("x").toString(),
                REAL.resolve("dicom/MR_small.dcm").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--deidentify");
  }
}
