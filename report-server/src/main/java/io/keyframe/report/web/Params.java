package io.keyframe.report.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.keyframe.report.chart.ObjectRef;
import io.keyframe.report.data.ReportData;
import io.keyframe.report.export.QueueExport;
import io.keyframe.report.labelnext.QueueFilter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Request parameters read and checked in one place. A malformed value is a 400 naming the
 * parameter; a well-formed video the data does not have is a 404.
 */
final class Params {
  /** Video IDs and source names: what the pipeline writes, nothing a path could be built from. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private static final Pattern PNG_FRAME = Pattern.compile("(\\d{1,7})\\.png");

  private static final int MAX_SOURCES = 8;

  private Params() {}

  /** {@code ?pair=a|b}, or null for the default pair. */
  static String pair(Context ctx) {
    String s = ctx.queryParam("pair");
    return s == null || s.isBlank() ? null : s;
  }

  /** The "Label next" filters {@code ?video=&label=&signal=}. */
  static QueueFilter queueFilter(Context ctx) {
    return new QueueFilter(
        ctx.queryParam("video"), ctx.queryParam("label"), ctx.queryParam("signal"));
  }

  /** A video ID that is well-formed and that some table of {@code data} names. */
  static String video(String raw, ReportData data) {
    if (!ID.matcher(raw).matches()) {
      throw new BadRequestResponse("bad video id");
    }
    boolean known =
        data.detections().hasVideo(raw)
            || data.table("queue").stringColumn("video_id").contains(raw)
            || data.table("id_switches").stringColumn("video_id").contains(raw)
            || data.table("occlusion_events").stringColumn("video_id").contains(raw)
            || data.table("compare_frames").stringColumn("video_id").contains(raw);
    if (!known) {
      throw new NotFoundResponse("unknown video");
    }
    return raw;
  }

  /** The {@code {frame}} path parameter, a frame number >= 0. */
  static int frame(Context ctx) {
    return ctx.pathParamAsClass("frame", Integer.class)
        .check(f -> f >= 0, "frame must be >= 0")
        .get();
  }

  /** The frame number of a thumbnail file name {@code N.png}; anything else is a 404. */
  static int pngFrame(String file) {
    var m = PNG_FRAME.matcher(file);
    if (!m.matches()) {
      throw new NotFoundResponse();
    }
    return Integer.parseInt(m.group(1));
  }

  /** A comma list of at most eight source names, empty when absent. */
  static List<String> sources(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    List<String> out = List.of(raw.split(","));
    if (out.size() > MAX_SOURCES || !out.stream().allMatch(x -> ID.matcher(x).matches())) {
      throw new BadRequestResponse("bad sources");
    }
    return out;
  }

  /** {@code ?objects=2@gt,7@sam2} (see {@link ObjectRef#parseList}). */
  static List<ObjectRef> objects(String raw) {
    try {
      return ObjectRef.parseList(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  /** {@code ?what=queue|spot-check} of an export. */
  static QueueExport.What exportWhat(Context ctx) {
    try {
      return QueueExport.What.parse(ctx.queryParam("what"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  /** {@code ?source=S} of an export: exactly one source, whose boxes are the pre-annotations. */
  static String exportSource(Context ctx) {
    List<String> s = sources(ctx.queryParam("source"));
    if (s.size() != 1) {
      throw new BadRequestResponse("give one source whose boxes are the pre-annotations");
    }
    return s.get(0);
  }
}
