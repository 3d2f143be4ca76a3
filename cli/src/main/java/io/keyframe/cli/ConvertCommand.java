package io.keyframe.cli;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.files.AnnotationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Converts an annotation file between MOTChallenge, CVAT video XML, COCO and YouTube-VIS. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description =
        "Convert annotations: mot, cvat, coco, cocovid, ytvis (and read-only sav). Writes atomically.")
public final class ConvertCommand extends KeyframeCommand {
  @Option(names = "--from", description = "Input format (default: detected from the file).")
  String from;

  @Option(
      names = "--to",
      required = true,
      description = "Output format: mot, cvat, coco, cocovid, ytvis.")
  String to;

  @Parameters(index = "0", paramLabel = "INPUT", description = "Annotation file to read.")
  Path input;

  @Parameters(
      index = "1",
      paramLabel = "OUTPUT",
      description = "File to write (replaced atomically).")
  Path output;

  @Override
  public Integer call() throws Exception {
    AnnotationFormat source =
        from == null ? AnnotationFiles.detect(input) : AnnotationFormat.parse(from);
    AnnotationFormat target = AnnotationFormat.parse(to);
    if (!target.writable())
      throw new IllegalArgumentException(
          "keyframe cannot write " + to + "; use mot, cvat, coco, cocovid or ytvis");
    var err = stderr();
    // One line for what the reader skipped, one for what the target format cannot carry.
    Consumer<String> warn = w -> err.println("warning: " + w);
    String conversion = source.name().toLowerCase() + " -> " + target.name().toLowerCase();
    var out = stdout();
    if (target == AnnotationFormat.COCO_VID) {
      // COCO-VID holds several videos in one file: a CVAT project, a COCO-VID or YouTube-VIS file
      // with several videos comes across whole.
      List<AnnotationSet> sets = AnnotationFiles.readAll(input, source, warn);
      AnnotationFiles.writeAll(output, sets, target, warn);
      int detections = sets.stream().mapToInt(s -> s.detections().size()).sum();
      int tracks = sets.stream().mapToInt(s -> s.tracks().size()).sum();
      out.printf(
          "%s: %d detections in %d tracks of %d videos written to %s%n",
          conversion, detections, tracks, sets.size(), output);
      return 0;
    }
    AnnotationSet set = AnnotationFiles.read(input, source, warn);
    AnnotationFiles.write(output, set, target, warn);
    out.printf(
        "%s: %d detections in %d tracks written to %s%n",
        conversion, set.detections().size(), set.tracks().size(), output);
    return 0;
  }
}
