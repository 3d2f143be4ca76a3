package io.keyframe.dataset.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Utf8Input;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads COCO, COCO-VID, YouTube-VIS and SA-V JSON with Jackson's streaming parser: top-level arrays
 * are walked element by element and only the fields keyframe uses are kept ({@link
 * CocoJsonStream}), so no tree of the whole file is ever built; one reader per dialect then builds
 * the sets ({@link CocoImagesReader}, {@link CocoVidReader}, {@link YouTubeVisReader}, {@link
 * SavReader}). The dialect is recognised from the top-level keys. Bad input throws {@link
 * BadAnnotationException} with the parser's line of the offending element and the field.
 */
public final class CocoJsonReader {

  /** SA-V annotates every 4th frame of its 24 fps videos (6 fps masklets). */
  public static final int SAV_FRAME_STEP = 4;

  /** Label given to SA-V masklets, which have no class. */
  public static final String SAV_LABEL = "object";

  private static final JsonFactory JSON = new JsonFactory();

  private CocoJsonReader() {}

  /** Reads the file in whichever dialect it is (the first video of a multi-video file). */
  public static AnnotationSet read(Path file) throws IOException {
    return read(file, null, null);
  }

  /**
   * Reads the file in {@code dialect} (null: from its keys). A file with several videos (COCO-VID,
   * YouTube-VIS) gives its first, with a warning naming how many there are; {@link #readAll} gives
   * each.
   */
  public static AnnotationSet read(Path file, JsonDialect dialect, Consumer<String> warnings)
      throws IOException {
    return AnnotationSet.firstOf(
        readAll(file, dialect, warnings),
        warnings,
        "the file holds %d videos; read the first (%s); keyframe reads one video per set"
            + " (AnnotationFiles.readAll reads each)",
        first -> first.video().id());
  }

  /** Every video of the file, in the file's video order (one set for COCO and SA-V). */
  public static List<AnnotationSet> readAll(
      Path file, JsonDialect dialect, Consumer<String> warnings) throws IOException {
    Consumer<String> tell = warnings == null ? w -> {} : warnings;
    try (JsonParser p = JSON.createParser(Utf8Input.open(file))) {
      CocoJsonStream in = new CocoJsonStream(file, p);
      in.readAll();
      JsonDialect d = dialect != null ? dialect : in.dialectOfContent();
      CocoDialectReader reader =
          switch (d) {
            case COCO -> new CocoImagesReader(in, tell);
            case COCO_VID -> new CocoVidReader(in, tell);
            case YOUTUBE_VIS -> new YouTubeVisReader(in, tell);
            case SAV -> new SavReader(in, tell);
          };
      List<AnnotationSet> sets = reader.sets();
      in.tellNotKept(tell);
      return sets;
    } catch (java.io.CharConversionException e) {
      throw Utf8Input.notText(file, e);
    }
  }

  /**
   * Which dialect the file is in, from its top-level keys, skipping values without keeping them.
   */
  public static JsonDialect dialect(Path file) throws IOException {
    try (JsonParser p = JSON.createParser(Utf8Input.open(file))) {
      return CocoJsonStream.dialectOfKeys(file, p);
    } catch (java.io.CharConversionException e) {
      throw Utf8Input.notText(file, e);
    }
  }
}
