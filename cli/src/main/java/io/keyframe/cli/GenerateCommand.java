package io.keyframe.cli;

import io.keyframe.synth.ClinicVideoGenerator;
import io.keyframe.synth.GeneratedBatchWriter;
import io.keyframe.synth.GeneratorSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Renders synthetic hospital-room videos with exact ground truth, simulated annotators and a
 * simulated model.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Generate synthetic clinic videos: ground truth, occlusion manifest, simulated annotators and model with recorded faults.")
public final class GenerateCommand extends KeyframeCommand {
  @Option(
      names = "--videos",
      defaultValue = "2",
      description = "Number of videos (default: ${DEFAULT-VALUE}).")
  int videos;

  @Option(
      names = "--frames",
      defaultValue = "300",
      description = "Frames per video (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(
      names = "--objects",
      defaultValue = "12",
      description = "Annotated objects per video (default: ${DEFAULT-VALUE}).")
  int objects;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Seed; same seed, same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--annotators",
      defaultValue = "3",
      description = "Simulated annotators, >= 2; the last is sloppy (default: ${DEFAULT-VALUE}).")
  int annotators;

  @Option(
      names = "--png-every",
      defaultValue = "0",
      description = "Also write every n-th frame as PNG (0 = none).")
  int pngEvery;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (frames > GeneratorSpec.MAX_FRAMES || frames < 1)
      throw usageError("--frames must be in [1, " + GeneratorSpec.MAX_FRAMES + "]: " + frames);
    if (videos > GeneratorSpec.MAX_VIDEOS || videos < 1)
      throw usageError("--videos must be in [1, " + GeneratorSpec.MAX_VIDEOS + "]: " + videos);
    if (pngEvery < 0) throw usageError("--png-every must be >= 0: " + pngEvery);
    GeneratorSpec gs = GeneratorSpec.of(videos, frames, objects, seed).withAnnotators(annotators);
    ProgressBar bar = new ProgressBar(stderr(), "frames");
    bar.say(
        String.format(java.util.Locale.ROOT, "generate: %d videos x %d frames...", videos, frames));
    GeneratedBatchWriter.Options options =
        GeneratedBatchWriter.Options.defaults().withPngEvery(pngEvery);
    var summary =
        new GeneratedBatchWriter(out, options).write(new ClinicVideoGenerator(gs), bar::update);
    stdout()
        .printf(
            "generated %d videos, %d frames, %d ground-truth boxes, %d files in %s%n",
            summary.videoIds().size(),
            summary.frames(),
            summary.groundTruthRows(),
            summary.files(),
            out);
    return 0;
  }
}
