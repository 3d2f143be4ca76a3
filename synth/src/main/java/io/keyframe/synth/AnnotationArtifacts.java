package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.coco.CocoJsonWriter;
import io.keyframe.dataset.cvat.CvatVideoWriter;
import io.keyframe.dataset.mot.MotOptions;
import io.keyframe.dataset.mot.MotWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The annotation files of a generated video, in keyframe's formats: ground truth as MOTChallenge
 * (class ids in {@link ObjectClass} order, visibility) and COCO with visible-region RLE masks, each
 * annotator as CVAT for video XML, the detector as MOTChallenge detections and COCO with class
 * probabilities. Optionally the ground truth as YouTube-VIS too.
 */
public final class AnnotationArtifacts {
  private AnnotationArtifacts() {}

  /** Ground-truth MOT file name. */
  public static final String GT_MOT = "gt.mot.txt";

  /** Ground-truth COCO file name (with masks). */
  public static final String GT_COCO = "gt.coco.json";

  /** Ground-truth YouTube-VIS file name (optional). */
  public static final String GT_YTVIS = "gt.ytvis.json";

  /** Detector MOT file name. */
  public static final String MODEL_MOT = "model.mot.txt";

  /** Detector COCO file name (with class probabilities). */
  public static final String MODEL_COCO = "model.coco.json";

  /** The CVAT file name of an annotator. */
  public static String annotatorFile(String annotator) {
    return annotator + ".cvat.xml";
  }

  /** Every annotation file; YouTube-VIS ground truth only when {@code youTubeVis}. */
  public static VideoArtifact all(boolean youTubeVis) {
    return (video, dir) -> {
      MotOptions classes = MotOptions.defaults().withClasses(ObjectClass.labels());
      List<String> names = new ArrayList<>();
      MotWriter.write(dir.resolve(GT_MOT), video.groundTruth(), classes);
      names.add(GT_MOT);
      CocoJsonWriter.writeCoco(dir.resolve(GT_COCO), video.groundTruth());
      names.add(GT_COCO);
      if (youTubeVis) {
        CocoJsonWriter.writeYouTubeVis(dir.resolve(GT_YTVIS), video.groundTruth());
        names.add(GT_YTVIS);
      }
      for (AnnotationSet a : video.annotators()) {
        String name = annotatorFile(a.provenance().source());
        CvatVideoWriter.write(dir.resolve(name), a);
        names.add(name);
      }
      MotWriter.write(dir.resolve(MODEL_MOT), video.model(), classes);
      names.add(MODEL_MOT);
      CocoJsonWriter.writeCoco(dir.resolve(MODEL_COCO), video.model());
      names.add(MODEL_COCO);
      return names;
    };
  }
}
