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
    return read(file, detect(file));
  }

  /**
   * Reads a file in the given format (MOT: default options, seqinfo.ini if present); in a batch
   * folder ({@link BatchLayout}) the video is the folder's.
   */
  public static AnnotationSet read(Path file, AnnotationFormat format) throws IOException {
    AnnotationSet set = switch (format) {
      case MOT -> MotReader.read(file);
      case CVAT_VIDEO -> CvatVideoReader.read(file);
      case COCO, YOUTUBE_VIS, SAV -> CocoJsonReader.read(file);
    };
    // In a batch folder the video is the folder's, whichever of its files was read.
    return BatchLayout.withVideoOfFolder(file, set);
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
