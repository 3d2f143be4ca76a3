package io.keyframe.dataset.files;

import io.keyframe.dataset.AnnotationFormat;
import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.mot.MotOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a set holds that a target format cannot carry, as the one warning line a writer prints ("mot
 * cannot carry: class names (3 labels, written as class ids), 12 occluded flags, ..."). Only what
 * the set actually has is named; a lossless write gives nothing. FORMATS.md lists the same limits
 * per format.
 */
public final class FormatLoss {
  private FormatLoss() {}

  /** The warning for writing {@code set} as {@code format}, or empty when nothing is lost. */
  public static Optional<String> describe(AnnotationSet set, AnnotationFormat format) {
    List<Detection> ds = set.detections();
    long masks = count(ds, d -> d.mask() != null);
    long flags = count(ds, d -> d.occluded() || d.outside() || d.keyframe());
    long scores = count(ds, d -> d.score() != 1.0);
    long probs = count(ds, d -> !d.classProbabilities().isEmpty());
    long vis = count(ds, d -> d.visibility() != -1);
    long untracked = count(ds, d -> d.trackId() == Detection.UNTRACKED);
    long crowd = count(ds, d -> d.source().crowd());
    long multiPolygons = count(ds, d -> d.source().polygons().size() > 1);
    long areas = count(ds, d -> !Double.isNaN(d.source().area()));
    long relabelled =
        set.tracks().stream()
            .filter(t -> t.detections().stream().anyMatch(d -> !d.label().equals(t.label())))
            .count();
    boolean names =
        set.labels().stream()
            .anyMatch(l -> !l.equals(MotOptions.DEFAULT_LABEL) && !l.matches("0|[1-9][0-9]{0,8}"));
    List<FrameImage> images = set.layout().images();
    boolean fileNames = images.stream().anyMatch(i -> !i.fileName().isEmpty());
    boolean imageIds = images.stream().anyMatch(i -> i.id() >= 0);
    boolean sizes = !set.layout().uniformSize();
    boolean categoryIds = !set.layout().categories().isEmpty();
    boolean provenance = !set.provenance().equals(Provenance.unknown());
    boolean fps = set.video().fps() != io.keyframe.dataset.Video.UNKNOWN_FPS;
    boolean sampling = set.layout().frameStep() != 1 || set.layout().frameStart() != 0;
    List<String> lost = new ArrayList<>();
    switch (format) {
      case MOT -> {
        if (names) {
          int n = set.labels().size();
          lost.add("class names (" + n + " labels, written as class ids 1.." + n + ")");
        }
        add(lost, masks, "masks (written as their boxes)");
        add(lost, flags, "occluded/outside/keyframe flags");
        add(lost, probs, "class probabilities");
        add(lost, crowd, "crowd flags");
        if (fps) lost.add("the frame rate (" + set.video().fps() + " fps)");
        // A MOT reader sizes the video to hold every box: only a larger frame is lost.
        double maxX = 1, maxY = 1;
        for (Detection d : ds) {
          var b = d.boxOrMaskBox();
          if (b != null) {
            maxX = Math.max(maxX, b.x2());
            maxY = Math.max(maxY, b.y2());
          }
        }
        if (set.video().width() != (int) Math.ceil(maxX)
            || set.video().height() != (int) Math.ceil(maxY))
          lost.add(
              "the frame size ("
                  + set.video().width()
                  + "x"
                  + set.video().height()
                  + "), unless a seqinfo.ini is written beside it");
        if (provenance) lost.add("provenance");
        if (fileNames || imageIds) lost.add("image ids and file names");
      }
      case CVAT_VIDEO -> {
        add(lost, scores, "scores");
        add(lost, probs, "class probabilities");
        add(lost, vis, "visibility values");
        add(lost, crowd, "crowd flags");
        add(lost, areas, "stated areas (recomputed from the shapes)");
        add(lost, relabelled, "label changes within a track (a track keeps its first label)");
        if (io.keyframe.dataset.cvat.CvatVideoWriter.imagesMode(set)) {
          if (images.stream().anyMatch(i -> i.id() != i.frame()))
            lost.add("image ids (CVAT numbers images 0..n-1)");
        } else {
          add(lost, untracked, "untracked detections (given fresh track ids)");
          if (fileNames || imageIds) lost.add("image ids and file names");
          if (sizes) lost.add("per-image sizes (one frame size)");
        }
        if (categoryIds) lost.add("category ids");
        add(lost, multiPolygons, "multi-polygon outlines (written as masks)");
      }
      case YOUTUBE_VIS -> {
        add(lost, flags, "occluded/outside/keyframe flags");
        add(lost, probs, "class probabilities");
        add(lost, vis, "visibility values");
        add(lost, untracked, "untracked detections (given fresh track ids)");
        add(lost, relabelled, "label changes within a track (a track keeps its first label)");
        if (imageIds) lost.add("image ids");
        if (sizes) lost.add("per-image sizes (one video size)");
        if (sampling) lost.add("CVAT's start frame and frame step");
      }
      case COCO, COCO_VID -> {
        if (sampling) lost.add("CVAT's start frame and frame step");
        if (format == AnnotationFormat.COCO_VID)
          add(lost, untracked, "untracked detections (given fresh instance ids)");
      }
      case SAV -> lost.add("everything: keyframe does not write SA-V");
    }
    if (lost.isEmpty()) return Optional.empty();
    return Optional.of(
        format.name().toLowerCase().replace('_', '-')
            + " cannot carry: "
            + String.join(", ", lost));
  }

  private static long count(List<Detection> detections, Predicate<Detection> what) {
    return detections.stream().filter(what).count();
  }

  private static void add(List<String> lost, long n, String what) {
    if (n > 0) lost.add(n + " " + what);
  }
}
