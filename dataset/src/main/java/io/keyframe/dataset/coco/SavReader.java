package io.keyframe.dataset.coco;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * SA-V (Segment Anything Video): one video's masklets, every {@link
 * CocoJsonReader#SAV_FRAME_STEP}th frame, one RLE mask per object and annotated frame.
 */
final class SavReader extends CocoDialectReader {
  SavReader(CocoJsonStream in, Consumer<String> warnings) {
    super(in, warnings);
  }

  @Override
  List<AnnotationSet> sets() {
    if (in.masklet == null)
      throw bad(-1, "masklet", "read as SA-V but the file has no 'masklet' key");
    return List.of(sav());
  }

  private AnnotationSet sav() {
    long h = longField(in.sav, "video_height", -1, -1),
        w = longField(in.sav, "video_width", -1, -1);
    long frames = longField(in.sav, "video_frame_count", -1, -1);
    Object duration = in.sav.get("video_duration");
    double fps =
        duration instanceof Number d && d.doubleValue() > 0
            ? frames / d.doubleValue()
            : Video.UNKNOWN_FPS;
    Object id = in.sav.get("video_id");
    Video video;
    try {
      video =
          new Video(id == null ? stem() : id.toString(), fps, (int) w, (int) h, (int) frames, "");
    } catch (IllegalArgumentException e) {
      throw bad(-1, "video_width", e.getMessage());
    }
    List<?> ids = in.sav.get("masklet_id") instanceof List<?> l ? l : null;
    List<?> stability = in.sav.get("masklet_stability_score") instanceof List<?> l ? l : null;
    List<Detection> out = new ArrayList<>();
    for (int i = 0; i < in.masklet.size(); i++) {
      long line = in.maskletLines.get(i);
      int frame = i * CocoJsonReader.SAV_FRAME_STEP;
      List<Mask> row = in.masklet.get(i);
      if (frame >= frames && row.stream().anyMatch(m -> m.area() > 0))
        throw bad(
            line,
            frame,
            "masklet",
            "annotated frame " + frame + " is beyond the video's " + frames + " frames");
      for (int k = 0; k < row.size(); k++) {
        Mask m = row.get(k);
        checkMaskSize(m, video.width(), video.height(), line, frame, "masklet.size");
        // SA-V writes an empty mask where the object is not visible; keyframe has no detection
        // there.
        if (m.area() == 0) continue;
        int track = k;
        if (ids != null) {
          if (k >= ids.size() || !(ids.get(k) instanceof Long l))
            throw bad(line, frame, "masklet_id", "no masklet id for object " + k);
          track = (int) (long) l;
        }
        double score = 1.0;
        if (stability != null
            && i < stability.size()
            && stability.get(i) instanceof List<?> s
            && k < s.size()
            && s.get(k) instanceof Number n) score = n.doubleValue();
        out.add(
            Detection.builder(frame, CocoJsonReader.SAV_LABEL)
                .trackId(track)
                .mask(m)
                .score(score)
                .build());
      }
    }
    Provenance prov = in.kfProvenance != null ? provenance() : savProvenance();
    return new AnnotationSet(video, prov, List.of(CocoJsonReader.SAV_LABEL), out);
  }

  /**
   * SA-V says whether masklets are "manual" or "auto"; it names no model file, so no MODEL kind.
   */
  private Provenance savProvenance() {
    Object type = in.sav.get("masklet_type");
    String kind = type instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "unknown";
    return new Provenance(Provenance.Kind.ANNOTATOR, "sa-v " + kind, "", null, "sa-v");
  }
}
