package io.keyframe.scoring.realdata;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads MOTChallenge sequences laid out as TrackEval's {@code data} folder: {@code
 * gt/mot_challenge/<benchmark>-train/<seq>/gt/gt.txt} with {@code seqinfo.ini} beside {@code gt/},
 * and {@code trackers/mot_challenge/<benchmark>-train/<tracker>/data/<seq>.txt}.
 *
 * <p>Ground truth is filtered minimally, as py-motmetrics' MOTChallenge app and TrackEval keep the
 * evaluated rows: conf (the "consider" marking) != 0 and class 1 (pedestrian). TrackEval's further
 * step (dropping tracker boxes that match distractor classes) is not done, so a box on a static
 * person or a reflection counts as a false positive here; the rows left out are counted ({@link
 * RealSequence#ignoredGtRows()}) and reported. Per sequence, the first tracker (by folder name)
 * with an output for it is delivered and the others are second opinions; a sequence no tracker has
 * output for is skipped.
 */
public final class TrackEvalFolder {
  private TrackEvalFolder() {}

  /** MOTChallenge class of pedestrians. */
  static final String PEDESTRIAN = "1";

  /**
   * Every sequence under {@code data} (sorted by benchmark, then name).
   *
   * @throws IllegalArgumentException when {@code data} holds no {@code gt/mot_challenge} sequences
   *     or no tracker
   * @throws BadAnnotationException for a bad line in any file (file, line, column)
   */
  public static List<RealSequence> read(Path data) throws IOException {
    Path gtRoot = data.resolve("gt").resolve("mot_challenge");
    Path trRoot = data.resolve("trackers").resolve("mot_challenge");
    if (!Files.isDirectory(gtRoot) || !Files.isDirectory(trRoot))
      throw new IllegalArgumentException(
          data
              + " is not TrackEval's data folder: expected gt/mot_challenge/<benchmark>-train/<seq>/gt/gt.txt and trackers/mot_challenge/<benchmark>-train/<tracker>/data/<seq>.txt");
    List<RealSequence> out = new ArrayList<>();
    for (Path bench : list(gtRoot)) {
      List<Path> trackers = list(trRoot.resolve(bench.getFileName().toString()));
      if (trackers.isEmpty()) continue;
      for (Path seq : list(bench)) {
        Path gtFile = seq.resolve("gt").resolve("gt.txt");
        if (!Files.isRegularFile(gtFile)) continue;
        List<AnnotationSet> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        AnnotationSet rawGt = MotReader.read(gtFile);
        if (rawGt.video().frameCount() <= 0)
          throw new BadAnnotationException(
              seq.resolve("seqinfo.ini"),
              -1,
              -1,
              "seqLength",
              "needs seqinfo.ini with seqLength beside gt/");
        for (Path t : trackers) {
          Path f = t.resolve("data").resolve(seq.getFileName() + ".txt");
          if (!Files.isRegularFile(f)) continue;
          outputs.add(MotReader.read(f, MotOptions.defaults().withVideo(rawGt.video())));
          names.add(t.getFileName().toString());
        }
        if (outputs.isEmpty()) continue;
        List<Detection> kept = new ArrayList<>();
        for (Detection d : rawGt.detections())
          if (d.score() != 0 && PEDESTRIAN.equals(d.label())) kept.add(d);
        out.add(
            new RealSequence(
                seq.getFileName().toString(),
                rawGt.withDetections(kept),
                outputs.get(0),
                names.get(0),
                outputs.subList(1, outputs.size()),
                rawGt.detections().size() - kept.size()));
      }
    }
    if (out.isEmpty())
      throw new IllegalArgumentException(
          "no sequence under " + gtRoot + " has a tracker output under " + trRoot);
    return out;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
