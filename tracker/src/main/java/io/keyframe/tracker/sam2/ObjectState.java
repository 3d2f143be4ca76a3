package io.keyframe.tracker.sam2;

/**
 * One object's state across the video loop: its memory bank, the memory entry's shape (known once
 * the memory encoder has run for it) and since when it has been hidden.
 */
final class ObjectState {
  final int id;
  final String label;
  final MemoryBank bank;

  /** A memory entry's shape without the object axis; null until the first memory is stored. */
  long[] memEntryShape;

  int memSize;
  int ptrSize;

  /** First frame of the current hidden run, -1 while visible. */
  int hiddenSince = -1;

  ObjectState(int id, String label, MemoryBank bank) {
    this.id = id;
    this.label = label;
    this.bank = bank;
  }
}
