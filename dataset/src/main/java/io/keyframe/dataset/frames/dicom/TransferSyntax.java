package io.keyframe.dataset.frames.dicom;

import java.nio.ByteOrder;

/**
 * What a Transfer Syntax UID (PS3.5 Section 10 and Annex A) means for parsing: VR explicit or not,
 * byte order, deflated data set, encapsulated pixel data, and whether keyframe can decode its
 * pixels.
 */
public record TransferSyntax(
    String uid,
    String name,
    boolean explicitVr,
    ByteOrder order,
    boolean deflated,
    boolean encapsulated) {
  public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  public static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
  public static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
  public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
  public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";

  /**
   * The transfer syntax named by {@code uid}; unknown UIDs are taken as explicit VR little endian,
   * encapsulated.
   */
  public static TransferSyntax of(String uid) {
    return switch (uid) {
      case IMPLICIT_LE ->
          new TransferSyntax(
              uid, "Implicit VR Little Endian", false, ByteOrder.LITTLE_ENDIAN, false, false);
      case EXPLICIT_LE ->
          new TransferSyntax(
              uid, "Explicit VR Little Endian", true, ByteOrder.LITTLE_ENDIAN, false, false);
      case DEFLATED_LE ->
          new TransferSyntax(
              uid,
              "Deflated Explicit VR Little Endian",
              true,
              ByteOrder.LITTLE_ENDIAN,
              true,
              false);
      case EXPLICIT_BE ->
          new TransferSyntax(
              uid, "Explicit VR Big Endian (retired)", true, ByteOrder.BIG_ENDIAN, false, false);
      default -> new TransferSyntax(uid, name(uid), true, ByteOrder.LITTLE_ENDIAN, false, true);
    };
  }

  /** True for JPEG baseline (and 8-bit extended), which {@code javax.imageio} decodes. */
  public boolean isJpegBaseline() {
    return uid.equals(JPEG_BASELINE) || uid.equals(JPEG_EXTENDED);
  }

  /**
   * True for the MPEG-2, MPEG-4 AVC/H.264 and HEVC/H.265 video transfer syntaxes (PS3.5 8.2.5 to
   * 8.2.8).
   */
  public boolean isVideo() {
    return uid.startsWith("1.2.840.10008.1.2.4.10") || uid.startsWith("1.2.840.10008.1.2.4.11");
  }

  /**
   * MPEG-4 AVC/H.264 High Profile (Level 4.1, BD-compatible 4.1, Level 4.2 for 2D video): decoded
   * through JCodec.
   */
  public boolean isH264() {
    return uid.equals("1.2.840.10008.1.2.4.102")
        || uid.equals("1.2.840.10008.1.2.4.103")
        || uid.equals("1.2.840.10008.1.2.4.104");
  }

  private static String name(String uid) {
    return switch (uid) {
      case "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70" -> "JPEG Lossless";
      case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> "JPEG-LS";
      case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" -> "JPEG 2000";
      case "1.2.840.10008.1.2.5" -> "RLE Lossless";
      case "1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.101" -> "MPEG-2";
      case "1.2.840.10008.1.2.4.102",
          "1.2.840.10008.1.2.4.103",
          "1.2.840.10008.1.2.4.104",
          "1.2.840.10008.1.2.4.105",
          "1.2.840.10008.1.2.4.106" ->
          "MPEG-4 AVC/H.264";
      case "1.2.840.10008.1.2.4.107", "1.2.840.10008.1.2.4.108" -> "HEVC/H.265";
      default -> "encapsulated (" + uid + ")";
    };
  }
}
