package io.keyframe.dataset.deid;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.frames.dicom.DicomDataset;
import io.keyframe.dataset.frames.dicom.DicomDictionary;
import io.keyframe.dataset.frames.dicom.DicomElement;
import io.keyframe.dataset.frames.dicom.DicomFile;
import io.keyframe.dataset.frames.dicom.DicomTags;
import io.keyframe.dataset.privacy.Pseudonymiser;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the DICOM PS3.15 Annex E Basic Application Level Confidentiality Profile (Table E.1-1,
 * edition {@value ConfidentialityProfile#EDITION}) with the selected options to one instance:
 *
 * <ul>
 *   <li>X removes, Z empties, D writes a dummy of the attribute's VR, K keeps, U replaces each UID
 *       by {@code 2.25.<decimal of the first 128 bits of HMAC-SHA256(key, "dicom-uid:" + uid)>}
 *       (PS3.5 B.2 form; the same UID gives the same replacement in every file, so references
 *       between instances survive), C (Modified Dates option) moves DA and DT values back by a
 *       keyed per-patient number of days.
 *   <li>Compound codes take the choice that removes the information but keeps a Type 2 attribute
 *       present: X/Z and X/Z/D and Z/D become Z, X/D becomes D; X/Z/U* sequences are kept and their
 *       contents cleaned (the UIDs inside are U).
 *   <li>Patient ID is replaced by the project's patient pseudonym ({@code pat-xxxxxxxx}), so
 *       annotations of one patient stay linkable; Patient Identity Removed is set to YES, and
 *       De-identification Method (Code Sequence) names the profile and options.
 *   <li>Private elements (odd groups) are removed unless allow-listed by creator; curves (50xx) and
 *       overlay groups (60xx) are removed whole; attributes the table does not list are kept and
 *       sequences are cleaned item by item.
 *   <li>Burned In Annotation YES, or absent on ultrasound or secondary capture, is refused unless
 *       the caller states the pixels were cleaned: pixels are never changed here.
 * </ul>
 */
public final class Deidentifier {
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int MAX_SHIFT_DAYS = 3650;

  private final ConfidentialityProfile profile;
  private final Pseudonymiser pseudonyms;
  private final DeidOptions options;
  private final Set<ProfileOption> selected;

  public Deidentifier(Pseudonymiser pseudonyms, DeidOptions options) {
    this.profile = ConfidentialityProfile.basic();
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    this.options = Objects.requireNonNull(options, "options");
    this.selected = options.profileOptions();
  }

  /** The result: the de-identified file and what was done. */
  public record Result(DicomFile file, DeidReport report) {}

  /**
   * The de-identified copy of {@code in} (the input is not changed).
   *
   * @throws BadAnnotationException (field BurnedInAnnotation) when pixels may carry identifying
   *     text and {@link DeidOptions#pixelsCleaned()} is false
   */
  public Result apply(DicomFile in) {
    DicomDataset src = in.dataset();
    checkBurnedIn(in);
    String patientId = src.string(DicomTags.PATIENT_ID, "");
    Run run = new Run(shiftDays(patientId));
    DicomDataset out = run.clean(src);
    if (!patientId.isEmpty()) {
      out.put(DicomElement.text(DicomTags.PATIENT_ID, "LO", pseudonyms.patient(patientId)));
      run.count("pseudonym");
      run.counts.merge("emptied", -1, Integer::sum); // it was counted as Z first
    }
    out.put(DicomElement.text(DicomTags.PATIENT_IDENTITY_REMOVED, "CS", "YES"));
    out.put(DicomElement.text(DicomTags.DEIDENTIFICATION_METHOD, "LO", method()));
    out.put(DicomElement.sequence(DicomTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE, methodCodes()));
    if (options.dates() != DeidOptions.Dates.REMOVE)
      out.put(
          DicomElement.text(
              DicomTags.LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED,
              "CS",
              options.dates() == DeidOptions.Dates.SHIFT ? "MODIFIED" : "UNMODIFIED"));
    DicomDataset meta = in.meta().copy();
    meta.remove(0x00020016); // Source Application Entity Title: names a device at a site
    meta.remove(0x00020017); // Sending Application Entity Title
    meta.remove(0x00020018); // Receiving Application Entity Title
    DicomElement msop = meta.get(DicomTags.MEDIA_STORAGE_SOP_INSTANCE_UID);
    if (msop != null) meta.put(DicomElement.text(msop.tag(), "UI", uid(msop.string())));
    return new Result(in.with(meta, out), new DeidReport(run.counts));
  }

  /**
   * PS3.15 E.1.1 (pixel data): a de-identifier must not pass on burned-in identifying text it
   * cannot remove.
   */
  void checkBurnedIn(DicomFile in) {
    if (options.pixelsCleaned()) return;
    DicomDataset d = in.dataset();
    if (!d.contains(DicomTags.PIXEL_DATA)) return;
    String burned = d.string(DicomTags.BURNED_IN_ANNOTATION, "");
    String modality = d.string(DicomTags.MODALITY, "");
    String sopClass = d.string(DicomTags.SOP_CLASS_UID, "");
    // Ultrasound (current and retired multi-frame classes), secondary capture, and visible-light
    // video (endoscopy, microscopy): classes whose pixels routinely carry burned-in patient text.
    boolean risky =
        modality.equals("US")
            || modality.equals("IVUS")
            || sopClass.equals("1.2.840.10008.5.1.4.1.1.7")
            || sopClass.startsWith("1.2.840.10008.5.1.4.1.1.7.")
            || sopClass.startsWith("1.2.840.10008.5.1.4.1.1.6.")
            || sopClass.equals("1.2.840.10008.5.1.4.1.1.3.1")
            || sopClass.startsWith("1.2.840.10008.5.1.4.1.1.77.1.");
    if (burned.equals("YES"))
      throw new BadAnnotationException(
          in.source(),
          -1,
          -1,
          "BurnedInAnnotation",
          "Burned In Annotation is YES: the pixels show text that may identify the patient; remove it (mask the"
              + " region) and pass --pixels-cleaned to state that you did");
    if (burned.isEmpty() && risky)
      throw new BadAnnotationException(
          in.source(),
          -1,
          -1,
          "BurnedInAnnotation",
          "Burned In Annotation is absent on "
              + (modality.isEmpty() ? "secondary capture" : modality)
              + " images, which often carry burned-in text; check the pixels and pass --pixels-cleaned once they are clean");
  }

  private String method() {
    StringBuilder b =
        new StringBuilder("keyframe PS3.15 " + ConfidentialityProfile.EDITION + " Basic Profile");
    for (ProfileOption o : selected)
      b.append('\\').append(o.name().replace('_', ' ').toLowerCase());
    b.append("\\Patient ID: keyed pseudonym");
    // LO holds 64 characters per value; the codes in (0012,0064) are the full statement.
    return Arrays.stream(b.toString().split("\\\\"))
        .map(s -> s.length() > 64 ? s.substring(0, 64) : s)
        .reduce((x, y) -> x + "\\" + y)
        .orElse("");
  }

  private List<DicomDataset> methodCodes() {
    List<DicomDataset> items = new ArrayList<>();
    items.add(code(ProfileOption.BASIC_PROFILE_CODE, ProfileOption.BASIC_PROFILE_MEANING));
    for (ProfileOption o : selected) items.add(code(o.code(), o.meaning()));
    return items;
  }

  private static DicomDataset code(String value, String meaning) {
    DicomDataset d = new DicomDataset();
    d.put(DicomElement.text(DicomTags.CODE_VALUE, "SH", value));
    d.put(DicomElement.text(DicomTags.CODING_SCHEME_DESIGNATOR, "SH", "DCM"));
    d.put(DicomElement.text(DicomTags.CODE_MEANING, "LO", meaning));
    return d;
  }

  /** The replacement of one UID (same key, same UID: same replacement). */
  public String uid(String original) {
    byte[] h = pseudonyms.keyedHash("dicom-uid", original.strip());
    return "2.25." + new BigInteger(1, Arrays.copyOf(h, 16));
  }

  /**
   * Days every date of this patient moves back: 1 to {@value #MAX_SHIFT_DAYS}, from a keyed hash of
   * the Patient ID.
   */
  public int shiftDays(String patientId) {
    byte[] h = pseudonyms.keyedHash("dicom-date-shift", patientId);
    return 1 + (int) Long.remainderUnsigned(ByteBuffer.wrap(h).getLong(), MAX_SHIFT_DAYS);
  }

  /** One pass over one instance. */
  private final class Run {
    final int shift;
    final Map<String, Integer> counts = new HashMap<>();

    Run(int shift) {
      this.shift = shift;
    }

    void count(String action) {
      counts.merge(action, 1, Integer::sum);
    }

    DicomDataset clean(DicomDataset in) {
      DicomDataset out = new DicomDataset();
      Map<Integer, String> creators = new HashMap<>();
      for (DicomElement e : in.elements())
        if (DicomTags.isPrivateCreator(e.tag())) creators.put(e.tag(), e.string());
      List<Integer> keptCreators = new ArrayList<>();
      for (DicomElement e : in.elements()) {
        int tag = e.tag();
        int group = tag >>> 16;
        if ((tag & 0xFFFF) == 0) continue; // group lengths: retired, and wrong after edits
        if (group == 0x0012
            && (tag == DicomTags.PATIENT_IDENTITY_REMOVED
                || tag == DicomTags.DEIDENTIFICATION_METHOD
                || tag == DicomTags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE))
          continue; // rewritten below
        if ((group & 0xFF00) == 0x5000 || (group & 0xFF00) == 0x6000) {
          // Curve Data and Overlay Data are X; the rest of their group describes only them.
          if ((group & 1) == 0) {
            count("removed");
            continue;
          }
        }
        if (DicomTags.isPrivate(tag)) {
          if (DicomTags.isPrivateCreator(tag)) continue; // decided once its elements are
          int block = (tag & 0xFF00) >>> 8;
          int creatorTag = (group << 16) | block;
          String creator = creators.get(creatorTag);
          boolean keep =
              options.keepPrivate().stream().anyMatch(r -> r.matches(group, tag & 0xFFFF, creator));
          if (keep) {
            out.put(
                e.isSequence()
                    ? DicomElement.sequence(tag, e.items().stream().map(this::clean).toList())
                    : e);
            if (!keptCreators.contains(creatorTag)) keptCreators.add(creatorTag);
            count("private-kept");
          } else {
            count("private-removed");
          }
          continue;
        }
        ConfidentialityProfile.Row row = profile.row(tag);
        String code = row == null ? "K" : row.code(selected);
        apply(out, e, resolve(code, e));
      }
      for (int c : keptCreators) {
        DicomElement creator = in.get(c);
        if (creator != null) out.put(creator);
      }
      return out;
    }

    /** One letter from a compound code (see the class comment). */
    private char resolve(String code, DicomElement e) {
      return switch (code) {
        case "X/Z", "X/Z/D", "Z/D" -> 'Z';
        case "X/D" -> 'D';
        case "X/Z/U*", "X/Z/U" -> e.isSequence() ? 'K' : 'U';
        default -> code.charAt(0);
      };
    }

    private void apply(DicomDataset out, DicomElement e, char action) {
      int tag = e.tag();
      switch (action) {
        case 'X' -> count("removed");
        case 'Z' -> {
          out.put(
              e.isSequence()
                  ? DicomElement.sequence(tag, List.of())
                  : DicomElement.of(tag, e.vr(), null));
          count("emptied");
        }
        case 'D' -> {
          if (e.isSequence())
            out.put(DicomElement.sequence(tag, e.items().stream().map(this::clean).toList()));
          else if (e.vr().equals("UI")) out.put(DicomElement.text(tag, "UI", uids(e.string())));
          else out.put(dummy(tag, e.vr(), e.value().order()));
          count("dummy");
        }
        case 'U' -> {
          if (e.isSequence()) {
            out.put(DicomElement.sequence(tag, e.items().stream().map(this::clean).toList()));
          } else {
            out.put(DicomElement.text(tag, "UI", uids(e.string())));
            count("uid");
          }
        }
        case 'C' -> {
          DicomElement shifted = shift(e);
          if (shifted == null) {
            count("removed");
          } else {
            out.put(shifted);
            count(shifted == e ? "kept" : "shifted"); // TM and empty values stay as they are
          }
        }
        default -> {
          // K, and attributes the table does not list: keep; clean inside sequences.
          out.put(
              e.isSequence()
                  ? DicomElement.sequence(tag, e.items().stream().map(this::clean).toList())
                  : e);
          if (!e.isSequence()) count("kept");
        }
      }
    }

    private String uids(String value) {
      if (value.isEmpty()) return "";
      StringBuilder b = new StringBuilder();
      for (String u : value.split("\\\\")) b.append(b.length() == 0 ? "" : "\\").append(uid(u));
      return b.toString();
    }

    /** Modified Dates option: DA and DT move back {@code shift} days; TM keeps its time of day. */
    private DicomElement shift(DicomElement e) {
      String v = e.string();
      if (v.isEmpty() || e.vr().equals("TM")) return e;
      try {
        if (e.vr().equals("DA"))
          return DicomElement.text(
              e.tag(), "DA", LocalDate.parse(v.substring(0, 8), DA).minusDays(shift).format(DA));
        if (e.vr().equals("DT") && v.length() >= 8)
          return DicomElement.text(
              e.tag(),
              "DT",
              LocalDate.parse(v.substring(0, 8), DA).minusDays(shift).format(DA) + v.substring(8));
      } catch (DateTimeParseException | StringIndexOutOfBoundsException x) {
        return null; // not a date we can shift: remove rather than keep it
      }
      return null; // a C on another VR (free text) cannot be cleaned here
    }
  }

  /** A non-empty value of {@code vr} that carries no information (PS3.15 Table E.1-1, action D). */
  static DicomElement dummy(int tag, String vr, ByteOrder order) {
    return switch (vr) {
      case "DA" -> DicomElement.text(tag, vr, "19000101");
      case "TM" -> DicomElement.text(tag, vr, "000000");
      case "DT" -> DicomElement.text(tag, vr, "19000101000000");
      case "DS", "IS" -> DicomElement.text(tag, vr, "0");
      case "AS" -> DicomElement.text(tag, vr, "000Y");
      case "CS" -> DicomElement.text(tag, vr, "ANONYMIZED");
      case "AE" -> DicomElement.text(tag, vr, "ANONYMIZED");
      case "US", "SS" -> DicomElement.of(tag, vr, ByteBuffer.allocate(2).order(order));
      case "UL", "SL", "FL", "AT" -> DicomElement.of(tag, vr, ByteBuffer.allocate(4).order(order));
      case "FD", "SV", "UV" -> DicomElement.of(tag, vr, ByteBuffer.allocate(8).order(order));
      case "OB", "OW", "UN", "OF", "OD", "OL", "OV" ->
          DicomElement.of(tag, vr, ByteBuffer.allocate(2).order(order));
      default -> DicomElement.text(tag, vr, "ANONYMIZED"); // PN, LO, SH, LT, ST, UT, UC, UR
    };
  }

  /** The VR the dictionary gives (for callers that build elements). */
  static String vr(int tag) {
    return DicomDictionary.vr(tag);
  }
}
