package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.files.BatchLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the QA inputs in a folder laid out like {@code data-samples/}: one sub-folder per video (or
 * everything in one folder), {@code gt.*} the reference, {@code model.*} the pre-annotation, every
 * other {@code *.cvat.xml}, {@code *.coco.json}, {@code *.ytvis.json} or {@code *.mot.txt} one
 * annotator's work. The annotator is the file's recorded provenance source, or the file name
 * without its format extension ({@link BatchLayout#sourceOf}) when the file records none (plain
 * CVAT exports, MOT files).
 *
 * <p>When a role has several files for one video (e.g. {@code gt.coco.json} and {@code
 * gt.mot.txt}), the richest is used: COCO, then CVAT, then MOT. MOT files say nothing about their
 * video, so they take the video of another file in the same folder.
 */
public final class QaInputs {
  private QaInputs() {}

  /**
   * Reads every video under {@code dir}.
   *
   * @param useGroundTruth false to ignore {@code gt.*} files and score against the consensus
   * @throws BadAnnotationException from the readers, naming the bad file and line
   * @throws IllegalArgumentException when a video's files disagree on the video
   */
  public static List<VideoLabels> read(Path dir, boolean useGroundTruth) throws IOException {
    if (!Files.isDirectory(dir))
      throw new IllegalArgumentException("not a folder: " + dir.getFileName());
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir, 2)) {
      files
          .filter(Files::isRegularFile)
          .filter(QaInputs::isAnnotationFile)
          .sorted()
          .forEach(f -> byFolder.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f));
    }
    if (byFolder.isEmpty())
      throw new IllegalArgumentException(
          "no annotation files (*.cvat.xml, *.coco.json, *.mot.txt) under " + dir.getFileName());
    List<VideoLabels> out = new ArrayList<>();
    for (List<Path> files : byFolder.values()) {
      Map<String, List<Path>> byRole = new LinkedHashMap<>();
      for (Path f : files)
        byRole
            .computeIfAbsent(
                BatchLayout.sourceOf(f.getFileName().toString()), k -> new ArrayList<>())
            .add(f);
      Video video = null;
      Map<String, AnnotationSet> sets = new LinkedHashMap<>();
      for (var e : byRole.entrySet()) {
        if (e.getKey().equals("gt") && !useGroundTruth) continue;
        Path best =
            e.getValue().stream().min(Comparator.comparingInt(QaInputs::preference)).orElseThrow();
        AnnotationSet s = AnnotationFiles.read(best);
        if (!isMot(best) && video == null) video = s.video();
        sets.put(e.getKey(), s);
      }
      List<AnnotationSet> annotators = new ArrayList<>();
      AnnotationSet reference = null, pre = null;
      for (var e : sets.entrySet()) {
        AnnotationSet s = e.getValue();
        if (video != null
            && isMot(
                byRole.get(e.getKey()).stream()
                    .min(Comparator.comparingInt(QaInputs::preference))
                    .orElseThrow()))
          s = new AnnotationSet(video, s.provenance(), s.labels(), s.detections());
        switch (e.getKey()) {
          case "gt" -> reference = s;
          case "model" -> pre = s;
          default -> {
            Provenance p = s.provenance();
            if (p.source().equals("unknown") || p.kind() != Provenance.Kind.ANNOTATOR)
              s =
                  new AnnotationSet(
                      s.video(),
                      Provenance.annotator(e.getKey(), p.time(), p.tool()),
                      s.labels(),
                      s.detections());
            annotators.add(s);
          }
        }
      }
      if (annotators.isEmpty()) continue;
      out.add(new VideoLabels(reference, pre, annotators));
    }
    return out;
  }

  static boolean isAnnotationFile(Path f) {
    String n = f.getFileName().toString();
    return BatchLayout.FORMATS.stream().anyMatch(n::endsWith);
  }

  private static boolean isMot(Path f) {
    return f.getFileName().toString().endsWith(".mot.txt");
  }

  private static int preference(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".coco.json")
        ? 0
        : n.endsWith(".ytvis.json") ? 1 : n.endsWith(".cvat.xml") ? 2 : 3;
  }
}
