package io.keyframe.spark.rows;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@link Detection} ⇄ row of the {@code detections} table (columns in {@link Table#DETECTIONS}
 * order, {@code video_id} last). A detection without a box stores its mask's bounding box in
 * x/y/w/h (zeros for an empty mask); {@code mask_h}/{@code mask_w} are 0 without a mask; {@code
 * class_probabilities} is a map from label to probability, or null; {@code visibility} is the
 * visible fraction or -1 when unknown.
 */
public final class DetectionRows {
  private DetectionRows() {}

  /** The row of {@code d}, found by {@code source} in video {@code videoId}. */
  public static Row toRow(String videoId, String source, Detection d) {
    Box b = d.boxOrMaskBox();
    Mask m = d.mask();
    return RowFactory.create(
        source,
        d.frame(),
        d.trackId(),
        d.label(),
        b == null ? 0.0 : b.x(),
        b == null ? 0.0 : b.y(),
        b == null ? 0.0 : b.w(),
        b == null ? 0.0 : b.h(),
        d.score(),
        m == null ? null : m.toCompressedString(),
        m == null ? 0 : m.height(),
        m == null ? 0 : m.width(),
        d.occluded(),
        d.outside(),
        d.keyframe(),
        io.keyframe.spark.output.NestedValues.map(probabilities(d.classProbabilities())),
        d.visibility(),
        videoId);
  }

  /**
   * The class distribution as the contract's {@code map<string,double>} (label order), or null when
   * the source gave none.
   */
  static Map<String, Double> probabilities(Map<String, Double> p) {
    return p.isEmpty() ? null : new TreeMap<>(p);
  }

  private static Map<String, Double> probabilities(Row r, int field) {
    if (r.isNullAt(field)) return Map.of();
    Map<String, Double> out = new TreeMap<>();
    r.<String, Object>getJavaMap(field).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
    return out;
  }

  /**
   * The detection of a {@code detections} row read with the contract's column names. Throws
   * IllegalArgumentException for a row that violates the domain rules (zero-size box, negative
   * frame).
   */
  public static Detection toDetection(Row r) {
    return toDetection(r, Columns.of(r));
  }

  /**
   * Column positions, looked up once per video rather than by name for every field of every row.
   */
  private record Columns(
      int source,
      int frame,
      int trackId,
      int label,
      int x,
      int y,
      int w,
      int h,
      int score,
      int maskRle,
      int maskH,
      int maskW,
      int probabilities,
      int visibility,
      int occluded,
      int outside,
      int keyframe) {
    static Columns of(Row r) {
      return new Columns(
          r.fieldIndex("source"),
          r.fieldIndex("frame"),
          r.fieldIndex("track_id"),
          r.fieldIndex("label"),
          r.fieldIndex("x"),
          r.fieldIndex("y"),
          r.fieldIndex("w"),
          r.fieldIndex("h"),
          r.fieldIndex("score"),
          r.fieldIndex("mask_rle"),
          r.fieldIndex("mask_h"),
          r.fieldIndex("mask_w"),
          r.fieldIndex("class_probabilities"),
          r.fieldIndex("visibility"),
          r.fieldIndex("occluded"),
          r.fieldIndex("outside"),
          r.fieldIndex("keyframe"));
    }
  }

  private static Detection toDetection(Row r, Columns c) {
    String rle = r.getString(c.maskRle());
    Mask mask =
        rle == null
            ? null
            : Mask.fromCompressedString(r.getInt(c.maskH()), r.getInt(c.maskW()), rle);
    double w = r.getDouble(c.w()), h = r.getDouble(c.h());
    // A mask-only detection stores a zero box when its mask is empty (no bounding box).
    Box box =
        mask != null && w == 0 && h == 0
            ? null
            : new Box(r.getDouble(c.x()), r.getDouble(c.y()), w, h);
    return new Detection(
        r.getInt(c.frame()),
        r.getInt(c.trackId()),
        r.getString(c.label()),
        box,
        mask,
        r.getDouble(c.score()),
        probabilities(r, c.probabilities()),
        r.getDouble(c.visibility()),
        r.getBoolean(c.occluded()),
        r.getBoolean(c.outside()),
        r.getBoolean(c.keyframe()));
  }

  /** Annotation sets of one video, one per source, built from its detection rows. */
  public record VideoSets(
      String videoId, Map<String, AnnotationSet> bySource, List<BadRecord> bad, long rows) {
    public VideoSets {
      bySource = Map.copyOf(bySource);
      bad = List.copyOf(bad);
    }
  }

  /**
   * As {@link #group(String, String, VideoFrames, Iterable)} for a video whose {@code videos} row
   * is not at hand: its size is guessed from its boxes.
   */
  public static VideoSets group(String videoId, String job, Iterable<Row> rows) {
    return group(videoId, job, null, rows);
  }

  /**
   * Groups one video's rows by source into annotation sets. Rows that break the domain rules become
   * {@link BadRecord}s (never dropped silently), and so do rows on a frame past the end of a video
   * of known length.
   *
   * @param frames the video's {@code videos} row ({@link io.keyframe.spark.input.VideoTables}), or
   *     null for a run written before that table existed: then the video's size is the extent of
   *     its boxes and masks, its length runs to its last detection and its rate is {@link
   *     Video#UNKNOWN_FPS}, the rate assumed wherever a source does not say
   */
  public static VideoSets group(
      String videoId, String job, VideoFrames frames, Iterable<Row> rows) {
    Map<String, List<Detection>> bySource = new TreeMap<>();
    List<BadRecord> bad = new ArrayList<>();
    long n = 0;
    double maxX = 1, maxY = 1;
    int maxFrame = 0;
    int length = frames == null ? 0 : frames.frames();
    Columns columns = null;
    for (Row r : rows) {
      n++;
      if (columns == null) columns = Columns.of(r);
      String source = r.getString(columns.source());
      try {
        Detection d = toDetection(r, columns);
        if (length > 0 && d.frame() >= length) {
          String reason =
              "frame " + d.frame() + " is past the video's end (" + length + " frames in videos)";
          bad.add(BadRecord.inDetections(videoId, job, source, d.frame(), "frame", reason, 1));
          continue;
        }
        bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(d);
        Box b = d.boxOrMaskBox();
        if (b != null) {
          maxX = Math.max(maxX, b.x2());
          maxY = Math.max(maxY, b.y2());
        }
        if (d.mask() != null) {
          maxX = Math.max(maxX, d.mask().width());
          maxY = Math.max(maxY, d.mask().height());
        }
        maxFrame = Math.max(maxFrame, d.frame());
      } catch (IllegalArgumentException e) {
        int frame = r.getInt(columns.frame());
        bad.add(BadRecord.inDetections(videoId, job, source, frame, null, e.getMessage(), 1));
      }
    }
    Video video =
        frames == null
            ? new Video(
                videoId,
                Video.UNKNOWN_FPS,
                (int) Math.ceil(maxX),
                (int) Math.ceil(maxY),
                maxFrame + 1,
                "")
            : new Video(
                videoId,
                frames.fps(),
                frames.width(),
                frames.height(),
                length > 0 ? length : maxFrame + 1,
                "");
    Map<String, AnnotationSet> sets = new TreeMap<>();
    bySource.forEach(
        (source, ds) -> {
          List<String> labels =
              new ArrayList<>(new TreeSet<>(ds.stream().map(Detection::label).toList()));
          sets.put(source, new AnnotationSet(video, provenanceOf(source), labels, ds));
        });
    return new VideoSets(videoId, sets, bad, n);
  }

  private static Provenance provenanceOf(String source) {
    // The table keeps the source's name only; its kind does not change any metric.
    return Provenance.annotator(source, null, "detections");
  }
}
