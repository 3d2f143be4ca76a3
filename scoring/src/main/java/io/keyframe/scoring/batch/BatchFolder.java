package io.keyframe.scoring.batch;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.OcclusionFiles;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.scoring.signal.VideoEvidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A batch on disk: one folder per video holding the customer model's detections ({@code
 * model.coco.json}, else {@code model.mot.txt}), the annotators' labels ({@code
 * annotator-*.cvat.xml}, in name order), optionally tracker output ({@code tracks.mot.txt}) and
 * occlusion events ({@code occlusions.json}). This is what {@code keyframe generate} writes and
 * {@code keyframe track} adds to.
 */
public final class BatchFolder {
  private BatchFolder() {}

  /**
   * Video folders of a batch, in name order; a folder counts when it holds model or annotator
   * files.
   */
  public static List<Path> videoFolders(Path batch) throws IOException {
    if (!Files.isDirectory(batch)) throw new java.nio.file.NoSuchFileException(batch.toString());
    try (Stream<Path> s = Files.list(batch)) {
      List<Path> dirs =
          s.filter(Files::isDirectory).filter(BatchFolder::isVideoFolder).sorted().toList();
      if (dirs.isEmpty())
        throw new IllegalArgumentException(
            "no video folders in "
                + batch
                + " (expected sub-folders with model.* or annotator-*.cvat.xml files)");
      return dirs;
    }
  }

  /** Loads every video of the batch. */
  public static List<VideoEvidence> load(Path batch) throws IOException {
    List<VideoEvidence> out = new ArrayList<>();
    for (Path dir : videoFolders(batch)) out.add(loadVideo(dir));
    return List.copyOf(out);
  }

  /** Loads one video folder. */
  public static VideoEvidence loadVideo(Path dir) throws IOException {
    AnnotationSet predictions = readFirst(dir, "model.coco.json", "model.mot.txt");
    AnnotationSet tracker = readFirst(dir, "tracks.mot.txt", "tracks.cvat.xml");
    List<AnnotationSet> labels = new ArrayList<>();
    for (Path f : annotatorFiles(dir)) labels.add(AnnotationFiles.read(f));
    AnnotationSet any =
        predictions != null ? predictions : !labels.isEmpty() ? labels.get(0) : tracker;
    if (any == null)
      throw new IllegalArgumentException("no model, tracker or annotator files in " + dir);
    Path occ = dir.resolve("occlusions.json");
    List<OcclusionEvent> occlusions =
        Files.isRegularFile(occ) ? OcclusionFiles.read(occ) : List.of();
    return new VideoEvidence(any.video(), predictions, tracker, labels, occlusions);
  }

  /** {@code annotator-*.cvat.xml} files of a video folder, in name order. */
  public static List<Path> annotatorFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p ->
                  p.getFileName()
                      .toString()
                      .matches("annotator-.*\\.(cvat\\.xml|xml|mot\\.txt|coco\\.json)"))
          .sorted()
          .toList();
    }
  }

  private static boolean isVideoFolder(Path dir) {
    try {
      return Files.exists(dir.resolve("model.coco.json"))
          || Files.exists(dir.resolve("model.mot.txt"))
          || !annotatorFiles(dir).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static AnnotationSet readFirst(Path dir, String... names) throws IOException {
    for (String n : names) {
      Path f = dir.resolve(n);
      if (Files.isRegularFile(f)) return AnnotationFiles.read(f);
    }
    return null;
  }
}
