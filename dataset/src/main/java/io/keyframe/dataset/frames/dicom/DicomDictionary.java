package io.keyframe.dataset.frames.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Tag to VR from PS3.6 Table 6-1 (edition 2024e, shipped as {@code dictionary.tsv}), needed to read
 * implicit VR files and to write dummy values of the right type. Repeating groups such as {@code
 * (60xx,3000)} match any group with the same fixed digits.
 */
public final class DicomDictionary {
  private static final Map<Integer, String> EXACT = new HashMap<>();
  private static final Map<String, String> PATTERNS = new HashMap<>();

  static {
    try (InputStream in = DicomDictionary.class.getResourceAsStream("dictionary.tsv")) {
      if (in == null) throw new IllegalStateException("dictionary.tsv missing from the classpath");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t");
        if (f[0].contains("X")) PATTERNS.put(f[0], f[1]);
        else EXACT.put((int) Long.parseLong(f[0], 16), f[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DicomDictionary() {}

  /** The VR of {@code tag}, or "UN" when the standard does not define it (private tags). */
  public static String vr(int tag) {
    if ((tag & 0xFFFF) == 0) return "UL"; // group length
    if (DicomTags.isPrivateCreator(tag)) return "LO";
    String v = EXACT.get(tag);
    if (v != null) return v;
    String hex = String.format("%08X", tag);
    for (var e : PATTERNS.entrySet()) if (matches(e.getKey(), hex)) return e.getValue();
    return "UN";
  }

  static boolean matches(String pattern, String hex) {
    for (int i = 0; i < 8; i++) {
      char p = pattern.charAt(i);
      if (p != 'X' && p != 'x' && p != hex.charAt(i)) return false;
    }
    return true;
  }
}
