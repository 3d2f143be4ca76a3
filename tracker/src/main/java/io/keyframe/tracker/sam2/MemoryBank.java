package io.keyframe.tracker.sam2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object's memory, with SAM 2's selection rules ({@code
 * SAM2Base._prepare_memory_conditioned_features} with {@code memory_temporal_stride_for_eval = 1}):
 *
 * <ul>
 *   <li>conditioning frames (prompted: the first box and every keyframe, past or future: the
 *       predictor takes every prompt before it propagates) are kept for good; all of them are used
 *       ({@code max_cond_frames_in_attn = -1}, SAM 2's default) or, when {@code maxCondInAttention
 *       > 0} and there are more, the closest ones ({@code select_closest_cond_frames}); each takes
 *       temporal index {@code numMaskmem - 1};
 *   <li>non-conditioning memories of frames {@code t-6 .. t-1} follow, oldest first, frame {@code
 *       t-d} at temporal index {@code d - 1}; a frame with no non-conditioning memory (a
 *       conditioning frame, or not processed) leaves its slot unused (masked);
 *   <li>object pointers: selected conditioning frames at or before {@code t} first (offset {@code t
 *       - frame}), then frames {@code t-1, t-2, ...} (offset d) for {@code d < min(numFrames,
 *       maxObjectPointers)}, as the predictor does (so there can be more than {@code
 *       maxObjectPointers} in all when there are several conditioning frames).
 * </ul>
 *
 * Memories older than any rule can reach are dropped, so the bank stays bounded on long videos.
 */
public final class MemoryBank {
  /**
   * What one processed frame leaves behind for later frames: its memory features and positions and
   * its object pointer. The arrays are copied on the way in and can only be read by copying them
   * into the loop's input buffers, so a stored memory cannot change under the bank.
   */
  public static final class Entry {
    private final int frame;
    private final float[] features;
    private final float[] positions;
    private final float[] objectPointer;

    public Entry(int frame, float[] features, float[] positions, float[] objectPointer) {
      this.frame = frame;
      this.features = features.clone();
      this.positions = positions.clone();
      this.objectPointer = objectPointer.clone();
    }

    /** The frame this memory was encoded on. */
    public int frame() {
      return frame;
    }

    void copyFeaturesTo(float[] dst, int at) {
      System.arraycopy(features, 0, dst, at, features.length);
    }

    void copyPositionsTo(float[] dst, int at) {
      System.arraycopy(positions, 0, dst, at, positions.length);
    }

    void copyObjectPointerTo(float[] dst, int at) {
      System.arraycopy(objectPointer, 0, dst, at, objectPointer.length);
    }

    @Override
    public String toString() {
      return "Entry[frame=" + frame + ", " + features.length + " features]";
    }
  }

  /** A memory slot as fed to the memory-attention graph. */
  public record MemorySlot(Entry entry, int temporalIndex) {}

  /** An object pointer as fed to the memory-attention graph. */
  public record PointerSlot(Entry entry, int offset) {}

  private final int numMaskmem;
  private final int maxCondInAttention;
  private final int maxObjectPointers;
  private final TreeMap<Integer, Entry> conditioning = new TreeMap<>();
  private final TreeMap<Integer, Entry> recent = new TreeMap<>();

  /**
   * @param numMaskmem SAM 2's {@code num_maskmem} (7: one conditioning slot + 6 recent frames)
   * @param maxCondInAttention conditioning frames used per step; {@code <= 0}: all (SAM 2's -1)
   * @param maxObjectPointers SAM 2's {@code max_obj_ptrs_in_encoder} (16)
   */
  public MemoryBank(int numMaskmem, int maxCondInAttention, int maxObjectPointers) {
    if (numMaskmem < 2) throw new IllegalArgumentException("numMaskmem must be >= 2");
    if (maxObjectPointers < 1) throw new IllegalArgumentException("maxObjectPointers must be >= 1");
    this.numMaskmem = numMaskmem;
    this.maxCondInAttention = maxCondInAttention;
    this.maxObjectPointers = maxObjectPointers;
  }

  /**
   * Most memory slots a step can use: conditioning slots + recent frames; -1 when every
   * conditioning frame is used.
   */
  public int memorySlots() {
    return maxCondInAttention > 0 ? maxCondInAttention + numMaskmem - 1 : -1;
  }

  public int pointerSlots() {
    return maxObjectPointers;
  }

  public boolean isEmpty() {
    return conditioning.isEmpty() && recent.isEmpty();
  }

  /** Stores a prompted frame for good; it replaces a non-conditioning memory of the same frame. */
  public void addConditioning(Entry e) {
    recent.remove(e.frame());
    conditioning.put(e.frame(), e);
  }

  /** Stores a tracked frame's memory and drops memories no later frame can select. */
  public void addRecent(Entry e) {
    if (conditioning.containsKey(e.frame())) return;
    recent.put(e.frame(), e);
    int horizon = Math.max(numMaskmem - 1, maxObjectPointers - 1);
    recent.headMap(e.frame() - horizon, false).clear();
  }

  public List<Integer> conditioningFrames() {
    return List.copyOf(conditioning.keySet());
  }

  public List<Integer> recentFrames() {
    return List.copyOf(recent.keySet());
  }

  /**
   * SAM 2's {@code select_closest_cond_frames}: the nearest before, the nearest at/after, then by
   * distance.
   */
  Map<Integer, Entry> selectedConditioning(int frame) {
    if (maxCondInAttention <= 0 || conditioning.size() <= maxCondInAttention) return conditioning;
    TreeMap<Integer, Entry> selected = new TreeMap<>();
    Integer before = conditioning.lowerKey(frame);
    Integer after = conditioning.ceilingKey(frame);
    if (before != null) selected.put(before, conditioning.get(before));
    if (after != null && selected.size() < maxCondInAttention)
      selected.put(after, conditioning.get(after));
    List<Integer> rest = new ArrayList<>(conditioning.keySet());
    rest.removeAll(selected.keySet());
    rest.sort(Comparator.comparingInt(t -> Math.abs(t - frame)));
    for (int t : rest) {
      if (selected.size() >= maxCondInAttention) break;
      selected.put(t, conditioning.get(t));
    }
    return selected;
  }

  /**
   * A non-conditioning memory of {@code t}, or an unselected conditioning one (SAM 2's fallback).
   */
  private Entry nonConditioning(int t, Map<Integer, Entry> selected) {
    Entry e = recent.get(t);
    if (e == null && !selected.containsKey(t)) e = conditioning.get(t);
    return e;
  }

  /**
   * Memory slots for processing {@code frame}: conditioning first, then t-6 .. t-1; at most {@link
   * #memorySlots()}.
   */
  public List<MemorySlot> memoryFor(int frame) {
    Map<Integer, Entry> selected = selectedConditioning(frame);
    List<MemorySlot> out = new ArrayList<>();
    for (Entry e : selected.values()) out.add(new MemorySlot(e, numMaskmem - 1));
    for (int d = numMaskmem - 1; d >= 1; d--) {
      Entry e = nonConditioning(frame - d, selected);
      if (e != null) out.add(new MemorySlot(e, d - 1));
    }
    return out;
  }

  /**
   * Object pointers for processing {@code frame} of a {@code numFrames}-frame video: past
   * conditioning frames, then t-1, t-2, ... up to offset {@code min(numFrames, maxObjectPointers) -
   * 1}.
   */
  public List<PointerSlot> pointersFor(int frame, int numFrames) {
    Map<Integer, Entry> selected = selectedConditioning(frame);
    List<PointerSlot> out = new ArrayList<>();
    for (Entry e : selected.values())
      if (e.frame() <= frame) out.add(new PointerSlot(e, frame - e.frame()));
    int horizon = Math.min(numFrames, maxObjectPointers);
    for (int d = 1; d < horizon && frame - d >= 0; d++) {
      Entry e = nonConditioning(frame - d, selected);
      if (e != null) out.add(new PointerSlot(e, d));
    }
    return out;
  }
}
