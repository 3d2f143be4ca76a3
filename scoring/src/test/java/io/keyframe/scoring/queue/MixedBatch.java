package io.keyframe.scoring.queue;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.OcclusionEvent;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import io.keyframe.scoring.signal.VideoEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded batch that exercises every part of a queue row: delivered labels with class flips, an ID
 * switch and objects outside the frame, a second annotator, a model with class probabilities and
 * untracked boxes, a tracker, and occlusions. Input for tests that compare two paths to the same
 * result rather than hand-checked values.
 */
final class MixedBatch {
  static final List<String> LABELS = List.of("bed_rail", "iv_pole", "monitor");

  private MixedBatch() {}

  static List<VideoEvidence> of(int videos, int frames, int objects, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<VideoEvidence> out = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      Video video = new Video("v" + v, 30, 640, 480, frames, "");
      List<Detection> labels = new ArrayList<>(),
          second = new ArrayList<>(),
          model = new ArrayList<>(),
          tracker = new ArrayList<>();
      List<OcclusionEvent> occlusions = new ArrayList<>();
      for (int o = 0; o < objects; o++) {
        String label = LABELS.get(o % LABELS.size()), other = LABELS.get((o + 1) % LABELS.size());
        double x = 20 + 90.0 * o, y = 30 + 25.0 * (o % 4);
        int flipAt = rnd.nextInt(frames), switchAt = rnd.nextInt(frames);
        int occludedFrom = rnd.nextInt(frames);
        occlusions.add(
            new OcclusionEvent(
                o + 1,
                occludedFrom,
                Math.min(frames - 1, occludedFrom + 3),
                "person",
                rnd.nextBoolean()));
        for (int f = 0; f < frames; f++) {
          Box box = new Box(x + rnd.nextDouble() * 3, y, 40, 60);
          boolean flipped = f >= flipAt && f < flipAt + 4;
          Detection l =
              Detection.of(f, f >= switchAt ? 50 + o : o + 1, flipped ? other : label, box);
          if (f % 17 == 16) l = l.withFlags(false, true, false);
          labels.add(l);
          second.add(Detection.of(f, o + 1, label, new Box(x, y, 40, 60)));
          tracker.add(
              Detection.of(f, 200 + o, label, new Box(x + rnd.nextDouble() * 6, y, 40, 60)));
          if (rnd.nextDouble() < 0.1) continue;
          double p = 0.95 - 0.5 * rnd.nextDouble() * f / frames;
          int id = rnd.nextDouble() < 0.1 ? Detection.UNTRACKED : 100 + o;
          model.add(
              new Detection(
                  f,
                  id,
                  label,
                  new Box(x + rnd.nextDouble() * 8, y + rnd.nextDouble() * 8, 40, 60),
                  null,
                  p,
                  Map.of(label, p, other, 1 - p),
                  -1,
                  false,
                  false,
                  false));
        }
      }
      out.add(
          new VideoEvidence(
              video,
              new AnnotationSet(video, Provenance.annotator("model", null, "test"), LABELS, model),
              new AnnotationSet(
                  video, Provenance.annotator("tracker", null, "test"), LABELS, tracker),
              List.of(
                  new AnnotationSet(video, Provenance.annotator("a", null, "test"), LABELS, labels),
                  new AnnotationSet(
                      video, Provenance.annotator("b", null, "test"), LABELS, second)),
              occlusions));
    }
    return out;
  }
}
