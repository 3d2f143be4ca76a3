package io.keyframe.tracker;

import io.keyframe.dataset.Detection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Human boxes with track IDs that anchor identities (CVAT keyframes, supplied boxes, SAM 2 box
 * prompts), checked once for every tracker: each has a track ID and a shape, an ID keeps one class,
 * and an ID appears at most once per frame. The first box of an ID names the object; later ones
 * re-initialise it under the same ID.
 *
 * @param boxes the boxes in the order given
 */
public record Keyframes(List<Detection> boxes) {
  /** No keyframes. */
  public static final Keyframes NONE = new Keyframes(List.of());

  public Keyframes {
    boxes = List.copyOf(boxes);
    for (Detection k : boxes) {
      if (k.trackId() < 0)
        throw new IllegalArgumentException("keyframe at frame " + k.frame() + " has no track ID");
      if (k.boxOrMaskBox() == null)
        throw new IllegalArgumentException(
            "keyframe at frame " + k.frame() + " has an empty shape");
    }
    checkIdentities(boxes, Detection::frame, Detection::trackId, Detection::label);
  }

  /**
   * The identity rules for any kind of prompt (boxes here, SAM 2's clicks too): an ID keeps one
   * class and appears at most once per frame.
   *
   * @throws IllegalArgumentException naming the ID, and the frame or the two classes
   */
  public static <T> void checkIdentities(
      List<T> prompts,
      ToIntFunction<T> frameOf,
      ToIntFunction<T> idOf,
      Function<T, String> labelOf) {
    Map<Integer, String> classOfId = new HashMap<>();
    Set<Long> idFrame = new HashSet<>();
    for (T k : prompts) {
      int frame = frameOf.applyAsInt(k), id = idOf.applyAsInt(k);
      String label = labelOf.apply(k);
      String prev = classOfId.putIfAbsent(id, label);
      if (prev != null && !prev.equals(label))
        throw new IllegalArgumentException(
            "keyframes give ID " + id + " two classes: " + prev + ", " + label);
      if (!idFrame.add(((long) frame << 32) | (id & 0xffffffffL)))
        throw new IllegalArgumentException("keyframes give ID " + id + " twice in frame " + frame);
    }
  }

  /**
   * Checks {@code boxes}; null = none.
   *
   * @throws IllegalArgumentException naming the frame and ID of the first bad box
   */
  public static Keyframes of(List<Detection> boxes) {
    return boxes == null || boxes.isEmpty() ? NONE : new Keyframes(boxes);
  }

  public boolean isEmpty() {
    return boxes.isEmpty();
  }

  /** The boxes by frame, frames ascending, each frame's boxes in the order given. */
  public Map<Integer, List<Detection>> byFrame() {
    Map<Integer, List<Detection>> out = new TreeMap<>();
    for (Detection k : boxes) out.computeIfAbsent(k.frame(), f -> new ArrayList<>()).add(k);
    out.replaceAll((f, l) -> List.copyOf(l));
    return Collections.unmodifiableMap(out);
  }

  /** The track IDs the boxes name (automatic tracks must not reuse them). */
  public Set<Integer> ids() {
    Set<Integer> out = new HashSet<>();
    for (Detection k : boxes) out.add(k.trackId());
    return Collections.unmodifiableSet(out);
  }
}
