package io.keyframe.dataset.frames.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * One data element: tag, VR and either a value (bytes in the file's byte order), the items of a
 * sequence, or the fragments of encapsulated pixel data (the first fragment is the Basic Offset
 * Table, possibly empty). Values are read-only views of the file's bytes, not copies.
 *
 * @param tag group in the high 16 bits, element in the low 16
 * @param vr the two-letter value representation ("SQ" for sequences)
 * @param value the value bytes (never null for plain elements; empty for zero length)
 * @param items the items of a sequence, else empty
 * @param fragments the fragments of encapsulated pixel data, else empty
 */
public record DicomElement(
    int tag, String vr, ByteBuffer value, List<DicomDataset> items, List<ByteBuffer> fragments) {
  public DicomElement {
    Objects.requireNonNull(vr, "vr");
    if (vr.length() != 2) throw new IllegalArgumentException("VR must have 2 letters: " + vr);
    value = value == null ? ByteBuffer.allocate(0) : value.asReadOnlyBuffer().order(value.order());
    items = List.copyOf(items);
    fragments = List.copyOf(fragments);
  }

  /** A plain element. */
  public static DicomElement of(int tag, String vr, ByteBuffer value) {
    return new DicomElement(tag, vr, value, List.of(), List.of());
  }

  /**
   * A text element, padded to even length as PS3.5 6.2 requires (UI with NUL, others with space).
   */
  public static DicomElement text(int tag, String vr, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length % 2 == 1) {
      byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
      p[b.length] = vr.equals("UI") ? 0 : (byte) ' ';
      b = p;
    }
    return of(tag, vr, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN));
  }

  /** A sequence of items. */
  public static DicomElement sequence(int tag, List<DicomDataset> items) {
    return new DicomElement(tag, "SQ", null, items, List.of());
  }

  /** This element with encapsulated fragments as its content. */
  public DicomElement withFragments(List<ByteBuffer> f) {
    return new DicomElement(tag, vr, null, List.of(), f);
  }

  /** This element with another value. */
  public DicomElement withValue(ByteBuffer v) {
    return new DicomElement(tag, vr, v, List.of(), List.of());
  }

  public boolean isSequence() {
    return vr.equals("SQ");
  }

  public boolean isEncapsulated() {
    return !fragments.isEmpty();
  }

  /** Group number (high 16 bits). */
  public int group() {
    return tag >>> 16;
  }

  /** True for elements of odd groups (private data elements and private creators). */
  public boolean isPrivate() {
    return DicomTags.isPrivate(tag);
  }

  /** The value's bytes (a copy). */
  public byte[] bytes() {
    ByteBuffer v = value.duplicate();
    byte[] b = new byte[v.remaining()];
    v.get(b);
    return b;
  }

  /**
   * The value as text with trailing padding (spaces, NULs) removed; multi-values keep their
   * backslashes.
   */
  public String string() {
    String s = new String(bytes(), StandardCharsets.ISO_8859_1);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) end--;
    int start = 0;
    // Leading spaces are insignificant for numbers, codes and names alike.
    while (start < end
        && s.charAt(start) == ' '
        && !vr.equals("LT")
        && !vr.equals("ST")
        && !vr.equals("UT")) start++;
    return s.substring(start, end);
  }

  /** Value length in bytes. */
  public int length() {
    return value.remaining();
  }

  @Override
  public String toString() {
    // Never the value: it may identify a patient.
    return "DicomElement["
        + DicomTags.format(tag)
        + " "
        + vr
        + ", "
        + (isSequence()
            ? items.size() + " items"
            : isEncapsulated() ? fragments.size() + " fragments" : length() + " bytes")
        + "]";
  }
}
