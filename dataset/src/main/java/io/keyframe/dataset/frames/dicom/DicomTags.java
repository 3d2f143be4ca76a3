package io.keyframe.dataset.frames.dicom;

/** Tags this package reads by name (PS3.6), as {@code 0xGGGGEEEE}. */
public final class DicomTags {
  private DicomTags() {}

  public static final int FILE_META_GROUP_LENGTH = 0x00020000;
  public static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
  public static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
  public static final int TRANSFER_SYNTAX_UID = 0x00020010;
  public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  public static final int SOP_CLASS_UID = 0x00080016;
  public static final int SOP_INSTANCE_UID = 0x00080018;
  public static final int MODALITY = 0x00080060;
  public static final int RECOMMENDED_DISPLAY_FRAME_RATE = 0x00082144;
  public static final int PATIENT_NAME = 0x00100010;
  public static final int PATIENT_ID = 0x00100020;
  public static final int SLICE_THICKNESS = 0x00180050;
  public static final int CINE_RATE = 0x00180040;
  public static final int FRAME_TIME = 0x00181063;
  public static final int SERIES_INSTANCE_UID = 0x0020000E;
  public static final int INSTANCE_NUMBER = 0x00200013;
  public static final int IMAGE_POSITION_PATIENT = 0x00200032;
  public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
  public static final int SAMPLES_PER_PIXEL = 0x00280002;
  public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  public static final int PLANAR_CONFIGURATION = 0x00280006;
  public static final int NUMBER_OF_FRAMES = 0x00280008;
  public static final int ROWS = 0x00280010;
  public static final int COLUMNS = 0x00280011;
  public static final int PIXEL_SPACING = 0x00280030;
  public static final int BITS_ALLOCATED = 0x00280100;
  public static final int BITS_STORED = 0x00280101;
  public static final int HIGH_BIT = 0x00280102;
  public static final int PIXEL_REPRESENTATION = 0x00280103;
  public static final int BURNED_IN_ANNOTATION = 0x00280301;
  public static final int WINDOW_CENTER = 0x00281050;
  public static final int WINDOW_WIDTH = 0x00281051;
  public static final int RESCALE_INTERCEPT = 0x00281052;
  public static final int RESCALE_SLOPE = 0x00281053;
  public static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
  public static final int DEIDENTIFICATION_METHOD = 0x00120063;
  public static final int DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
  public static final int LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
  public static final int CODE_VALUE = 0x00080100;
  public static final int CODING_SCHEME_DESIGNATOR = 0x00080102;
  public static final int CODE_MEANING = 0x00080104;
  public static final int PIXEL_DATA = 0x7FE00010;
  public static final int ITEM = 0xFFFEE000;
  public static final int ITEM_DELIMITATION = 0xFFFEE00D;
  public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  /** {@code (GGGG,EEEE)}. */
  public static String format(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }

  /** Odd group: a private data element or private creator (PS3.5 7.8). */
  public static boolean isPrivate(int tag) {
    int group = tag >>> 16;
    return (group & 1) == 1 && group > 0x0008 && group != 0xFFFF;
  }

  /** A private creator element (gggg,0010-00FF) that reserves a block of its group. */
  public static boolean isPrivateCreator(int tag) {
    int element = tag & 0xFFFF;
    return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
  }
}
