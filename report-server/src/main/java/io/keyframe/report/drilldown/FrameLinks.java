package io.keyframe.report.drilldown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where one frame of a video is shown: the frame page and its thumbnail, both carrying the same
 * query (which sources to draw, which objects to highlight).
 *
 * @param frameUrl {@code /frame/{video}/{frame}?query}
 * @param thumbnailUrl {@code /thumbs/{video}/{frame}.png?query}
 */
public record FrameLinks(String frameUrl, String thumbnailUrl) {

  /**
   * @param video the video ID, encoded here
   * @param query the query string, already encoded, without the leading {@code ?}
   */
  public static FrameLinks of(String video, int frame, String query) {
    String v = encode(video);
    return new FrameLinks(
        "/frame/" + v + "/" + frame + "?" + query, "/thumbs/" + v + "/" + frame + ".png?" + query);
  }

  /** URL-encodes a path segment or query value, a space as {@code %20} (never {@code +}). */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
