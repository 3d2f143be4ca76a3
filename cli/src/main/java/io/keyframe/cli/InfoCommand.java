package io.keyframe.cli;

import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSummary;
import io.keyframe.dataset.mot.MotReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Says what is in an annotation file. The video ID is shown pseudonymised. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarise an annotation file or a video/volume (without identifiers).")
public final class InfoCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "MOT, CVAT XML, COCO, YouTube-VIS or SA-V file; or a frame source: DICOM file or series folder, NIfTI-1 volume (.nii, .nii.gz), MP4.")
  Path file;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (MediaInfo.isMedia(file)) {
      MediaInfo.print(file, spec.commandLine().getOut());
      return 0;
    }
    var err = spec.commandLine().getErr();
    // What the reader skipped (CVAT skeletons, further videos) is said, never dropped silently.
    AnnotationSummary s = AnnotationFiles.summarize(file, w -> err.println("warning: " + w));
    var out = spec.commandLine().getOut();
    out.printf("format        %s%n", s.format().name().toLowerCase());
    if (s.format() == AnnotationFormat.MOT) out.printf("mot layout    %s (detected)%n", MotReader.layout(file).cliName());
    out.printf("video         %s (pseudonym)%n", Pseudonyms.video(s.videoId()));
    out.printf("size          %dx%d, %d frames at %.2f fps%n", s.width(), s.height(), s.frameCount(), s.fps());
    out.printf("source        %s %s%n", s.provenance().kind().name().toLowerCase(), s.provenance().tool());
    out.printf("objects       %d shapes (%d with box, %d with mask) in %d tracks, %d untracked%n",
        s.detections(), s.withBox(), s.withMask(), s.tracks(), s.untracked());
    out.printf("frames        %d with annotations%n", s.annotatedFrames());
    out.printf("flags         %d occluded, %d outside, %d keyframes%n", s.occluded(), s.outside(), s.keyframes());
    out.println("classes");
    for (Map.Entry<String, Long> e : s.perLabel().entrySet()) out.printf("  %-24s %d%n", e.getKey(), e.getValue());
    return 0;
  }
}
