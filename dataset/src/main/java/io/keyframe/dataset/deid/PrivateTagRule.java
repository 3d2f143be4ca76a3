package io.keyframe.dataset.deid;

import java.util.Locale;

/**
 * A private data element to keep (the allow-list of the Retain Safe Private Option, PS3.15 E.3.10):
 * odd group, private creator text, and the element's low byte within the creator's block, or every
 * element of the block. Written {@code GGGG,CREATOR,EE} or {@code GGGG,CREATOR,xx}, e.g. {@code
 * 0019,GEMS_ACQU_01,1e}.
 *
 * @param elementByte 0x00-0xFF, or -1 for the whole block
 */
public record PrivateTagRule(int group, String creator, int elementByte) {
  public PrivateTagRule {
    if ((group & 1) == 0 || group < 0x0009 || group > 0xFFFF)
      throw new IllegalArgumentException(
          "private group must be odd and above 0008: " + Integer.toHexString(group));
    if (creator == null || creator.isBlank())
      throw new IllegalArgumentException("private creator is blank");
    creator = creator.strip();
    if (elementByte < -1 || elementByte > 0xFF)
      throw new IllegalArgumentException("element byte not in 00..ff: " + elementByte);
  }

  /** Parses {@code GGGG,CREATOR,EE} (hex; {@code xx} for the whole block). */
  public static PrivateTagRule parse(String text) {
    int a = text.indexOf(','), b = text.lastIndexOf(',');
    if (a < 0 || b <= a)
      throw new IllegalArgumentException("private tag rule must be GGGG,CREATOR,EE: " + text);
    String e = text.substring(b + 1).strip().toLowerCase(Locale.ROOT);
    try {
      return new PrivateTagRule(
          Integer.parseInt(text.substring(0, a).strip(), 16),
          text.substring(a + 1, b),
          e.equals("xx") ? -1 : Integer.parseInt(e, 16));
    } catch (NumberFormatException x) {
      throw new IllegalArgumentException("private tag rule must be GGGG,CREATOR,EE (hex): " + text);
    }
  }

  /** True for element {@code (group, element)} reserved by {@code creatorText}. */
  public boolean matches(int group, int element, String creatorText) {
    return group == this.group
        && creatorText != null
        && creatorText.strip().equals(creator)
        && (elementByte < 0 || (element & 0xFF) == elementByte);
  }

  @Override
  public String toString() {
    return String.format(
        "%04x,%s,%s", group, creator, elementByte < 0 ? "xx" : String.format("%02x", elementByte));
  }
}
