package io.keyframe.dataset.deid;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one de-identification run does beyond the Basic Profile.
 *
 * @param dates REMOVE applies the basic actions to dates and times; SHIFT is the Modified Dates
 *     option (every date moved back by one keyed per-patient number of days, intervals kept); KEEP
 *     is the Full Dates option
 * @param pixelsCleaned the user states burned-in text was already removed from the pixels
 */
public record DeidOptions(
    Dates dates,
    boolean keepPatientCharacteristics,
    boolean keepDeviceIdentity,
    boolean keepInstitutionIdentity,
    List<PrivateTagRule> keepPrivate,
    boolean pixelsCleaned) {
  /** How dates and times are treated. */
  public enum Dates {
    REMOVE,
    SHIFT,
    KEEP
  }

  public DeidOptions {
    Objects.requireNonNull(dates, "dates");
    keepPrivate = List.copyOf(keepPrivate);
  }

  /**
   * The Basic Profile with no option: dates removed, no private tag kept, pixels not vouched for.
   */
  public static DeidOptions basic() {
    return new DeidOptions(Dates.REMOVE, false, false, false, List.of(), false);
  }

  /** The Annex E options these settings select. */
  public Set<ProfileOption> profileOptions() {
    Set<ProfileOption> s = EnumSet.noneOf(ProfileOption.class);
    if (dates == Dates.SHIFT) s.add(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
    if (dates == Dates.KEEP) s.add(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES);
    if (keepPatientCharacteristics) s.add(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS);
    if (keepDeviceIdentity) s.add(ProfileOption.RETAIN_DEVICE_IDENTITY);
    if (keepInstitutionIdentity) s.add(ProfileOption.RETAIN_INSTITUTION_IDENTITY);
    if (!keepPrivate.isEmpty()) s.add(ProfileOption.RETAIN_SAFE_PRIVATE);
    return s;
  }
}
