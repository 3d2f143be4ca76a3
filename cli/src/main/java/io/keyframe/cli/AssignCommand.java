package io.keyframe.cli;

import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.files.BatchLayout;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.scoring.batch.BatchFolder;
import io.keyframe.scoring.qa.Assignment;
import io.keyframe.scoring.qa.AssignmentOptions;
import io.keyframe.scoring.qa.AssignmentPlan;
import io.keyframe.scoring.qa.AssignmentPlanner;
import io.keyframe.scoring.qa.WorkItem;
import io.keyframe.scoring.units.Share;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A reproducible double-blind labelling plan: videos cut into segments, overlap segments to two
 * annotators, the rest to one; says how close the plan comes to the overlap asked for.
 */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description =
        "Plan double-blind labelling: videos cut into segments; each overlap segment to two distinct annotators (rotating pairs, balanced load), the rest to one.")
public final class AssignCommand extends KeyframeCommand {
  @Option(
      names = "--videos",
      required = true,
      split = ",",
      description =
          "Video IDs, annotation or video files, or one batch folder (its video sub-folders; frame counts from meta.json).")
  List<String> videos;

  @Option(
      names = "--annotators",
      required = true,
      split = ",",
      arity = "1..*",
      description = "Annotator names, e.g. A,B,C.")
  List<String> annotators;

  @Option(
      names = "--overlap",
      defaultValue = "20%",
      converter = ShareConverter.class,
      description =
          "Share of frames labelled twice: " + Units.SHARE + " (default: ${DEFAULT-VALUE}).")
  Share overlap;

  @Option(
      names = "--segment-frames",
      defaultValue = "60",
      description =
          "Frames per work item; 0 = whole videos. Videos given by bare ID have no known length and stay whole (default: ${DEFAULT-VALUE}).")
  int segmentFrames;

  @Mixin SeedOption seed;

  @Option(
      names = "--out",
      required = true,
      description =
          "Plan CSV: item,video,first_frame,last_frame,annotator,double_blind (frames 0-based inclusive, empty for a whole video).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (segmentFrames < 0)
      throw new IllegalArgumentException(
          "--segment-frames must be >= 0 (0 = whole videos): " + segmentFrames);
    Map<String, Integer> frames = lengths();
    List<WorkItem> items = new ArrayList<>();
    List<String> unknownLength = new ArrayList<>();
    boolean anyKnown = frames.values().stream().anyMatch(n -> n > 0);
    for (var e : frames.entrySet()) {
      if (segmentFrames > 0 && e.getValue() > 0)
        items.addAll(WorkItem.segments(e.getKey(), e.getValue(), segmentFrames));
      else {
        if (segmentFrames > 0) unknownLength.add(e.getKey());
        // A plan cannot mix whole videos with spans (their loads do not compare): refused below.
        items.add(WorkItem.video(e.getKey()));
      }
    }
    if (anyKnown && !unknownLength.isEmpty() && segmentFrames > 0)
      throw new IllegalArgumentException(
          "cannot segment "
              + unknownLength.size()
              + " of the videos (length unknown: given by ID); give files or a batch folder for all, or --segment-frames 0");
    var err = stderr();
    AssignmentPlan plan =
        AssignmentPlanner.plan(
            new AssignmentOptions(items, annotators, overlap.value(), seed.seed));
    plan.writeCsv(out);
    long all = 0, twice = 0;
    int doubles = 0;
    for (Assignment a : plan.assignments()) {
      long w = a.item().weight();
      all += w;
      if (a.overlap()) {
        twice += w;
        doubles++;
      }
    }
    boolean whole = items.get(0).wholeVideo();
    String unit = whole ? "videos" : "frames";
    double achieved = all == 0 ? 0 : twice / (double) all;
    stdout()
        .printf(
            Locale.ROOT,
            "plan: %d items (%s) for %d annotators, %d double-labelled: %d of %d %s (%.1f%%; asked %s), seed %d; written to %s%n",
            items.size(),
            whole ? "whole videos" : segmentFrames + "-frame segments",
            annotators.size(),
            doubles,
            twice,
            all,
            unit,
            100 * achieved,
            overlap,
            seed.seed,
            out);
    if (!unknownLength.isEmpty())
      err.println(
          "note: videos given by ID have no known length, so they are planned whole; give files or a batch folder to cut segments");
    // Off by more than a tenth of the request (or a percentage point): say so, and how to get
    // closer.
    double slack = Math.max(0.01, 0.1 * overlap.value()) + 1e-9;
    if (Math.abs(achieved - overlap.value()) > slack)
      err.printf(
          Locale.ROOT,
          "warning: asked for %s of the %s double-labelled, the plan has %.1f%%: %d items cannot come closer%s%n",
          overlap,
          unit,
          100 * achieved,
          items.size(),
          whole
              ? "; cut the videos into segments (--segment-frames, with files or a batch folder)"
              : "; use shorter --segment-frames");
    return 0;
  }

  /** Video ID to frame count (0 = unknown), in the order given. */
  private Map<String, Integer> lengths() throws java.io.IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (videos.size() == 1 && Files.isDirectory(Path.of(videos.get(0)))) {
      for (Path d : BatchFolder.videoFolders(Path.of(videos.get(0)))) {
        var v = BatchLayout.videoOfFolder(d.resolve("meta.json"));
        out.put(
            v.map(Video::id).orElse(d.getFileName().toString()),
            v.map(Video::frameCount).orElse(0));
      }
      return out;
    }
    for (String s : videos) {
      Path p = Path.of(s);
      if (!Files.isRegularFile(p)) {
        out.put(s, 0);
        continue;
      }
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".mp4") || name.endsWith(".mov")) {
        try (var f = FrameSource.open(p, Video.UNKNOWN_FPS)) {
          var v = f.video(Video.idFromFileName(p.getFileName().toString()), "");
          out.put(v.id(), v.frameCount());
        }
      } else {
        var set = AnnotationFiles.read(p);
        out.put(set.video().id(), set.video().frameCount());
      }
    }
    return out;
  }
}
