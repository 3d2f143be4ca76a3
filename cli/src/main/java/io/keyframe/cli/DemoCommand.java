package io.keyframe.cli;

import io.keyframe.spark.demo.DemoOptions;
import io.keyframe.spark.demo.DemoPipeline;
import io.keyframe.spark.demo.DemoResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job on embedded defaults: generate a synthetic clinic batch, track it (two iterations),
 * score agreement, rank frames for experts and compare the iterations, on a local Spark session.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole loop on embedded defaults (local Spark): generate -> track -> agreement -> rank -> compare.")
public final class DemoCommand extends KeyframeCommand {
  // Unset options keep DemoOptions' defaults, so the help states the defaults the demo runs with.
  private static final DemoOptions DEFAULTS = DemoOptions.defaults();

  @Option(
      names = "--out",
      defaultValue = "keyframe-out",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--videos", description = "Synthetic videos (default: ${DEFAULT-VALUE}).")
  int videos = DEFAULTS.videos();

  @Option(names = "--frames", description = "Frames per video (default: ${DEFAULT-VALUE}).")
  int frames = DEFAULTS.frames();

  @Option(names = "--objects", description = "Objects per video (default: ${DEFAULT-VALUE}).")
  int objects = DEFAULTS.objects();

  @Option(names = "--seed", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.seed();

  @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master = DEFAULTS.master();

  @Option(
      names = "--budget",
      description = "Expert budget of the queue: " + Units.BUDGET + " (default: ${DEFAULT-VALUE}).")
  String budget = DEFAULTS.budget();

  @Override
  public Integer call() {
    io.keyframe.scoring.queue.Budget.parse(budget); // refused before any Spark work
    DemoOptions o =
        new DemoOptions(videos, frames, objects, seed, master, budget, DEFAULTS.keyframeInterval());
    ProgressBar bar = new ProgressBar(stderr(), "tasks").overall("demo");
    bar.say(
        String.format(
            java.util.Locale.ROOT,
            "demo: %d videos x %d frames, 6 steps (generate, track twice, agreement, rank, compare) on local Spark; starting it...",
            o.videos(),
            o.frames()));
    DemoResult result = DemoPipeline.run(out, o, bar::update);
    bar.finish("demo: done");
    var w = stdout();
    w.print(result.summary());
    w.println("next: ./keyframe serve --data " + out + "   (reports on http://127.0.0.1:7070)");
    w.println("      ./keyframe notebook all --data " + out + "   (analyst notebooks as HTML)");
    return 0;
  }
}
