package io.keyframe.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads occlusion-event files: the generator's manifest ({@code {"events": [{"trackId",
 * "startFrame", "endFrame", "cause", "full"}]}}) and the tracker's list ({@code [{"track_id",
 * "start_frame", ...}]}). Unknown fields are ignored; a missing or malformed field is a {@link
 * BadAnnotationException} naming the line.
 */
public final class OcclusionFiles {
  private static final JsonFactory JSON = new JsonFactory();

  private OcclusionFiles() {}

  public static List<OcclusionEvent> read(Path file) throws IOException {
    List<OcclusionEvent> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (name.equals("events")) readArray(p, file, out);
          else p.skipChildren();
        }
      } else if (t == JsonToken.START_ARRAY) {
        readArray(p, file, out);
      } else {
        throw new BadAnnotationException(
            file, line(p), -1, "", "expected an occlusion list or manifest object");
      }
    } catch (JsonProcessingException e) {
      throw BadAnnotationException.ofJson(file, "", "malformed JSON", e);
    }
    return List.copyOf(out);
  }

  private static void readArray(JsonParser p, Path file, List<OcclusionEvent> out)
      throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY)
      throw new BadAnnotationException(file, line(p), -1, "events", "expected an array");
    while (p.nextToken() == JsonToken.START_OBJECT) {
      long line = line(p);
      Integer track = null, start = null, end = null;
      String cause = "unknown";
      boolean full = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName().replace("_", "").toLowerCase(java.util.Locale.ROOT);
        p.nextToken();
        switch (f) {
          case "trackid" -> track = p.getValueAsInt(-1);
          case "startframe" -> start = p.getValueAsInt(-1);
          case "endframe" -> end = p.getValueAsInt(-1);
          case "cause" -> cause = p.getValueAsString("unknown");
          case "full" -> full = p.getValueAsBoolean();
          default -> p.skipChildren();
        }
      }
      if (track == null) throw new BadAnnotationException(file, line, -1, "trackId", "missing");
      if (start == null) throw new BadAnnotationException(file, line, -1, "startFrame", "missing");
      if (end == null) throw new BadAnnotationException(file, line, -1, "endFrame", "missing");
      try {
        out.add(new OcclusionEvent(track, start, end, cause, full));
      } catch (IllegalArgumentException e) {
        throw new BadAnnotationException(file, line, start, "startFrame", e.getMessage());
      }
    }
  }

  private static long line(JsonParser p) {
    return p.currentLocation() == null ? -1 : p.currentLocation().getLineNr();
  }
}
