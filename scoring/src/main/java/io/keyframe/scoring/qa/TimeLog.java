package io.keyframe.scoring.qa;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.CsvFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time each annotator spent on each video, in seconds. Read from a CSV with header {@code
 * annotator,video,seconds}; repeated rows for one (annotator, video) add up (sessions).
 */
public record TimeLog(Map<String, Double> secondsByAnnotatorAndVideo) {
  public TimeLog {
    secondsByAnnotatorAndVideo = Map.copyOf(secondsByAnnotatorAndVideo);
  }

  public static TimeLog empty() {
    return new TimeLog(Map.of());
  }

  /** Seconds of {@code annotator} on {@code video}, NaN when not logged. */
  public double seconds(String annotator, String video) {
    return secondsByAnnotatorAndVideo.getOrDefault(key(annotator, video), Double.NaN);
  }

  static String key(String annotator, String video) {
    return annotator + "\u0000" + video;
  }

  /** A log from (annotator, video, seconds) rows. */
  public static TimeLog of(List<Object[]> rows) {
    Map<String, Double> m = new HashMap<>();
    for (Object[] r : rows)
      m.merge(key((String) r[0], (String) r[1]), ((Number) r[2]).doubleValue(), Double::sum);
    return new TimeLog(m);
  }

  /**
   * Reads {@code annotator,video,seconds} rows.
   *
   * @throws BadAnnotationException naming line and field of the first bad row
   */
  public static TimeLog readCsv(Path file) throws IOException {
    List<String> lines = io.keyframe.dataset.Utf8Input.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).strip().equals("annotator,video,seconds"))
      throw new BadAnnotationException(file, 1, -1, "header", "expected 'annotator,video,seconds'");
    Map<String, Double> m = new HashMap<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      String[] f = CsvFields.split(lines.get(n), file, n + 1).toArray(String[]::new);
      if (f.length != 3)
        throw new BadAnnotationException(
            file, n + 1, -1, null, "expected 3 columns, found " + f.length);
      double s;
      try {
        s = Double.parseDouble(f[2].strip());
      } catch (NumberFormatException e) {
        throw new BadAnnotationException(
            file, n + 1, -1, "seconds", "not a number: '" + f[2] + "'");
      }
      if (!(s >= 0) || !Double.isFinite(s))
        throw new BadAnnotationException(
            file, n + 1, -1, "seconds", "must be a finite number >= 0");
      if (f[0].isBlank() || f[1].isBlank())
        throw new BadAnnotationException(file, n + 1, -1, "annotator/video", "blank");
      m.merge(key(f[0].strip(), f[1].strip()), s, Double::sum);
    }
    return new TimeLog(m);
  }
}
