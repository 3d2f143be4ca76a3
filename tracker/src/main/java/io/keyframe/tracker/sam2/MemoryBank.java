package io.keyframe.tracker.sam2;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object's memory, with SAM 2's selection rules ({@code SAM2Base._prepare_memory_conditioned_features}
 * with {@code memory_temporal_stride_for_eval = 1}):
 *
 * <ul>
 *   <li>conditioning frames (prompted: the first box and every keyframe) are kept for good; when
 *       there are more than {@code maxCondInAttention}, the closest ones are used ({@code
 *       select_closest_cond_frames}); each takes temporal index {@code numMaskmem - 1};
 *   <li>non-conditioning memories of frames {@code t-6 .. t-1} follow, oldest first, frame {@code
 *       t-d} at temporal index {@code d - 1}; a frame with no non-conditioning memory (a
 *       conditioning frame, or not processed) leaves its slot unused (masked);
 *   <li>object pointers: selected conditioning frames at or before {@code t} first (offset {@code t -
 *       frame}), then non-conditioning frames {@code t-1, t-2, ...} (offset d), at most {@code
 *       maxObjectPointers} in all; the fixed-size export drops the oldest beyond that.
 * </ul>
 *
 * Memories older than any rule can reach are dropped, so the bank stays bounded on long videos.
 */
public final class MemoryBank {
  /** What one processed frame leaves behind for later frames. */
  public record Entry(int frame, float[] features, float[] positions, float[] objectPointer) {}

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
   * @param maxCondInAttention conditioning frames used per step (the export's conditioning slots)
   * @param maxObjectPointers SAM 2's {@code max_obj_ptrs_in_encoder} (16)
   */
  public MemoryBank(int numMaskmem, int maxCondInAttention, int maxObjectPointers) {
    if (numMaskmem < 2) throw new IllegalArgumentException("numMaskmem must be >= 2");
    if (maxCondInAttention < 1) throw new IllegalArgumentException("maxCondInAttention must be >= 1");
    if (maxObjectPointers < 1) throw new IllegalArgumentException("maxObjectPointers must be >= 1");
    this.numMaskmem = numMaskmem;
    this.maxCondInAttention = maxCondInAttention;
    this.maxObjectPointers = maxObjectPointers;
  }

  /** Number of memory slots the attention graph gets: conditioning slots + recent frames. */
  public int memorySlots() {
    return maxCondInAttention + numMaskmem - 1;
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

  /** SAM 2's {@code select_closest_cond_frames}: the nearest before, the nearest at/after, then by distance. */
  Map<Integer, Entry> selectedConditioning(int frame) {
    if (conditioning.size() <= maxCondInAttention) return conditioning;
    TreeMap<Integer, Entry> selected = new TreeMap<>();
    Integer before = conditioning.lowerKey(frame);
    Integer after = conditioning.ceilingKey(frame);
    if (before != null) selected.put(before, conditioning.get(before));
    if (after != null && selected.size() < maxCondInAttention) selected.put(after, conditioning.get(after));
    List<Integer> rest = new ArrayList<>(conditioning.keySet());
    rest.removeAll(selected.keySet());
    rest.sort(Comparator.comparingInt(t -> Math.abs(t - frame)));
    for (int t : rest) {
      if (selected.size() >= maxCondInAttention) break;
      selected.put(t, conditioning.get(t));
    }
    return selected;
  }

  /** A non-conditioning memory of {@code t}, or an unselected conditioning one (SAM 2's fallback). */
  private Entry nonConditioning(int t, Map<Integer, Entry> selected) {
    Entry e = recent.get(t);
    if (e == null && !selected.containsKey(t)) e = conditioning.get(t);
    return e;
  }

  /** Memory slots for processing {@code frame}: conditioning first, then t-6 .. t-1; at most {@link #memorySlots()}. */
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

  /** Object pointers for processing {@code frame}: past conditioning frames, then t-1, t-2, ...; capped. */
  public List<PointerSlot> pointersFor(int frame) {
    Map<Integer, Entry> selected = selectedConditioning(frame);
    List<PointerSlot> out = new ArrayList<>();
    for (Entry e : selected.values()) if (e.frame() <= frame) out.add(new PointerSlot(e, frame - e.frame()));
    for (int d = 1; d < maxObjectPointers && frame - d >= 0 && out.size() < maxObjectPointers; d++) {
      Entry e = nonConditioning(frame - d, selected);
      if (e != null) out.add(new PointerSlot(e, d));
    }
    return out;
  }
}
