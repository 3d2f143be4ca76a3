package io.keyframe.dataset.files;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AnnotationSummary;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.coco.CocoJsonReader;
import io.keyframe.dataset.coco.CocoJsonWriter;
import io.keyframe.dataset.cvat.CvatVideoReader;
import io.keyframe.dataset.cvat.CvatVideoWriter;
import io.keyframe.dataset.mot.MotReader;
import io.keyframe.dataset.mot.MotWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes annotation files in any supported format: the entry point for {@code keyframe
 * convert} and {@code keyframe info}. The format is recognised from the extension ({@code .txt},
 * {@code .xml}) and, for JSON or unknown extensions, from the content.
 */
public final class AnnotationFiles {
  private AnnotationFiles() {}

  /** Reads a file in the format {@link #detect} finds. */
  public static AnnotationSet read(Path file) throws IOException {
    requireReadableFile(file);
    return read(file, detect(file));
  }

  /** A directory, an unreadable or a missing file is bad input naming the file, not an IOException. */
  private static void requireReadableFile(Path file) {
    if (java.nio.file.Files.isDirectory(file))
      throw new BadAnnotationException(file, -1, -1, "file", "is a folder, not an annotation file");
    if (!java.nio.file.Files.exists(file)) throw new BadAnnotationException(file, -1, -1, "file", "no such file");
    if (!java.nio.file.Files.isReadable(file))
      throw new BadAnnotationException(file, -1, -1, "file", "cannot be read (check its permissions)");
  }

  /** Reads a file in the given format (MOT: default options, seqinfo.ini if present). */
  public static AnnotationSet read(Path file, AnnotationFormat format) throws IOException {
    requireReadableFile(file);
    try {
      return switch (format) {
        case MOT -> {
          // An empty file is not a video with no boxes: it has no frames, no size, nothing to check.
          if (java.nio.file.Files.size(file) == 0) throw new BadAnnotationException(file, -1, -1, "file", "empty file: no MOT rows");
          yield MotReader.read(file);
        }
        case CVAT_VIDEO -> CvatVideoReader.read(file);
        case COCO, YOUTUBE_VIS, SAV -> CocoJsonReader.read(file);
      };
    } catch (java.nio.file.NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      // JSON nested too deep, a read error mid-file, ...: still bad input in this file.
      throw new BadAnnotationException(file, -1, -1, "file", "cannot read it: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Writes {@code set} atomically; a failure leaves any existing file untouched. */
  public static void write(Path file, AnnotationSet set, AnnotationFormat format) throws IOException {
    switch (format) {
      case MOT -> MotWriter.write(file, set);
      case CVAT_VIDEO -> CvatVideoWriter.write(file, set);
      case COCO -> CocoJsonWriter.writeCoco(file, set);
      case YOUTUBE_VIS -> CocoJsonWriter.writeYouTubeVis(file, set);
      case SAV -> throw new IllegalArgumentException("keyframe reads SA-V but does not write it; write coco or ytvis");
    }
  }

  /** Reads the file and counts what is in it. */
  public static AnnotationSummary summarize(Path file) throws IOException {
    requireReadableFile(file);
    AnnotationFormat f = detect(file);
    return AnnotationSummary.of(f, read(file, f));
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
    throw new BadAnnotationException(file, 1, -1, "", "not a MOTChallenge, CVAT XML, COCO, YouTube-VIS or SA-V file");
  }

  private static AnnotationFormat fromJson(Path file) throws IOException {
    try {
      return fromJsonUnchecked(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new BadAnnotationException(file, -1, -1, "file", "not readable JSON: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static AnnotationFormat fromJsonUnchecked(Path file) throws IOException {
    return switch (CocoJsonReader.dialect(file)) {
      case COCO -> AnnotationFormat.COCO;
      case YOUTUBE_VIS -> AnnotationFormat.YOUTUBE_VIS;
      case SAV -> AnnotationFormat.SAV;
    };
  }

  private static int firstNonBlank(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = in.readNBytes(4096);
      for (byte b : buf) if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return b;
      return -1;
    }
  }
}
