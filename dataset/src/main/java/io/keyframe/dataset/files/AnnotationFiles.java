package io.keyframe.dataset.files;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AnnotationSummary;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.coco.CocoJsonReader;
import io.keyframe.dataset.coco.CocoJsonWriter;
import io.keyframe.dataset.coco.JsonDialect;
import io.keyframe.dataset.cvat.CvatVideoReader;
import io.keyframe.dataset.cvat.CvatVideoWriter;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotReader;
import io.keyframe.dataset.mot.MotWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads and writes annotation files in any supported format: the entry point for {@code keyframe
 * convert} and {@code keyframe info}. The format is recognised from the extension ({@code .txt},
 * {@code .xml}) and, for JSON or unknown extensions, from the content. Readers report what they
 * could not read, and writers what the target format cannot carry, as one line each to a {@code
 * warnings} consumer: nothing is dropped silently.
 */
public final class AnnotationFiles {
  private AnnotationFiles() {}

  /** Reads a file in the format {@link #detect} finds. */
  public static AnnotationSet read(Path file) throws IOException {
    requireReadableFile(file);
    return read(file, detect(file));
  }

  /**
   * A directory, an unreadable or a missing file is bad input naming the file, not an IOException.
   */
  private static void requireReadableFile(Path file) {
    if (java.nio.file.Files.isDirectory(file))
      throw new BadAnnotationException(file, -1, -1, "file", "is a folder, not an annotation file");
    if (!java.nio.file.Files.exists(file))
      throw new BadAnnotationException(file, -1, -1, "file", "no such file");
    if (!java.nio.file.Files.isReadable(file))
      throw new BadAnnotationException(
          file, -1, -1, "file", "cannot be read (check its permissions)");
  }

  /**
   * Reads a file in the given format (MOT: default options, seqinfo.ini if present); in a batch
   * folder ({@link BatchLayout}) the video is the folder's.
   */
  public static AnnotationSet read(Path file, AnnotationFormat format) throws IOException {
    return read(file, format, (Consumer<String>) null);
  }

  /**
   * Reads a file in the given format, telling {@code warnings} (may be null) what was skipped:
   * shapes keyframe does not read, videos after the first of a multi-video file. In a batch folder
   * ({@link BatchLayout}) the video is the folder's.
   */
  public static AnnotationSet read(Path file, AnnotationFormat format, Consumer<String> warnings)
      throws IOException {
    requireReadableFile(file);
    try {
      AnnotationSet set =
          switch (format) {
            case MOT -> {
              // An empty file is not a video with no boxes: it has no frames, no size, nothing to
              // check.
              if (java.nio.file.Files.size(file) == 0)
                throw new BadAnnotationException(file, -1, -1, "file", "empty file: no MOT rows");
              yield MotReader.read(file);
            }
            case CVAT_VIDEO -> CvatVideoReader.read(file, warnings);
            case COCO, COCO_VID, YOUTUBE_VIS, SAV ->
                CocoJsonReader.read(file, dialect(format), warnings);
          };
      // In a batch folder the video is the folder's, whichever of its files was read.
      return BatchLayout.withVideoOfFolder(file, set);
    } catch (java.nio.file.NoSuchFileException | BadAnnotationException e) {
      throw e;
    } catch (java.nio.file.AccessDeniedException e) {
      // Files.isReadable said yes (root, ACLs, a race), the open said no.
      throw new BadAnnotationException(
          file, -1, -1, "file", "cannot be read (permission denied; check its permissions)", e);
    } catch (IOException e) {
      // JSON nested too deep, a read error mid-file, ...: still bad input in this file.
      throw cannotRead(file, "cannot read it: ", e);
    }
  }

  /**
   * Every video (CVAT project task/subset, COCO-VID or YouTube-VIS video) of a file, one set each,
   * in file order; a single-video file gives one.
   */
  public static List<AnnotationSet> readAll(
      Path file, AnnotationFormat format, Consumer<String> warnings) throws IOException {
    requireReadableFile(file);
    return switch (format) {
      case MOT -> List.of(MotReader.read(file));
      case CVAT_VIDEO -> CvatVideoReader.readAll(file, warnings);
      case COCO, COCO_VID, YOUTUBE_VIS, SAV ->
          CocoJsonReader.readAll(file, dialect(format), warnings);
    };
  }

  private static JsonDialect dialect(AnnotationFormat f) {
    return switch (f) {
      case COCO -> JsonDialect.COCO;
      case COCO_VID -> JsonDialect.COCO_VID;
      case YOUTUBE_VIS -> JsonDialect.YOUTUBE_VIS;
      case SAV -> JsonDialect.SAV;
      default -> throw new IllegalArgumentException(f + " is not JSON");
    };
  }

  /** Reads a file in the given format; {@code mot} applies to MOT files only. */
  public static AnnotationSet readWith(Path file, AnnotationFormat format, MotOptions mot)
      throws IOException {
    if (format != AnnotationFormat.MOT) return read(file, format);
    requireReadableFile(file);
    return BatchLayout.withVideoOfFolder(file, MotReader.read(file, mot));
  }

  /** Writes {@code set} atomically; a failure leaves any existing file untouched. */
  public static void write(Path file, AnnotationSet set, AnnotationFormat format)
      throws IOException {
    write(file, set, format, null);
  }

  /**
   * Writes {@code set} atomically, first telling {@code warnings} (may be null), in one line, what
   * the set holds that {@code format} cannot carry ({@link FormatLoss}).
   */
  public static void write(
      Path file, AnnotationSet set, AnnotationFormat format, Consumer<String> warnings)
      throws IOException {
    if (warnings != null) FormatLoss.describe(set, format).ifPresent(warnings);
    switch (format) {
      case MOT -> MotWriter.write(file, set);
      case CVAT_VIDEO -> CvatVideoWriter.write(file, set);
      case COCO -> CocoJsonWriter.writeCoco(file, set);
      case COCO_VID -> CocoJsonWriter.writeCocoVid(file, List.of(set));
      case YOUTUBE_VIS -> CocoJsonWriter.writeYouTubeVis(file, set);
      case SAV ->
          throw new IllegalArgumentException(
              "keyframe reads SA-V but does not write it; write coco or ytvis");
    }
  }

  /**
   * Writes several videos into one file: COCO-VID holds them all; the other formats hold one, so
   * they take a single set. What the sets hold that {@code format} cannot carry is said once per
   * distinct line.
   */
  public static void writeAll(
      Path file, List<AnnotationSet> sets, AnnotationFormat format, Consumer<String> warnings)
      throws IOException {
    if (format != AnnotationFormat.COCO_VID) {
      if (sets.size() != 1)
        throw new IllegalArgumentException(
            format.name().toLowerCase()
                + " holds one video, not "
                + sets.size()
                + "; write cocovid");
      write(file, sets.get(0), format, warnings);
      return;
    }
    if (warnings != null) {
      java.util.Set<String> said = new java.util.LinkedHashSet<>();
      for (AnnotationSet s : sets) FormatLoss.describe(s, format).ifPresent(said::add);
      said.forEach(warnings);
    }
    CocoJsonWriter.writeCocoVid(file, sets);
  }

  /** Reads the file and counts what is in it. */
  public static AnnotationSummary summarize(Path file) throws IOException {
    return summarize(file, null);
  }

  /** Reads the file and counts what is in it, telling {@code warnings} what could not be read. */
  public static AnnotationSummary summarize(Path file, Consumer<String> warnings)
      throws IOException {
    requireReadableFile(file);
    AnnotationFormat f = detect(file);
    return AnnotationSummary.of(f, read(file, f, warnings));
  }

  /**
   * The file's format: {@code .txt} is MOT, {@code .xml} CVAT; JSON is told apart by its top-level
   * keys; other extensions by the first non-blank character.
   *
   * @throws BadAnnotationException when the content fits no supported format
   */
  public static AnnotationFormat detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".txt") || name.endsWith(".csv")) return AnnotationFormat.MOT;
    if (name.endsWith(".xml")) return AnnotationFormat.CVAT_VIDEO;
    int first = firstNonBlank(file);
    if (first == '{') return fromJson(file);
    if (first == '<') return AnnotationFormat.CVAT_VIDEO;
    if (first >= '0' && first <= '9') return AnnotationFormat.MOT;
    throw new BadAnnotationException(
        file,
        1,
        -1,
        "",
        first < 0 || first == 0 || first >= 0x80 || first < 0x20
            ? "not a text annotation file (first byte "
                + (first < 0 ? "missing: empty file" : String.format("0x%02x", first & 0xff))
                + "); expected MOTChallenge, CVAT XML, COCO, COCO-VID, YouTube-VIS or SA-V"
            : "not a MOTChallenge, CVAT XML, COCO, COCO-VID, YouTube-VIS or SA-V file");
  }

  /** An IOException inside a file is still bad input in that file. */
  private static BadAnnotationException cannotRead(Path file, String what, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new BadAnnotationException(file, -1, -1, "file", what + why, e);
  }

  private static AnnotationFormat fromJson(Path file) throws IOException {
    try {
      return fromJsonUnchecked(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw cannotRead(file, "not readable JSON: ", e);
    }
  }

  private static AnnotationFormat fromJsonUnchecked(Path file) throws IOException {
    return switch (CocoJsonReader.dialect(file)) {
      case COCO -> AnnotationFormat.COCO;
      case COCO_VID -> AnnotationFormat.COCO_VID;
      case YOUTUBE_VIS -> AnnotationFormat.YOUTUBE_VIS;
      case SAV -> AnnotationFormat.SAV;
    };
  }

  private static int firstNonBlank(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = in.readNBytes(4096);
      for (int i = 0; i < buf.length; i++) {
        byte b = buf[i];
        boolean bom = i < 3 && (b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF);
        if (!Character.isWhitespace(b) && !bom) return b & 0xff;
      }
      return -1;
    }
  }
}
