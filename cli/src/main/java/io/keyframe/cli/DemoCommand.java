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
  @Option(
      names = "--out",
      defaultValue = "keyframe-out",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--videos", description = "Synthetic videos (default: 4).")
  Integer videos;

  @Option(names = "--frames", description = "Frames per video (default: 300).")
  Integer frames;

  @Option(names = "--objects", description = "Objects per video (default: 8).")
  Integer objects;

  @Option(names = "--seed", description = "Generator seed (default: 7).")
  Long seed;

  @Option(names = "--master", description = "Spark master (default: local[*]).")
  String master;

  @Option(
      names = "--budget",
      description = "Expert budget of the queue: " + Units.BUDGET + " (default: 10%%).")
  String budget;

  @Override
  public Integer call() {
    DemoOptions d = DemoOptions.defaults();
    if (budget != null)
      io.keyframe.scoring.queue.Budget.parse(budget); // refused before any Spark work
    DemoOptions o =
        new DemoOptions(
            videos != null ? videos : d.videos(),
            frames != null ? frames : d.frames(),
            objects != null ? objects : d.objects(),
            seed != null ? seed : d.seed(),
            master != null ? master : d.master(),
            budget != null ? budget : d.budget(),
            d.keyframeInterval());
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
