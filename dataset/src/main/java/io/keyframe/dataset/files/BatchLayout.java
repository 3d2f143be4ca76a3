package io.keyframe.dataset.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * keyframe's batch layout ({@code data-samples/}, what {@code keyframe generate} writes): one
 * folder per video holding {@code gt.*}, {@code model.*}, {@code annotator-*.*}, {@code tracks.*}
 * and a {@code meta.json} whose {@code video} object names the video. A file's video is the
 * folder's, not the file's: a MOT file says nothing about its video and would otherwise be named
 * after itself ("gt", "model"), so the same video got a different ID, and pseudonym, from each of
 * its files.
 */
public final class BatchLayout {
  /** File stems that name a role in a batch folder, not a video. */
  private static final Pattern ROLE =
      Pattern.compile("gt|model|tracks|det|pred|predictions|labels|annotator-.+|tracker-.+");

  private static final JsonFactory JSON = new JsonFactory();

  private BatchLayout() {}

  /** True when {@code stem} (file name up to its first dot) names a role rather than a video. */
  public static boolean isRoleName(String stem) {
    return ROLE.matcher(stem).matches();
  }

  /** The video that {@code meta.json} beside {@code file} describes, if there is one. */
  public static Optional<Video> videoOfFolder(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path meta = dir == null ? null : dir.resolve("meta.json");
    if (meta == null || !Files.isRegularFile(meta)) return Optional.empty();
    String id = null;
    double fps = 0;
    int width = 0, height = 0, frames = 0;
    try (JsonParser p = JSON.createParser(meta.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (!field.equals("video") || t != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          p.nextToken();
          switch (k) {
            case "id" -> id = p.getValueAsString();
            case "fps" -> fps = p.getValueAsDouble();
            case "width" -> width = p.getValueAsInt();
            case "height" -> height = p.getValueAsInt();
            case "frameCount" -> frames = p.getValueAsInt();
            default -> p.skipChildren();
          }
        }
        break;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadAnnotationException(
          meta,
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          -1,
          "meta.json",
          "not JSON: " + e.getOriginalMessage(),
          e);
    }
    if (id == null || id.isBlank()) return Optional.empty();
    try {
      return Optional.of(new Video(id, fps, width, height, frames, ""));
    } catch (IllegalArgumentException e) {
      throw new BadAnnotationException(meta, -1, -1, "video", e.getMessage(), e);
    }
  }

  /**
   * {@code set} with the video of its folder: {@code meta.json}'s when present; else, for a file
   * named after a role ({@code gt.mot.txt}) whose reader named the video after the file, the
   * folder's name.
   */
  static AnnotationSet withVideoOfFolder(Path file, AnnotationSet set) throws IOException {
    Optional<Video> meta = videoOfFolder(file);
    if (meta.isPresent()) {
      Video m = meta.get();
      Video v = set.video();
      // The folder's identity and frame rate; the file's own size when the folder gives none.
      Video merged =
          new Video(
              m.id(),
              m.fps(),
              m.width(),
              m.height(),
              Math.max(m.frameCount(), v.frameCount()),
              v.sourcePath());
      return merged.equals(v)
          ? set
          : new AnnotationSet(merged, set.provenance(), set.labels(), set.detections());
    }
    String stem = stem(file);
    Path parent = file.toAbsolutePath().getParent();
    if (set.video().id().equals(stem)
        && isRoleName(stem)
        && parent != null
        && parent.getFileName() != null) {
      Video v = set.video();
      return new AnnotationSet(
          new Video(
              parent.getFileName().toString(),
              v.fps(),
              v.width(),
              v.height(),
              v.frameCount(),
              v.sourcePath()),
          set.provenance(),
          set.labels(),
          set.detections());
    }
    return set;
  }

  /**
   * True when the file's folder says what the frame rate is ({@code meta.json} or MOTChallenge's
   * {@code seqinfo.ini}).
   */
  public static boolean folderGivesFrameRate(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) return false;
    if (videoOfFolder(file).isPresent()) return true;
    return Files.isRegularFile(dir.resolve("seqinfo.ini"))
        || (dir.getParent() != null && Files.isRegularFile(dir.getParent().resolve("seqinfo.ini")));
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.indexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
