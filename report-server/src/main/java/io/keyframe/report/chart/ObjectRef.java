package io.keyframe.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An object on a frame: track {@code id} of {@code source}, or of any source when {@code source} is
 * null. Track IDs are numbered per source, so a page that means one object names its source.
 *
 * @param id track ID
 * @param source the source whose numbering {@code id} belongs to, or null for every source
 */
public record ObjectRef(int id, String source) {
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /** {@code id@source} (or {@code id}). */
  @Override
  public String toString() {
    return source == null ? Integer.toString(id) : id + "@" + source;
  }

  /** True when {@code trackId} of {@code boxSource} is this object. */
  public boolean matches(String boxSource, int trackId) {
    return id == trackId && (source == null || source.equals(boxSource));
  }

  /**
   * Parses {@code 2@tracker-a,6@gt} (an entry without {@code @source} means that ID in every
   * source). Throws IllegalArgumentException naming the bad entry; at most 64 entries.
   */
  public static List<ObjectRef> parseList(String raw) {
    List<ObjectRef> out = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return out;
    }
    String[] parts = raw.split(",");
    if (parts.length > 64) {
      throw new IllegalArgumentException("too many objects");
    }
    for (String p : parts) {
      String t = p.trim();
      int at = t.indexOf('@');
      String source = at < 0 ? null : t.substring(at + 1);
      if (source != null && !SOURCE.matcher(source).matches()) {
        throw new IllegalArgumentException("bad object source");
      }
      try {
        out.add(new ObjectRef(Integer.parseInt(at < 0 ? t : t.substring(0, at)), source));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("object IDs must be integers");
      }
    }
    return out;
  }
}
