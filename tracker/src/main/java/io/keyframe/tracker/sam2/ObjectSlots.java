package io.keyframe.tracker.sam2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object's memory and pointer slots for a frame, as the memory-attention graph takes them.
 * Arrays have one entry per slot of the graph input; the loop owns them and copies them into a
 * {@link Sam2Step}.
 */
record ObjectSlots(
    ObjectState object,
    List<MemoryBank.MemorySlot> memory,
    List<MemoryBank.PointerSlot> pointers,
    int[] memFrames,
    long[] memTpos,
    float[] memValid,
    int[] ptrFrames,
    long[] ptrOffsets,
    float[] ptrValid) {

  /**
   * The slots of {@code o} on frame {@code f}. Dynamic exports take exactly the memories used;
   * fixed-slot ones (a positive declared size at {@code axis} of {@code memDecl} / {@code ptrDecl})
   * are padded, and truncated oldest pointers first.
   *
   * @param axis the slot axis of the declared shapes: 1 for object-batch exports (objects first)
   */
  static ObjectSlots of(
      ObjectState o, int f, int numFrames, long[] memDecl, long[] ptrDecl, int axis) {
    List<MemoryBank.MemorySlot> mem = o.bank.memoryFor(f);
    List<MemoryBank.PointerSlot> ptrs = o.bank.pointersFor(f, numFrames);
    long kDecl = memDecl.length > axis ? memDecl[axis] : -1;
    long pDecl = ptrDecl.length > axis ? ptrDecl[axis] : -1;
    int k = kDecl > 0 ? (int) kDecl : mem.size();
    int pSlots = pDecl > 0 ? (int) pDecl : Math.max(1, ptrs.size());
    if (mem.size() > k) mem = mem.subList(0, k);
    if (ptrs.size() > pSlots) ptrs = ptrs.subList(0, pSlots);
    int[] memFrames = new int[k], ptrFrames = new int[pSlots];
    Arrays.fill(memFrames, -1);
    Arrays.fill(ptrFrames, -1);
    long[] memTpos = new long[k], ptrOffsets = new long[pSlots];
    float[] memValid = new float[k], ptrValid = new float[pSlots];
    for (int i = 0; i < mem.size(); i++) {
      memFrames[i] = mem.get(i).entry().frame();
      memTpos[i] = mem.get(i).temporalIndex();
      memValid[i] = 1;
    }
    for (int i = 0; i < ptrs.size(); i++) {
      ptrFrames[i] = ptrs.get(i).entry().frame();
      ptrOffsets[i] = ptrs.get(i).offset();
      ptrValid[i] = 1;
    }
    return new ObjectSlots(
        o, mem, ptrs, memFrames, memTpos, memValid, ptrFrames, ptrOffsets, ptrValid);
  }

  /** Objects with equal keys have the same memory layout (slot counts and used slots). */
  String layoutKey() {
    return Arrays.toString(memValid) + "/" + Arrays.toString(ptrValid);
  }

  int memorySlotCount() {
    return memValid.length;
  }

  int pointerSlotCount() {
    return ptrValid.length;
  }

  /**
   * Slots grouped by memory layout, first-seen order. SAM 2's memory attention for one object is a
   * function of its own memories only, so objects can share a call exactly when their inputs have
   * the same shape and the same slots in use; objects with other conditioning frames or fewer
   * memories so far go in another group.
   */
  static List<List<ObjectSlots>> groupByLayout(List<ObjectSlots> slots) {
    Map<String, List<ObjectSlots>> groups = new LinkedHashMap<>();
    for (ObjectSlots sl : slots)
      groups.computeIfAbsent(sl.layoutKey(), k -> new ArrayList<>()).add(sl);
    return new ArrayList<>(groups.values());
  }

  /**
   * A same-layout group's memories side by side, object after object, as the memory-attention
   * graph's {@code mem_feats}, {@code mem_pos}, {@code mem_tpos}, {@code obj_ptrs} and {@code
   * obj_ptr_tpos} take them; unused slots stay zero.
   */
  record Packed(
      float[] memFeats, float[] memPos, long[] memTpos, float[] objPtrs, long[] ptrOffsets) {

    static Packed of(List<ObjectSlots> group) {
      int b = group.size();
      ObjectSlots first = group.get(0);
      int k = first.memorySlotCount(), pSlots = first.pointerSlotCount();
      int memSize = first.object().memSize, ptrSize = first.object().ptrSize;
      float[] memFeats = new float[b * k * memSize],
          memPos = new float[b * k * memSize],
          objPtrs = new float[b * pSlots * ptrSize];
      long[] memTpos = new long[b * k], ptrOffsets = new long[b * pSlots];
      for (int j = 0; j < b; j++) {
        ObjectSlots sl = group.get(j);
        for (int i = 0; i < sl.memory().size(); i++) {
          MemoryBank.Entry e = sl.memory().get(i).entry();
          e.copyFeaturesTo(memFeats, (j * k + i) * memSize);
          e.copyPositionsTo(memPos, (j * k + i) * memSize);
        }
        System.arraycopy(sl.memTpos(), 0, memTpos, j * k, k);
        for (int i = 0; i < sl.pointers().size(); i++)
          sl.pointers().get(i).entry().copyObjectPointerTo(objPtrs, (j * pSlots + i) * ptrSize);
        System.arraycopy(sl.ptrOffsets(), 0, ptrOffsets, j * pSlots, pSlots);
      }
      return new Packed(memFeats, memPos, memTpos, objPtrs, ptrOffsets);
    }
  }
}
