package io.keyframe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSummary;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.files.BatchLayout;
import io.keyframe.dataset.mot.MotReader;
import io.keyframe.scoring.batch.BatchFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Says what is in an annotation file, a batch folder or its batch.json, or a video/volume. Video
 * IDs are shown pseudonymised.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Summarise an annotation file, a batch folder (one sub-folder per video) or a batch's batch.json, or a video/volume (without identifiers).")
public final class InfoCommand extends KeyframeCommand {
  @Parameters(
      paramLabel = "FILE",
      description =
          "MOT, CVAT XML, COCO, YouTube-VIS or SA-V file; a batch folder or its batch.json; or a frame source: DICOM file or series folder, NIfTI-1 volume (.nii, .nii.gz), MP4.")
  Path file;

  @Override
  public Integer call() throws Exception {
    if (MediaInfo.isMedia(file)) {
      MediaInfo.print(file, stdout());
      return 0;
    }
    var err = stderr();
    var out = stdout();
    if (Files.isDirectory(file)) return batch(file, out);
    if (!Files.exists(file)) throw new java.nio.file.NoSuchFileException(file.toString());
    if (isBatchSpec(file)) return batch(file.toAbsolutePath().getParent(), out);
    // What the reader skipped (CVAT skeletons, further videos) is said, never dropped silently.
    AnnotationSummary s = AnnotationFiles.summarize(file, w -> err.println("warning: " + w));
    out.printf("format        %s%n", s.format().name().toLowerCase());
    if (s.format() == AnnotationFormat.MOT)
      out.printf("mot layout    %s (detected)%n", MotReader.layout(file).cliName());
    out.printf("video         %s (pseudonym)%n", Pseudonyms.video(s.videoId()));
    out.printf(
        "size          %dx%d, %d frames at %s%n", s.width(), s.height(), s.frameCount(), fps(s));
    Provenance p = s.provenance();
    boolean unknown = p.source().equals("unknown") && p.tool().isEmpty();
    out.printf(
        "source        %s%n",
        unknown
            ? "unknown (the file records no provenance)"
            : (p.kind().name().toLowerCase()
                    + " "
                    + p.source()
                    + (p.tool().isEmpty() ? "" : ", written by " + p.tool()))
                .trim());
    if (unknown)
      BatchLayout.roleOf(file.getFileName().toString())
          .ifPresent(role -> out.printf("role          %s (from the file name)%n", role));
    out.printf(
        "objects       %d shapes (%d with box, %d with mask) in %d tracks, %d untracked%n",
        s.detections(), s.withBox(), s.withMask(), s.tracks(), s.untracked());
    if (s.tracks() == 0 && s.untracked() > 0)
      out.println(
          "identities    none: every shape is untracked (id -1), e.g. raw detections; track them before identity metrics");
    out.printf("frames        %d with annotations%n", s.annotatedFrames());
    out.printf(
        "flags         %d occluded, %d outside, %d keyframes%n",
        s.occluded(), s.outside(), s.keyframes());
    out.println("classes");
    for (Map.Entry<String, Long> e : s.perLabel().entrySet())
      out.printf("  %-24s %d%n", e.getKey(), e.getValue());
    return 0;
  }

  /**
   * The frame rate, or that the file does not say (a reader's {@link Video#UNKNOWN_FPS} is not a
   * fact about the video).
   */
  private String fps(AnnotationSummary s) throws IOException {
    boolean known =
        BatchLayout.folderGivesFrameRate(file)
            || (s.format() != AnnotationFormat.MOT
                && (s.fps() != Video.UNKNOWN_FPS || !s.provenance().tool().isEmpty()));
    return known
        ? String.format(java.util.Locale.ROOT, "%.2f fps", s.fps())
        : String.format(
            java.util.Locale.ROOT,
            "unknown fps (the file does not say; %s assumed where time matters)",
            MediaInfo.fpsText(Video.UNKNOWN_FPS));
  }

  private static boolean isBatchSpec(Path f) throws IOException {
    if (!f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
      return false;
    try (var in = Files.newInputStream(f)) {
      byte[] head = in.readNBytes(512);
      String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
      if (!text.contains("\"spec\"") && !f.getFileName().toString().equals("batch.json"))
        return false;
    }
    JsonNode root = new ObjectMapper().readTree(f.toFile());
    return root != null
        && root.has("spec")
        && root.path("videos").isArray()
        && (root.path("videos").isEmpty() || root.path("videos").get(0).isTextual());
  }

  /** A batch: its spec when present, then each video folder and the role of each file in it. */
  private int batch(Path dir, PrintWriter out) throws IOException {
    Path specFile = dir.resolve("batch.json");
    List<Path> videos;
    try {
      videos = BatchFolder.videoFolders(dir);
    } catch (IllegalArgumentException e) {
      if (Files.isRegularFile(dir.resolve("meta.json"))) videos = List.of(dir);
      else
        throw new BadAnnotationException(
            dir,
            -1,
            -1,
            "folder",
            "not a batch: expected one sub-folder per video holding gt.*, model.* or annotator-*.* files (as 'keyframe generate' writes), or a file to summarise");
    }
    out.printf("batch         %d videos%n", videos.size());
    if (Files.isRegularFile(specFile)) {
      JsonNode root = new ObjectMapper().readTree(specFile.toFile());
      JsonNode s = root.path("spec");
      out.printf(
          "spec          %s, seed %s: %s frames x %s objects per video, %sx%s at %s fps%n",
          root.path("tool").asText("?"),
          s.path("seed").asText("?"),
          s.path("frames").asText("?"),
          s.path("objects").asText("?"),
          s.path("width").asText("?"),
          s.path("height").asText("?"),
          s.path("fps").asText("?"));
      List<String> names = new ArrayList<>();
      s.path("annotators").forEach(a -> names.add(a.path("name").asText()));
      if (!names.isEmpty()) out.printf("annotators    %s%n", String.join(", ", names));
      if (s.has("model")) out.printf("model         %s%n", s.path("model").path("name").asText());
      List<String> classes = new ArrayList<>();
      root.path("classes").forEach(c -> classes.add(c.asText()));
      if (!classes.isEmpty())
        out.printf("classes       %d: %s%n", classes.size(), String.join(", ", classes));
    }
    for (Path v : videos) {
      List<String> files;
      try (Stream<Path> s = Files.list(v)) {
        files =
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
      }
      String id =
          BatchLayout.videoOfFolder(v.resolve("meta.json"))
              .map(io.keyframe.dataset.Video::id)
              .orElse(v.getFileName().toString());
      out.printf(
          "video         %s (pseudonym): %s%n", Pseudonyms.video(id), String.join(" ", files));
    }
    out.println(
        "use           keyframe info <video>/<file> for one file; mot-metrics --gt DIR --pred DIR scores every annotator and model against gt");
    return 0;
  }
}
