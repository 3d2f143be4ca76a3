package io.keyframe.spark.ingest;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.OcclusionFiles;
import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.dataset.files.BatchLayout;
import io.keyframe.dataset.privacy.PseudonymKey;
import io.keyframe.dataset.privacy.Pseudonymiser;
import io.keyframe.spark.JobArguments;
import io.keyframe.spark.output.BadRecord;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.JobRun;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.Table;
import io.keyframe.spark.rows.DetectionRows;
import io.keyframe.spark.rows.OcclusionRows;
import io.keyframe.spark.rows.VideoFrames;
import io.keyframe.spark.session.SparkSessions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a batch folder — one sub-folder per video holding {@code <source>.<format>} annotation
 * files (the {@code data-samples/} layout: {@code gt.coco.json}, {@code annotator-A.cvat.xml},
 * {@code model.mot.txt}, ...) and an optional {@code occlusions.json} — with the dataset module's
 * readers, one file per task. Where a source has several formats the richest is read (COCO: masks
 * and class probabilities; then CVAT; then MOT). A file the reader rejects ({@link
 * BadAnnotationException}) goes to the quarantine table as one bad unit with the reader's
 * file/line/field; the job fails when bad units exceed the allowed fraction of all units (rows read
 * + files rejected).
 *
 * <p>The folder must be readable from every executor (local disk in embedded mode, a shared mount
 * on a cluster); video IDs are the folder names, or their keyed pseudonyms with {@code
 * pseudonymise}.
 */
public final class IngestJob {
  public static final String NAME = "ingest";
  private static final List<String> PREFERENCE = List.of(".coco.json", ".cvat.xml", ".mot.txt");

  /**
   * @param batch the batch folder
   * @param pseudonymise replace folder names by keyed pseudonyms ({@code vid-xxxxxxxx}, dataset's
   *     {@link Pseudonymiser} with the key of $KEYFRAME_PSEUDONYM_KEY or {@code pseudonymKeyFile})
   *     — the contract's rule for real videos; synthetic batches may keep their names
   * @param pseudonymKeyFile key file, or null for the environment / default key
   */
  public record Options(
      JobOptions common, String batch, boolean pseudonymise, String pseudonymKeyFile)
      implements Serializable {
    public Options {
      Objects.requireNonNull(common, "common");
      Objects.requireNonNull(batch, "batch");
    }

    /** Folder names kept as video IDs (synthetic batches such as data-samples/). */
    public Options(JobOptions common, String batch) {
      this(common, batch, false, null);
    }

    /**
     * The options of {@code main}: {@code --out DIR --batch DIR [--pseudonymise true
     * [--pseudonym-key FILE]] [--run-id ID] [--max-bad-fraction F]}
     */
    public static Options from(JobArguments a) {
      return new Options(
          JobOptions.from(a),
          a.required("batch"),
          Boolean.parseBoolean(a.optional("pseudonymise", "false")),
          a.optional("pseudonym-key", null));
    }
  }

  /** One file to read: video, source (or {@code null} for the occlusion manifest) and path. */
  /**
   * One file to read: video, source (or {@code null} for the occlusion manifest), path, and the
   * source's annotator pseudonym when pseudonymising (used if the file turns out to be human work).
   */
  record FileTask(String video, String source, String path, String sourceAlias)
      implements Serializable {
    FileTask(String video, String source, String path) {
      this(video, source, path, null);
    }
  }

  record FileRows(
      List<Row> detections, List<Row> occlusions, List<BadRecord> bad, long rows, FileVideo video)
      implements Serializable {}

  /**
   * What one annotation file says about its video: size, rate and length, and how much to trust it
   * ({@code rank}: the file's place in {@link #PREFERENCE}; COCO and CVAT carry the true size, a
   * bare MOT file only its boxes' extent).
   */
  record FileVideo(
      String video,
      String source,
      String file,
      int rank,
      int width,
      int height,
      double fps,
      int frames)
      implements Serializable {}

  private IngestJob() {}

  /** Runs the job on the arguments {@link Options#from} takes. */
  public static void main(String[] args) {
    SparkSessions.runMain(NAME, args, Options::from, IngestJob::run);
  }

  public static RunRecord run(SparkSession spark, Options o) {
    Pseudonymiser pseudonyms = pseudonymiser(o);
    List<FileTask> named =
        tasks(Path.of(o.batch()), pseudonyms == null ? name -> name : pseudonyms::video);
    List<FileTask> tasks =
        pseudonyms == null
            ? named
            : named.stream()
                .map(
                    t ->
                        t.source() == null || t.source().equals("gt")
                            ? t
                            : new FileTask(
                                t.video(), t.source(), t.path(), pseudonyms.annotator(t.source())))
                .toList();
    Map<String, String> inputs = new TreeMap<>();
    try {
      for (FileTask t : tasks) {
        // File names name annotators: with pseudonymisation the input is keyed by the pseudonym.
        String name =
            t.sourceAlias() != null ? t.sourceAlias() : Path.of(t.path()).getFileName().toString();
        inputs.put(t.video() + "/" + name, FileHash.sha256(Path.of(t.path())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash the batch's files", e);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("format_preference", PREFERENCE);
    params.put("pseudonymised", o.pseudonymise());
    JobRun run = JobRun.start(spark, NAME, o.common(), params, inputs);
    return run.writeFrom(
        "read files",
        () ->
            JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()))
                .map(IngestJob::read),
        read -> {
          List<FileRows> collected = read.collect();
          run.quarantine(collected, FileRows::bad, f -> f.rows() + f.bad().size());
          run.stageDetections(read.flatMap(f -> f.detections().iterator()));
          run.stageOcclusionEvents(read.flatMap(f -> f.occlusions().iterator()));
          List<FileVideo> files = new ArrayList<>();
          for (FileRows f : collected) if (f.video() != null) files.add(f.video());
          run.stage(Table.VIDEOS, videoRows(files, inputs));
          return run.commit();
        });
  }

  /**
   * One {@code videos} row per video: size, rate and length from its most trusted file (lowest
   * {@link #PREFERENCE} rank, then source name), the frame count the longest any file gives, and
   * every file read with its hash.
   */
  static List<Row> videoRows(List<FileVideo> files, Map<String, String> hashes) {
    Map<String, List<FileVideo>> byVideo = new TreeMap<>();
    for (FileVideo f : files) byVideo.computeIfAbsent(f.video(), k -> new ArrayList<>()).add(f);
    List<Row> out = new ArrayList<>();
    byVideo.forEach(
        (video, fs) -> {
          List<FileVideo> sorted = new ArrayList<>(fs);
          sorted.sort(
              java.util.Comparator.comparingInt(FileVideo::rank).thenComparing(FileVideo::source));
          FileVideo best = sorted.get(0);
          int frames = fs.stream().mapToInt(FileVideo::frames).max().orElse(0);
          List<Row> sources = new ArrayList<>();
          fs.stream()
              .sorted(java.util.Comparator.comparing(FileVideo::source))
              .forEach(
                  f ->
                      sources.add(
                          RowFactory.create(
                              f.source(),
                              f.file(),
                              hashes.getOrDefault(video + "/" + f.file(), ""))));
          out.add(
              new VideoFrames(best.width(), best.height(), best.fps(), frames)
                  .toRow(sources, video));
        });
    return out;
  }

  private static Pseudonymiser pseudonymiser(Options o) {
    if (!o.pseudonymise()) return null;
    try {
      Path keyFile = o.pseudonymKeyFile() == null ? null : Path.of(o.pseudonymKeyFile());
      // A key stored among the outputs would let anyone holding the tables reverse the pseudonyms.
      if (keyFile != null && !o.common().outputRoot().contains("://"))
        PseudonymKey.requireOutside(keyFile, Path.of(o.common().outputRoot()));
      return new Pseudonymiser(PseudonymKey.load(keyFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the pseudonym key", e);
    }
  }

  /**
   * The files to read: per video folder, the preferred file of each source, plus occlusions.json.
   */
  private static final java.util.regex.Pattern VIDEO_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,128}");

  static List<FileTask> tasks(Path batch, java.util.function.UnaryOperator<String> videoId) {
    List<FileTask> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(batch)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String video = videoId.apply(dir.getFileName().toString());
        // Video IDs become folder names and URL path segments (report pages): refuse what would
        // break them.
        if (!VIDEO_ID.matcher(video).matches())
          throw new BadAnnotationException(
              dir,
              -1,
              -1,
              "video_id",
              "video folder names must be 1-128 characters of [A-Za-z0-9._-] (they become folder names and links);"
                  + " rename the folder or ingest with --pseudonymise true");
        Map<String, Path> best = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            for (String ext : PREFERENCE) {
              if (!name.endsWith(ext)) continue;
              String source = BatchLayout.sourceOf(name);
              Path current = best.get(source);
              if (current == null || rank(current) > PREFERENCE.indexOf(ext)) best.put(source, f);
            }
          }
        }
        best.forEach((source, f) -> out.add(new FileTask(video, source, f.toString())));
        Path occ = dir.resolve("occlusions.json");
        if (Files.exists(occ)) out.add(new FileTask(video, null, occ.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the batch folder", e);
    }
    if (out.isEmpty())
      throw new IllegalArgumentException(
          "no annotation files (<source>.coco.json|.cvat.xml|.mot.txt) in video folders of the batch");
    return out;
  }

  private static int rank(Path f) {
    String name = f.getFileName().toString();
    for (int i = 0; i < PREFERENCE.size(); i++) if (name.endsWith(PREFERENCE.get(i))) return i;
    return PREFERENCE.size();
  }

  static FileRows read(FileTask t) throws IOException {
    Path file = Path.of(t.path());
    try {
      if (t.source() == null) {
        List<Row> occ = new ArrayList<>();
        for (OcclusionEvent e : OcclusionFiles.read(file))
          occ.add(OcclusionRows.toRow(t.video(), "gt", e, e.reemergenceFrame()));
        return new FileRows(List.of(), occ, List.of(), occ.size(), null);
      }
      AnnotationSet set = AnnotationFiles.read(file);
      // Human work is named by its pseudonym; ground truth and models keep their names (software,
      // not people).
      var kind = set.provenance().kind();
      boolean human =
          kind != io.keyframe.dataset.Provenance.Kind.MODEL
              && kind != io.keyframe.dataset.Provenance.Kind.GROUND_TRUTH;
      String source = human && t.sourceAlias() != null ? t.sourceAlias() : t.source();
      List<Row> det = new ArrayList<>(set.detections().size());
      for (Detection d : set.detections()) det.add(DetectionRows.toRow(t.video(), source, d));
      io.keyframe.dataset.Video v = set.video();
      FileVideo fv =
          new FileVideo(
              t.video(),
              source,
              file.getFileName().toString(),
              rank(file),
              v.width(),
              v.height(),
              v.fps(),
              v.frameCount());
      return new FileRows(det, List.of(), List.of(), det.size(), fv);
    } catch (BadAnnotationException e) {
      return new FileRows(
          List.of(),
          List.of(),
          List.of(
              BadRecord.of(t.video(), NAME, t.source() == null ? "occlusions" : t.source(), e, 1)),
          0,
          null);
    }
  }
}
