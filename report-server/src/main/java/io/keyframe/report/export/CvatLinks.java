package io.keyframe.report.export;

import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deep links into a CVAT server: the annotation page of the job holding a video's frame, opened at
 * that frame. CVAT's web UI routes {@code /tasks/:tid/jobs/:jid} to its annotation page and reads
 * the starting frame from the {@code frame} query parameter (cvat-ai/cvat, {@code
 * cvat-ui/src/containers/annotation-page/annotation-page.tsx}: {@code searchParams.get('frame')}),
 * so a link is {@code <base>/tasks/<task>/jobs/<job>?frame=<n>}.
 *
 * <p>Which task and job hold a frame is CVAT's to know, not the outputs': a jobs file maps them,
 * one {@code video_id,task_id,job_id,start_frame,stop_frame} line per job (header optional; frames
 * inclusive, in the task's numbering, which is the video's 0-based frame number for a task made
 * from the whole video with frame step 1, as keyframe's CVAT export writes it). Without a base URL
 * there are no links at all.
 *
 * @param base the CVAT server's address, without a trailing slash; {@code null} = no links
 * @param jobs the jobs file's lines
 */
public record CvatLinks(String base, List<Job> jobs) {
  /** No CVAT server configured: no links. */
  public static final CvatLinks NONE = new CvatLinks(null, List.of());

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /** One CVAT job: the frames {@code [startFrame, stopFrame]} of {@code videoId}. */
  public record Job(String videoId, long taskId, long jobId, int startFrame, int stopFrame) {}

  public CvatLinks {
    jobs = List.copyOf(jobs);
    if (base != null) {
      try {
        URI u = new URI(base);
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null)
          throw new IllegalArgumentException(
              "CVAT URL must be http(s)://host[:port][/path]: " + base);
        if (u.getQuery() != null || u.getFragment() != null)
          throw new IllegalArgumentException(
              "CVAT URL must not carry a query or fragment: " + base);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("CVAT URL is not a URL: " + base);
      }
      base = base.replaceAll("/+$", "");
    }
  }

  /** Whether links are made at all. */
  public boolean enabled() {
    return base != null;
  }

  /** The link to {@code frame} of {@code video}, empty without a base URL or a job holding it. */
  public Optional<String> frameUrl(String video, int frame) {
    if (base == null) return Optional.empty();
    for (Job j : jobs)
      if (j.videoId().equals(video) && frame >= j.startFrame() && frame <= j.stopFrame())
        return Optional.of(
            base + "/tasks/" + j.taskId() + "/jobs/" + j.jobId() + "?frame=" + frame);
    return Optional.empty();
  }

  /**
   * The links of CVAT server {@code base} with the jobs of {@code jobsFile}.
   *
   * @throws BadAnnotationException naming the file, line and field of a bad line
   * @throws IllegalArgumentException for a bad URL
   */
  public static CvatLinks read(String base, Path jobsFile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(jobsFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CVAT jobs file " + jobsFile, e);
    }
    List<Job> jobs = new ArrayList<>();
    String[] fields = {"video_id", "task_id", "job_id", "start_frame", "stop_frame"};
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.startsWith("video_id")))
        continue;
      String[] c = line.split(",", -1);
      if (c.length != 5)
        throw new BadAnnotationException(
            jobsFile,
            i + 1,
            -1,
            "line",
            "expected 5 columns (" + String.join(",", fields) + "), got " + c.length);
      if (!ID.matcher(c[0].strip()).matches())
        throw new BadAnnotationException(jobsFile, i + 1, -1, fields[0], "bad video id");
      long[] n = new long[4];
      for (int k = 1; k < 5; k++) {
        try {
          n[k - 1] = Long.parseLong(c[k].strip());
        } catch (NumberFormatException e) {
          throw new BadAnnotationException(
              jobsFile, i + 1, -1, fields[k], "not an integer: " + c[k].strip());
        }
        if (n[k - 1] < 0)
          throw new BadAnnotationException(jobsFile, i + 1, -1, fields[k], "negative: " + n[k - 1]);
      }
      if (n[2] > n[3] || n[3] > Integer.MAX_VALUE)
        throw new BadAnnotationException(
            jobsFile, i + 1, -1, fields[4], "stop_frame before start_frame or too large");
      jobs.add(new Job(c[0].strip(), n[0], n[1], (int) n[2], (int) n[3]));
    }
    return new CvatLinks(base, jobs);
  }
}
