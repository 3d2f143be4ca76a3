package io.keyframe.cli;

import io.keyframe.dataset.files.BatchLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Ground truth and predictions paired in keyframe's batch layout: per video folder, {@code gt.*}
 * against each other role's file ({@code annotator-*}, {@code model}, {@code tracks}, ...), so
 * {@code mot-metrics --gt data-samples --pred data-samples} scores every annotator and the model.
 */
final class BatchPairs {
  /** One scoring: the row's name, the reference file and the prediction file. */
  record Pair(String name, Path gt, Path pred) {}

  private BatchPairs() {}

  /**
   * True when {@code dir} is a batch folder or one video folder of it (it, or a sub-folder, holds a
   * {@code gt.*} file).
   */
  static boolean isBatch(Path dir) throws IOException {
    return Files.isDirectory(dir) && !videoFolders(dir).isEmpty();
  }

  /** Every (video, role) pair; the gt side's folders decide which videos are scored. */
  static List<Pair> pairs(Path gtRoot, Path predRoot) throws IOException {
    List<Pair> out = new ArrayList<>();
    for (Path gtDir : videoFolders(gtRoot)) {
      Path predDir =
          gtDir.equals(gtRoot) && !gtRoot.equals(predRoot)
              ? predRoot
              : predRoot.resolve(gtRoot.relativize(gtDir).toString());
      if (gtRoot.equals(predRoot)) predDir = gtDir;
      if (!Files.isDirectory(predDir))
        throw new IllegalArgumentException(
            "no prediction folder for video folder " + gtDir.getFileName() + " in " + predRoot);
      Map<String, Path> roles = roles(predDir);
      Path gt = roles(gtDir).get("gt");
      roles.remove("gt");
      if (roles.isEmpty())
        throw new IllegalArgumentException(
            "no annotator, model or tracker files to score in " + predDir);
      String video = gtDir.getFileName().toString();
      for (var e : roles.entrySet()) out.add(new Pair(video + "/" + e.getKey(), gt, e.getValue()));
    }
    return out;
  }

  private static List<Path> videoFolders(Path root) throws IOException {
    if (roles(root).containsKey("gt")) return List.of(root);
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path d : s.filter(Files::isDirectory).sorted().toList())
        if (roles(d).containsKey("gt")) out.add(d);
    }
    return out;
  }

  /**
   * Role ({@link BatchLayout#roleOf}) to file; of several files for one role, the one the tracking
   * metrics read best: MOT (boxes and IDs as MOTChallenge scores them), then CVAT, then COCO.
   */
  private static Map<String, Path> roles(Path dir) throws IOException {
    Map<String, List<Path>> byRole = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String n = f.getFileName().toString();
        Optional<String> role = BatchLayout.roleOf(n);
        if (rank(n) < 0 || role.isEmpty()) continue;
        byRole.computeIfAbsent(role.get(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, Path> out = new LinkedHashMap<>();
    byRole.forEach(
        (role, files) ->
            out.put(
                role,
                files.stream()
                    .min(Comparator.comparingInt(f -> rank(f.getFileName().toString())))
                    .orElseThrow()));
    return out;
  }

  private static int rank(String name) {
    // The batch layout's double extensions only: a MOTChallenge SEQ/gt/gt.txt is not a batch
    // folder.
    if (name.endsWith(".mot.txt")) return 0;
    if (name.endsWith(".cvat.xml")) return 1;
    if (name.endsWith(".coco.json")) return 2;
    return -1;
  }
}
