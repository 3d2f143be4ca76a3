package io.keyframe.cli;

import io.keyframe.scoring.batch.BatchFolder;
import io.keyframe.scoring.qa.AssignmentOptions;
import io.keyframe.scoring.qa.AssignmentPlan;
import io.keyframe.scoring.qa.AssignmentPlanner;
import io.keyframe.scoring.qa.WorkItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A reproducible double-blind labelling plan: overlap items to two annotators, the rest to one. */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    description = "Plan double-blind labelling: each overlap item to two distinct annotators (rotating pairs, balanced load), the rest to one.")
public final class AssignCommand implements Callable<Integer> {
  @Option(names = "--videos", required = true, split = ",",
      description = "Video IDs, video files, or one batch folder (its video sub-folders).")
  List<String> videos;

  @Option(names = "--annotators", required = true, split = ",", description = "Annotator names, e.g. A,B,C.")
  List<String> annotators;

  @Option(names = "--overlap", defaultValue = "20%", converter = ShareConverter.class,
      description = "Share of work labelled twice, 20%% or 0.2 (default: ${DEFAULT-VALUE}).")
  io.keyframe.scoring.units.Share overlap;

  @Option(names = "--seed", defaultValue = "42", description = "Seed; same seed, same plan (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Plan CSV.")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> ids = new ArrayList<>();
    if (videos.size() == 1 && Files.isDirectory(Path.of(videos.get(0))))
      for (Path d : BatchFolder.videoFolders(Path.of(videos.get(0)))) ids.add(d.getFileName().toString());
    else
      for (String v : videos) ids.add(Files.isRegularFile(Path.of(v)) ? Path.of(v).getFileName().toString().replaceFirst("\\..*$", "") : v);
    AssignmentPlan plan = AssignmentPlanner.plan(new AssignmentOptions(ids.stream().map(WorkItem::video).toList(), annotators, overlap.value(), seed));
    plan.writeCsv(out);
    spec.commandLine().getOut().printf("plan for %d items and %d annotators (overlap %s, seed %d) written to %s%n",
        ids.size(), annotators.size(), overlap, seed, out);
    return 0;
  }
}
