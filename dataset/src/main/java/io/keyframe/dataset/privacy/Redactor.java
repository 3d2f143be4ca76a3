package io.keyframe.dataset.privacy;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@code --redact} does to an export: video IDs become pseudonyms, video file paths are
 * dropped, annotator names become pseudonyms, parameter values that look like file paths are
 * replaced by {@value #PATH_PLACEHOLDER}. Model names and ground-truth markers are kept: they name
 * software, not people. Already-pseudonymised IDs pass through unchanged, so redacting twice is the
 * same as redacting once.
 */
public final class Redactor {
  /** Replaces a parameter value that looks like a file path. */
  public static final String PATH_PLACEHOLDER = "[path]";

  private static final Pattern PATH_LIKE =
      Pattern.compile(
          ".*([/\\\\]|^~|^[A-Za-z]:|\\.(mp4|avi|mov|mkv|webm|dcm|xml|json|jsonl|txt|csv|zip|parquet)$).*",
          Pattern.CASE_INSENSITIVE);

  private final Pseudonymiser pseudonyms;

  public Redactor(Pseudonymiser pseudonyms) {
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
  }

  /** The set with its video pseudonymised and, for human work, the annotator pseudonymised. */
  public AnnotationSet redact(AnnotationSet set) {
    Provenance p = set.provenance();
    Provenance q =
        p.kind() == Provenance.Kind.ANNOTATOR
            ? new Provenance(p.kind(), annotator(p.source()), p.modelSha256(), p.time(), p.tool())
            : p;
    return new AnnotationSet(redact(set.video()), q, set.labels(), set.detections());
  }

  /** The video with a pseudonymous ID and no source path. */
  public Video redact(Video v) {
    return new Video(video(v.id()), v.fps(), v.width(), v.height(), v.frameCount(), "");
  }

  /** {@code vid-xxxxxxxx} for a raw ID; a pseudonym passes through. */
  public String video(String id) {
    return Pseudonymiser.isPseudonym(id) ? id : pseudonyms.video(id);
  }

  /** {@code ann-xxxxxxxx} for a real name; a pseudonym passes through. */
  public String annotator(String name) {
    return Pseudonymiser.isPseudonym(name) ? name : pseudonyms.annotator(name);
  }

  /**
   * Option names whose values identify people or videos (the CLI's {@code --videos}, {@code
   * --annotators}, ...).
   */
  private static final java.util.Set<String> IDENTIFIER_OPTIONS =
      java.util.Set.of(
          "video",
          "videos",
          "annotator",
          "annotators",
          "rater",
          "raters",
          "patient",
          "patients",
          "reviewer",
          "reviewers",
          "actor",
          "site");

  /**
   * Longest option text kept; longer values are cut (a 5 MB value has no place in an audit line).
   */
  public static final int MAX_VALUE_CHARS = 200;

  /**
   * The one form an option value may take in an audit entry, a table or a page: paths become
   * {@value #PATH_PLACEHOLDER} (their files are hashed separately), identifiers become pseudonyms
   * (annotator options {@code ann-}, everything else {@code vid-}), lists are redacted element by
   * element, numbers and booleans pass, other text passes only if it does not look like a path.
   */
  public String option(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.util.Collection<?> c) {
      java.util.StringJoiner j = new java.util.StringJoiner(",", "[", "]");
      for (Object e : c) j.add(String.valueOf(option(name, e)));
      return cut(j.toString());
    }
    if (value.getClass().isArray() && value instanceof Object[] a) {
      return option(name, java.util.Arrays.asList(a));
    }
    if (value instanceof java.nio.file.Path || value instanceof java.io.File) {
      return PATH_PLACEHOLDER;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      return value.toString();
    }
    String text = value.toString();
    String key = name.toLowerCase(java.util.Locale.ROOT).replaceFirst("^-+", "");
    if (IDENTIFIER_OPTIONS.contains(key)) {
      return key.startsWith("annotator")
              || key.startsWith("rater")
              || key.startsWith("reviewer")
              || key.equals("actor")
          ? annotator(text)
          : video(text);
    }
    return looksLikePath(text) ? PATH_PLACEHOLDER : cut(text);
  }

  private static String cut(String s) {
    return s.length() <= MAX_VALUE_CHARS
        ? s
        : s.substring(0, MAX_VALUE_CHARS) + "...(" + s.length() + " chars)";
  }

  /** The parameters with file-path-like values replaced (for audit entries and run tables). */
  public static Map<String, String> parameters(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, looksLikePath(v) ? PATH_PLACEHOLDER : v));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * True for text that looks like a file path: has a separator, starts with {@code ~} or a drive
   * letter, or ends with a video/annotation file extension. Errs towards redacting.
   */
  public static boolean looksLikePath(String value) {
    return value != null && PATH_LIKE.matcher(value).matches();
  }
}
