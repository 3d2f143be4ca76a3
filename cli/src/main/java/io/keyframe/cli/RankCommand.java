package io.keyframe.cli;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.OcclusionFiles;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.scoring.batch.BatchFolder;
import io.keyframe.scoring.queue.Budget;
import io.keyframe.scoring.queue.LabelQueue;
import io.keyframe.scoring.queue.QueueFiles;
import io.keyframe.scoring.queue.QueueOptions;
import io.keyframe.scoring.queue.QueueRow;
import io.keyframe.scoring.queue.RankedQueue;
import io.keyframe.scoring.queue.SignalWeights;
import io.keyframe.scoring.signal.VideoEvidence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Ranks frames for expert labelling within a budget; every row says why. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description =
        "Rank frames for expert labelling within a budget (CSV or JSON, each row with its reasons).")
public final class RankCommand extends KeyframeCommand {
  @Option(
      names = "--batch",
      description =
          "Batch folder (one sub-folder per video, as 'keyframe generate' writes), or the output root the Spark jobs and 'keyframe demo' write (tables/...).")
  Path batch;

  @Option(
      names = "--run",
      split = ",",
      description =
          "With an output root: run id(s) to read (default: every complete detections run; a later run replaces an earlier one's source).")
  List<String> runs = new ArrayList<>();

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

  @Option(
      names = "--tracks",
      description = "Single video: tracker output (model-vs-tracker disagreement).")
  Path tracks;

  @Option(names = "--occlusions", description = "Single video: occlusion events JSON.")
  Path occlusions;

  @Option(
      names = "--budget",
      defaultValue = "10%",
      description =
          "Share of frames ('10%%' or '0.1'; a bare number above 1 is refused) or expert minutes ('120min') (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(names = "--minutes", description = "Expert minutes; overrides --budget.")
  Double minutes;

  @Option(
      names = "--weights",
      description = "Signal weight overrides, e.g. 'entropy=0.5,occlusion=2'.")
  String weights;

  @Option(names = "--redact", description = "Write pseudonymised video IDs.")
  boolean redact;

  @Option(names = "--out", required = true, description = "Queue file: .csv or .json.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Budget b = minutes != null ? Budget.ofMinutes(minutes) : Budget.parse(budget);
    List<VideoEvidence> evidence =
        evidence(batch, runs, pred, labels, tracks, occlusions, stderr());
    QueueOptions o = QueueOptions.defaults().withBudget(b);
    if (weights != null) o = o.withWeights(SignalWeights.parse(weights));
    RankedQueue q = LabelQueue.rank(evidence, o, new ProgressBar(stderr(), "videos")::update);
    List<QueueRow> rows = redact ? q.rows().stream().map(RankCommand::redacted).toList() : q.rows();
    if (out.toString().endsWith(".json")) QueueFiles.writeQueueJson(out, rows);
    else QueueFiles.writeQueueCsv(out, rows);
    var w = stdout();
    w.printf(
        "%d frames in %d rows, %.0f expert minutes, written to %s%n",
        q.framesSelected(), rows.size(), q.minutes(), out);
    for (String note : q.notes()) w.println("note: " + note);
    for (QueueRow r : rows.subList(0, Math.min(5, rows.size())))
      w.printf(
          "  #%d %s frames %d-%d  score %.3f  %s%n",
          r.rank(), r.videoId(), r.frameStart(), r.frameEnd(), r.score(), r.reasonsText());
    return 0;
  }

  static QueueRow redacted(QueueRow r) {
    return r.withVideoId(Pseudonyms.video(r.videoId()));
  }

  /** Evidence from a batch folder, an output root (of the given runs), or single-video files. */
  static List<VideoEvidence> evidence(
      Path batch,
      List<String> runs,
      Path pred,
      List<Path> labels,
      Path tracks,
      Path occlusions,
      java.io.PrintWriter err)
      throws IOException {
    if (batch != null) {
      if (pred != null || !labels.isEmpty() || tracks != null)
        throw new IllegalArgumentException(
            "give either --batch or single-video files (--pred/--labels/--tracks), not both");
      if (OutputRootBatch.isOutputRoot(batch)) {
        OutputRootBatch root =
            OutputRootBatch.read(batch, runs, note -> err.println("note: " + note));
        err.println(
            "reading runs "
                + String.join(
                    ", ",
                    root.runs().stream().map(io.keyframe.scoring.qa.SourceRoles.Run::id).toList())
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
