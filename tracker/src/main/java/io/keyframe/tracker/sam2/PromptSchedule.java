package io.keyframe.tracker.sam2;

import io.keyframe.tracker.Keyframes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A video's prompts, checked once, by frame, and the objects they start in the predictor's order
 * (first added first: prompts in frame order), each with an empty memory bank.
 */
final class PromptSchedule {
  private final TreeMap<Integer, Map<Integer, Sam2Prompt>> byFrame;
  private final Map<Integer, ObjectState> objects;

  private PromptSchedule(
      TreeMap<Integer, Map<Integer, Sam2Prompt>> byFrame, Map<Integer, ObjectState> objects) {
    this.byFrame = byFrame;
    this.objects = objects;
  }

  /**
   * @throws IllegalArgumentException when an ID changes label, a frame prompts an ID twice, or a
   *     prompt is past the video's {@code frameCount} frames
   */
  static PromptSchedule of(List<Sam2Prompt> prompts, int frameCount, Supplier<MemoryBank> banks) {
    Keyframes.checkIdentities(prompts, Sam2Prompt::frame, Sam2Prompt::trackId, Sam2Prompt::label);
    TreeMap<Integer, Map<Integer, Sam2Prompt>> byFrame = new TreeMap<>();
    for (Sam2Prompt d : prompts) {
      if (d.frame() >= frameCount)
        throw new IllegalArgumentException(
            "prompt at frame " + d.frame() + " is past the video's " + frameCount + " frames");
      byFrame.computeIfAbsent(d.frame(), k -> new LinkedHashMap<>()).put(d.trackId(), d);
    }
    Map<Integer, ObjectState> objects = new LinkedHashMap<>();
    for (Map<Integer, Sam2Prompt> fp : byFrame.values())
      for (Sam2Prompt d : fp.values())
        objects.computeIfAbsent(d.trackId(), id -> new ObjectState(id, d.label(), banks.get()));
    return new PromptSchedule(byFrame, objects);
  }

  boolean isEmpty() {
    return objects.isEmpty();
  }

  /** Prompted frames in order, each with its prompts by track ID. */
  NavigableMap<Integer, Map<Integer, Sam2Prompt>> byFrame() {
    return byFrame;
  }

  /** The earliest prompted frame, where propagation starts. */
  int firstFrame() {
    return byFrame.firstKey();
  }

  /** The prompts of frame {@code f} by track ID (empty when it has none). */
  Map<Integer, Sam2Prompt> on(int f) {
    return byFrame.getOrDefault(f, Map.of());
  }

  ObjectState object(int trackId) {
    return objects.get(trackId);
  }

  /** Every object, in the predictor's order. */
  Collection<ObjectState> objects() {
    return objects.values();
  }

  int objectCount() {
    return objects.size();
  }

  /** The objects' labels, first seen first. */
  List<String> labels() {
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (ObjectState o : objects.values()) labels.add(o.label);
    return List.copyOf(labels);
  }
}
