package io.keyframe.cli;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionFiles;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.scoring.batch.BatchFolder;
import io.keyframe.scoring.qa.SourceRoles;
import io.keyframe.scoring.signal.VideoEvidence;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What rank and spot-check score, as both take it: a batch folder, an output root (of the runs
 * {@code --run} names), or one video's files. One set of options, one wording and one rule for
 * which combinations are refused.
 */
final class EvidenceInputs {
  @Option(
      names = "--batch",
      description =
          "Batch folder (one sub-folder per video, as 'keyframe generate' writes), or the output root the Spark jobs and 'keyframe demo' write (tables/...).")
  Path batch;

  @Mixin RunIdsOption runIds;

  @Option(
      names = "--pred",
      description =
          "Single video: customer-model detections (with class probabilities for the uncertainty signals).")
  Path pred;

  @Option(
      names = "--labels",
      description =
          "Single video: delivered labels; give twice for annotator-vs-annotator disagreement.")
  List<Path> labels = new ArrayList<>();

  /**
   * One {@link VideoEvidence} per video: from the batch folder, the output root's runs, or the
   * single-video files with {@code tracks} and {@code occlusions} (null where the command has no
   * such option). Notes on what was read go to {@code err}.
   *
   * @throws IllegalArgumentException (exit 2) when the options given do not go together or give
   *     nothing to score
   */
  List<VideoEvidence> read(Path tracks, Path occlusions, PrintWriter err) throws IOException {
    List<String> runs = runIds.runs;
    if (batch != null) {
      if (pred != null || !labels.isEmpty() || tracks != null)
        throw new IllegalArgumentException(
            "give either --batch or single-video files (--pred/--labels/--tracks), not both");
      if (OutputRootBatch.isOutputRoot(batch)) {
        OutputRootBatch root =
            OutputRootBatch.read(batch, runs, note -> err.println("note: " + note));
        err.println(
            "reading runs "
                + String.join(", ", root.runs().stream().map(SourceRoles.Run::id).toList())
                + " of "
                + batch);
        return root.evidence();
      }
      if (!runs.isEmpty())
        throw new IllegalArgumentException(
            "--run needs an output root (a folder with tables/), not a file batch: " + batch);
      return BatchFolder.load(batch);
    }
    if (!runs.isEmpty())
      throw new IllegalArgumentException("--run needs --batch with an output root");
    if (pred == null && labels.isEmpty())
      throw new IllegalArgumentException(
          "nothing to rank: give --batch DIR, or --pred and/or --labels files");
    AnnotationSet p = pred == null ? null : AnnotationFiles.read(pred);
    List<AnnotationSet> l = new ArrayList<>();
    for (Path f : labels) l.add(AnnotationFiles.read(f));
    AnnotationSet t = tracks == null ? null : AnnotationFiles.read(tracks);
    AnnotationSet any = p != null ? p : l.get(0);
    return List.of(
        new VideoEvidence(
            any.video(),
            p,
            t,
            l,
            occlusions == null ? List.of() : OcclusionFiles.read(occlusions)));
  }
}
