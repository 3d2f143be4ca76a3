package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MemoryBankTest {
  private static MemoryBank.Entry e(int frame) {
    return new MemoryBank.Entry(frame, new float[] {frame}, new float[] {0}, new float[] {frame});
  }

  /**
   * SAM 2.1's bank (num_maskmem 7, max_cond_frames_in_attn 2, 16 object pointers) holding the
   * conditioning frames, then the recent ones, in the order given.
   */
  private static MemoryBank sam21(int[] conditioning, int... recent) {
    MemoryBank bank = new MemoryBank(7, 2, 16);
    for (int t : conditioning) bank.addConditioning(e(t));
    for (int t : recent) bank.addRecent(e(t));
    return bank;
  }

  /** (frame, temporal index) of each memory attended to at frame t, in attention order. */
  private static List<Tuple> memory(MemoryBank bank, int t) {
    return bank.memoryFor(t).stream()
        .map(m -> tuple(m.entry().frame(), m.temporalIndex()))
        .toList();
  }

  /** (frame, offset) of each object pointer attended to at frame t of a video of n frames. */
  private static List<Tuple> pointers(MemoryBank bank, int t, int n) {
    return bank.pointersFor(t, n).stream().map(p -> tuple(p.entry().frame(), p.offset())).toList();
  }

  @Test
  void firstFramesSeeTheConditioningFrameThenRecentFramesOldestFirst() {
    MemoryBank bank = sam21(new int[] {0}, 1, 2);
    // Frame 3: cond 0 at index num_maskmem-1 = 6; t-2 = 1 at index 1; t-1 = 2 at index 0.
    assertThat(memory(bank, 3)).containsExactly(tuple(0, 6), tuple(1, 1), tuple(2, 0));
    // Pointers: cond 0 (offset 3), then t-1, t-2.
    assertThat(pointers(bank, 3, 100)).containsExactly(tuple(0, 3), tuple(2, 1), tuple(1, 2));
    assertThat(bank.memorySlots()).isEqualTo(8);
  }

  @Test
  void onlyTheSixMostRecentFramesAreMemories() {
    MemoryBank bank = new MemoryBank(7, 2, 16);
    bank.addConditioning(e(0));
    for (int f = 1; f <= 10; f++) bank.addRecent(e(f));
    assertThat(memory(bank, 11))
        .containsExactly(
            tuple(0, 6),
            tuple(5, 5),
            tuple(6, 4),
            tuple(7, 3),
            tuple(8, 2),
            tuple(9, 1),
            tuple(10, 0));
  }

  @Test
  void aKeyframeBecomesAConditioningMemoryAndLeavesItsRecentSlotEmpty() {
    MemoryBank bank = new MemoryBank(7, 2, 16);
    bank.addConditioning(e(0));
    for (int f = 1; f <= 14; f++) bank.addRecent(e(f));
    bank.addConditioning(e(14)); // re-initialised at 14: replaces the recent memory of 14
    assertThat(bank.conditioningFrames()).containsExactly(0, 14);
    assertThat(bank.recentFrames()).doesNotContain(14);
    // Frame 15: both conditioning frames, then 9..13; the t-1 slot (frame 14) is not a recent
    // memory.
    assertThat(memory(bank, 15))
        .containsExactly(
            tuple(0, 6),
            tuple(14, 6),
            tuple(9, 5),
            tuple(10, 4),
            tuple(11, 3),
            tuple(12, 2),
            tuple(13, 1));
    assertThat(pointers(bank, 15, 100))
        .startsWith(tuple(0, 15), tuple(14, 1), tuple(13, 2), tuple(12, 3));
  }

  @Test
  void pointersReachBackMinOfVideoLengthAndMaxPointersMinusOneFramesAfterAllPastConditioningOnes() {
    MemoryBank bank = new MemoryBank(7, -1, 4);
    bank.addConditioning(e(0));
    bank.addConditioning(e(5));
    for (int f = 6; f <= 9; f++) bank.addRecent(e(f));
    // SAM2Base: every past conditioning frame, then t_diff in range(1, min(num_frames, 4)): 9, 8,
    // 7.
    assertThat(pointers(bank, 10, 100))
        .containsExactly(tuple(0, 10), tuple(5, 5), tuple(9, 1), tuple(8, 2), tuple(7, 3));
    // A 3-frame video: t_diff in range(1, 3).
    MemoryBank shortVideo = new MemoryBank(7, -1, 16);
    shortVideo.addConditioning(e(0));
    shortVideo.addRecent(e(1));
    assertThat(shortVideo.pointersFor(2, 3))
        .extracting(p -> p.entry().frame())
        .containsExactly(0, 1);
  }

  @Test
  void minusOneUsesEveryConditioningFrame() {
    MemoryBank bank = new MemoryBank(7, -1, 16);
    for (int t : new int[] {0, 10, 20, 30}) bank.addConditioning(e(t));
    assertThat(bank.selectedConditioning(22)).containsOnlyKeys(0, 10, 20, 30);
    assertThat(bank.memorySlots()).isEqualTo(-1);
  }

  @Test
  void futureConditioningFramesGiveMemoryButNoPointer() {
    MemoryBank bank = sam21(new int[] {0, 20}, 9);
    assertThat(bank.memoryFor(10)).extracting(m -> m.entry().frame()).containsExactly(0, 20, 9);
    assertThat(bank.pointersFor(10, 100)).extracting(p -> p.entry().frame()).containsExactly(0, 9);
  }

  @Test
  void closestConditioningFramesAreChosenAndUnchosenOnesStandInForRecentFrames() {
    MemoryBank bank = new MemoryBank(7, 2, 16);
    for (int t : new int[] {0, 10, 20, 30}) bank.addConditioning(e(t));
    // Nearest before (20) and nearest at/after (30).
    assertThat(bank.selectedConditioning(22)).containsOnlyKeys(20, 30);
    assertThat(bank.selectedConditioning(5)).containsOnlyKeys(0, 10);
    // Nothing after 40: nearest before (30), then the closest of the rest (20).
    assertThat(bank.selectedConditioning(40)).containsOnlyKeys(20, 30);
    MemoryBank one = new MemoryBank(7, 1, 16);
    for (int t : new int[] {0, 28, 30}) one.addConditioning(e(t));
    // At 31 only cond 30 is selected; cond 28 (t-3) fills the recent slot at index 2.
    assertThat(memory(one, 31)).containsExactly(tuple(30, 6), tuple(28, 2));
  }

  @Test
  void theBankStaysBoundedOnLongVideos() {
    MemoryBank bank = new MemoryBank(7, 2, 16);
    bank.addConditioning(e(0));
    IntStream.rangeClosed(1, 1000).forEach(f -> bank.addRecent(e(f)));
    assertThat(bank.recentFrames()).hasSize(16).startsWith(985).endsWith(1000);
    assertThat(bank.pointersFor(1001, 2000)).hasSize(16);
  }
}
