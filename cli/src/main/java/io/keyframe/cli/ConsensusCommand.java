package io.keyframe.cli;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.scoring.qa.ConsensusMerger;
import io.keyframe.scoring.qa.ConsensusOptions;
import io.keyframe.scoring.qa.ConsensusResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Merges two or more annotators' labels of one video into a consensus, in all three formats. */
@Command(
    name = "consensus",
    mixinStandardHelpOptions = true,
    description =
        "Merge annotations of one video: per-frame Hungarian matching, majority class (ties to the expert list), median box, mask majority, consistent IDs.")
public final class ConsensusCommand extends KeyframeCommand {
  @Option(
      names = "--annotations",
      required = true,
      split = ",",
      description = "Two or more annotation files of the same video.")
  List<Path> annotations;

  @Option(
      names = "--out",
      required = true,
      description =
          "Output folder: consensus.{mot.txt,cvat.xml,coco.json}, provenance.csv, expert.csv.")
  Path out;

  @Mixin RedactOption redact;

  @Override
  public Integer call() throws Exception {
    if (annotations.size() < 2)
      throw new IllegalArgumentException(
          "consensus needs at least two annotation files; got " + annotations.size());
    List<AnnotationSet> sets = new ArrayList<>();
    for (Path p : annotations) sets.add(AnnotationFiles.read(p));
    ConsensusResult r = ConsensusMerger.merge(sets, ConsensusOptions.defaults());
    r = redact.applyTo(r, ConsensusResult::redact);
    Files.createDirectories(out);
    AnnotationFiles.write(out.resolve("consensus.mot.txt"), r.merged(), AnnotationFormat.MOT);
    AnnotationFiles.write(
        out.resolve("consensus.cvat.xml"), r.merged(), AnnotationFormat.CVAT_VIDEO);
    AnnotationFiles.write(out.resolve("consensus.coco.json"), r.merged(), AnnotationFormat.COCO);
    r.writeProvenanceCsv(out.resolve("provenance.csv"));
    r.writeExpertCsv(out.resolve("expert.csv"));
    stdout().print(r.summary());
    stdout().println("written to " + out);
    return 0;
  }
}
