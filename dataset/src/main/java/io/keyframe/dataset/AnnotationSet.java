package io.keyframe.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * All annotations of one video by one source (annotator, model or ground truth), with provenance.
 * Detections are kept in (frame, trackId) order. {@code labels} is the ordered class list (COCO
 * category order, CVAT label order); every detection's label is in it. {@code layout} is how the
 * source file numbered its images and categories ({@link SourceLayout#DEFAULT} when keyframe's own
 * numbering fits), so that writing the same format back keeps them.
 */
public record AnnotationSet(
    Video video,
    Provenance provenance,
    List<String> labels,
    List<Detection> detections,
    SourceLayout layout) {
  public AnnotationSet {
    Objects.requireNonNull(video, "video");
    layout = layout == null ? SourceLayout.DEFAULT : layout;
    Objects.requireNonNull(provenance, "provenance");
    labels = List.copyOf(labels);
    Detection[] ordered = inFrameTrackOrder(detections);
    requireKnownLabels(ordered, labels);
    detections = Arrays.stream(ordered).toList();
  }

  /**
   * (frame, trackId) order, as {@code Comparator.comparingInt(frame).thenComparingInt(trackId)}.
   */
  private static final Comparator<Detection> FRAME_TRACK_ORDER =
      (a, b) ->
          a.frame() != b.frame()
              ? Integer.compare(a.frame(), b.frame())
              : Integer.compare(a.trackId(), b.trackId());

  /**
   * The detections sorted stably by (frame, trackId). Readers mostly hand over a list in frame
   * order, often with each frame's track ids in order too: one pass tells, and only a frame whose
   * ids are out of order is sorted, by its ids packed with their positions into longs (a primitive
   * sort, no comparator calls; the positions keep equal ids in list order). A list whose frames go
   * back is sorted whole. Either way the order is the one stable order: equal keys in list order.
   */
  private static Detection[] inFrameTrackOrder(List<Detection> detections) {
    Detection[] a = detections.toArray(new Detection[0]);
    long[] keys = null;
    int run = 0; // where the current frame's detections start
    boolean idsInOrder = true;
    for (int k = 1; k <= a.length; k++) {
      if (k < a.length) {
        Detection p = a[k - 1], d = a[k];
        if (d.frame() == p.frame()) {
          if (p.trackId() > d.trackId()) idsInOrder = false;
          continue;
        }
        if (d.frame() < p.frame()) {
          // Runs sorted so far kept equal keys in list order: the stable sort's answer holds.
          Arrays.sort(a, FRAME_TRACK_ORDER);
          return a;
        }
      }
      if (!idsInOrder) keys = sortByTrackId(a, run, k, keys);
      run = k;
      idsInOrder = true;
    }
    return a;
  }

  /** Sorts {@code a[from, to)} stably by track id; returns the key array to reuse. */
  private static long[] sortByTrackId(Detection[] a, int from, int to, long[] keys) {
    int n = to - from;
    if (keys == null || keys.length < n) keys = new long[Math.max(n, 256)];
    // Signed track id in the high half, position (non-negative, < 2^31) in the low half: long
    // order is (id, position) order.
    for (int j = 0; j < n; j++) keys[j] = ((long) a[from + j].trackId() << 32) | j;
    Arrays.sort(keys, 0, n);
    Detection[] run = Arrays.copyOfRange(a, from, to);
    for (int j = 0; j < n; j++) a[from + j] = run[(int) keys[j]];
    return keys;
  }

  /** Every label in {@code labels}; a label the detection before had is known to be there. */
  private static void requireKnownLabels(Detection[] detections, List<String> labels) {
    Set<String> known = new HashSet<>(labels);
    String checked = null;
    for (Detection d : detections) {
      String label = d.label();
      if (label == checked) continue;
      if (!known.contains(label))
        throw new IllegalArgumentException(
            "label '" + label + "' is not in the label list " + labels);
      checked = label;
    }
  }

  /** A set laid out as keyframe's writers lay it out ({@link SourceLayout#DEFAULT}). */
  public AnnotationSet(
      Video video, Provenance provenance, List<String> labels, List<Detection> detections) {
    this(video, provenance, labels, detections, SourceLayout.DEFAULT);
  }

  /** Detections grouped by frame, frames in ascending order. */
  public Map<Integer, List<Detection>> byFrame() {
    Map<Integer, List<Detection>> out = new TreeMap<>();
    for (Detection d : detections) out.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
    out.replaceAll((k, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Tracked detections grouped into tracks, in order of first appearance; class = first label seen.
   */
  public List<Track> tracks() {
    Map<Integer, List<Detection>> byId = new LinkedHashMap<>();
    for (Detection d : detections)
      if (d.trackId() != Detection.UNTRACKED)
        byId.computeIfAbsent(d.trackId(), k -> new ArrayList<>()).add(d);
    List<Track> out = new ArrayList<>(byId.size());
    byId.forEach((id, ds) -> out.add(new Track(id, ds.get(0).label(), ds)));
    return List.copyOf(out);
  }

  /** A copy with other detections and the same video, provenance, labels and layout. */
  public AnnotationSet withDetections(List<Detection> replacement) {
    return new AnnotationSet(video, provenance, labels, replacement, layout);
  }

  /** A copy with another layout. */
  public AnnotationSet withLayout(SourceLayout newLayout) {
    return new AnnotationSet(video, provenance, labels, detections, newLayout);
  }

  /**
   * The first of a file's {@code sets} (readers always give one), for a reader that gives one set:
   * when the file holds several, {@code warnings} (if not null) hears {@code several} formatted
   * with their count ({@code %d}) and the first one's {@code name} ({@code %s}).
   */
  public static AnnotationSet firstOf(
      List<AnnotationSet> sets,
      Consumer<String> warnings,
      String several,
      Function<AnnotationSet, String> name) {
    if (sets.size() > 1 && warnings != null)
      warnings.accept(String.format(Locale.ROOT, several, sets.size(), name.apply(sets.get(0))));
    return sets.get(0);
  }
}
