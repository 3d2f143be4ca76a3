package io.keyframe.metrics.vos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Masklets of one video as SA-V ships them ({@code sav_*_manual.json}, {@code _auto.json}): for
 * each annotated frame (every 4th video frame, SA-V's 6 fps of 24 fps) one COCO RLE per masklet.
 *
 * @param videoId the file's {@code video_id}, else the video ID its name gives ({@link
 *     Video#idFromFileName})
 * @param height mask height
 * @param width mask width
 * @param frameStride video frames between annotated frames
 * @param ids masklet IDs
 * @param masks {@code masks[k][m]}: annotated frame k, masklet m
 */
public record Masklets(
    String videoId, int height, int width, int frameStride, int[] ids, Mask[][] masks) {
  public Masklets {
    for (Mask[] frame : masks)
      if (frame.length != ids.length)
        throw new IllegalArgumentException("every frame needs one mask per masklet");
    ids = ids.clone();
    masks = copy(masks);
  }

  /** Masklet IDs (a copy). */
  @Override
  public int[] ids() {
    return ids.clone();
  }

  /** {@code masks[k][m]}: annotated frame k, masklet m (a copy of the arrays; masks are values). */
  @Override
  public Mask[][] masks() {
    return copy(masks);
  }

  private static Mask[][] copy(Mask[][] masks) {
    Mask[][] out = new Mask[masks.length][];
    for (int k = 0; k < masks.length; k++) out[k] = masks[k].clone();
    return out;
  }

  /** Number of masklets. */
  public int count() {
    return ids.length;
  }

  /** ID of masklet index {@code m}. */
  public int id(int m) {
    return ids[m];
  }

  /** The mask of masklet index {@code m} on annotated frame {@code k}. */
  public Mask mask(int k, int m) {
    return masks[k][m];
  }

  public int frames() {
    return masks.length;
  }

  /** The masks of masklet index {@code m} over all annotated frames. */
  public Mask[] masklet(int m) {
    Mask[] out = new Mask[masks.length];
    for (int k = 0; k < masks.length; k++) out[k] = masks[k][m];
    return out;
  }

  /**
   * Reads an SA-V masklet JSON.
   *
   * @throws BadAnnotationException naming the file, frame and field when the JSON is not SA-V's
   *     shape
   */
  public static Masklets readSav(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadAnnotationException(file, -1, -1, "", "not readable JSON: " + e.getMessage(), e);
    }
    JsonNode frames = root.get("masklet");
    if (frames == null || !frames.isArray())
      throw new BadAnnotationException(file, -1, -1, "masklet", "missing masklet array");
    JsonNode idNode = root.get("masklet_id");
    int n = frames.size() == 0 ? 0 : frames.get(0).size();
    int[] ids = new int[n];
    for (int m = 0; m < n; m++)
      ids[m] = idNode != null && idNode.size() == n ? idNode.get(m).asInt() : m;
    List<Mask[]> masks = new ArrayList<>();
    int h = -1, w = -1;
    for (int k = 0; k < frames.size(); k++) {
      JsonNode frame = frames.get(k);
      if (frame.size() != n)
        throw new BadAnnotationException(
            file, -1, k, "masklet", "frame has " + frame.size() + " masks, expected " + n);
      Mask[] row = new Mask[n];
      for (int m = 0; m < n; m++) {
        JsonNode rle = frame.get(m);
        JsonNode size = rle.get("size");
        if (size == null || size.size() != 2 || rle.get("counts") == null)
          throw new BadAnnotationException(file, -1, k, "masklet[" + m + "]", "not a COCO RLE");
        h = size.get(0).asInt();
        w = size.get(1).asInt();
        try {
          row[m] = Mask.fromCompressedString(h, w, rle.get("counts").asText());
        } catch (IllegalArgumentException e) {
          throw new BadAnnotationException(
              file, -1, k, "masklet[" + m + "].counts", e.getMessage(), e);
        }
      }
      masks.add(row);
    }
    String video =
        root.has("video_id")
            ? root.get("video_id").asText()
            : Video.idFromFileName(file.getFileName().toString());
    return new Masklets(video, h, w, 4, ids, masks.toArray(new Mask[0][]));
  }
}
