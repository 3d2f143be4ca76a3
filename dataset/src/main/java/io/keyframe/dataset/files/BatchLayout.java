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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * keyframe's batch layout ({@code data-samples/}, what {@code keyframe generate} writes): one
 * folder per video holding {@code gt.*}, {@code model.*}, {@code annotator-*.*}, {@code tracks.*}
 * and a {@code meta.json} whose {@code video} object names the video. A file's name says who it is
 * from, {@code <source>.<format>.<ext>} ({@link #sourceOf}, {@link #roleOf}); its video is the
 * folder's, not the file's: a MOT file says nothing about its video and would otherwise be named
 * after itself ("gt.mot", "model.mot"), so the same video got a different ID, and pseudonym, from
 * each of its files.
 */
public final class BatchLayout {
  /** Sources ({@link #sourceOf}) that name a role in a batch folder, not a person or a video. */
  private static final Pattern ROLE =
      Pattern.compile("gt|model|tracks|det|pred|predictions|labels|annotator-.+|tracker-.+");

  /**
   * The batch layout's format extensions: a file {@code <source>.<format>.<ext>} with one of them
   * is from {@code <source>} ({@link #sourceOf}).
   */
  public static final List<String> FORMATS =
      List.of(".mot.txt", ".cvat.xml", ".coco.json", ".ytvis.json");

  private static final JsonFactory JSON = new JsonFactory();

  private BatchLayout() {}

  /**
   * Who a batch file is from: its name without the format extension ({@code annotator-A.cvat.xml}
   * gives {@code annotator-A}, {@code dr.lee.coco.json} {@code dr.lee}); for a name in none of
   * {@link #FORMATS}, the name without its extension ({@link Video#idFromFileName}: {@code gt.txt}
   * gives {@code gt}). A source, not the file's video ID: in a batch the video is the folder's.
   */
  public static String sourceOf(String fileName) {
    for (String format : FORMATS)
      if (fileName.endsWith(format) && fileName.length() > format.length())
        return fileName.substring(0, fileName.length() - format.length());
    return Video.idFromFileName(fileName);
  }

  /**
   * The role a batch file's name gives: its {@link #sourceOf source} when that is one of the
   * layout's roles ({@code gt.mot.txt} gives {@code gt}, {@code annotator-A.cvat.xml} {@code
   * annotator-A}); empty for any other name ({@code ward-3.xml}, {@code alice.cvat.xml}).
   */
  public static Optional<String> roleOf(String fileName) {
    String source = sourceOf(fileName);
    return ROLE.matcher(source).matches() ? Optional.of(source) : Optional.empty();
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
      throw BadAnnotationException.ofJson(meta, "meta.json", "not JSON", e);
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
   * named after a role ({@code gt.mot.txt}) whose reader named the video after the file ({@code
   * gt.mot}), the folder's name.
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
    String name = file.getFileName().toString();
    Path parent = file.toAbsolutePath().getParent();
    if (set.video().id().equals(Video.idFromFileName(name))
        && roleOf(name).isPresent()
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
}
