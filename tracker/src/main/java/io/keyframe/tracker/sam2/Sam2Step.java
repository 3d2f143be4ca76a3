package io.keyframe.tracker.sam2;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the loop fed the memory-attention graph for one object in one frame, for diagnostics and
 * tests. Arrays have one entry per slot of the fixed-size graph inputs; they are copied on the way
 * in and out, so a step cannot change after the loop reported it.
 *
 * @param frame 0-based frame
 * @param objectId the object's track ID
 * @param conditioning whether this frame was prompted (and became a conditioning memory)
 * @param usedMemory false on an object's first frame, where SAM 2 adds the no-memory embedding
 *     instead
 * @param memoryFrames frame of each memory slot, -1 for an unused slot
 * @param memoryTemporalIndex temporal-encoding index per slot (0 for unused slots)
 * @param memoryValid 1 for used slots, 0 for masked ones
 * @param pointerFrames frame of each object-pointer slot, -1 when unused
 * @param pointerOffsets temporal offset per pointer slot (0 when unused)
 * @param pointerValid 1 for used pointer slots, 0 for masked ones
 * @param objectScoreLogit the decoder's object-score logit (> 0: object visible)
 * @param multimask whether the decoder's multimask head (best of three by predicted IoU) was used
 * @param iou the predicted IoU of the mask kept
 * @param lowResLogits the low-resolution mask logits kept ({@code NO_OBJ_SCORE} = -1024 where
 *     hidden), row-major
 */
public record Sam2Step(
    int frame,
    int objectId,
    boolean conditioning,
    boolean usedMemory,
    int[] memoryFrames,
    long[] memoryTemporalIndex,
    float[] memoryValid,
    int[] pointerFrames,
    long[] pointerOffsets,
    float[] pointerValid,
    float objectScoreLogit,
    boolean multimask,
    float iou,
    float[] lowResLogits) {
  public Sam2Step {
    memoryFrames = memoryFrames.clone();
    memoryTemporalIndex = memoryTemporalIndex.clone();
    memoryValid = memoryValid.clone();
    pointerFrames = pointerFrames.clone();
    pointerOffsets = pointerOffsets.clone();
    pointerValid = pointerValid.clone();
    lowResLogits = lowResLogits.clone();
  }

  @Override
  public int[] memoryFrames() {
    return memoryFrames.clone();
  }

  @Override
  public long[] memoryTemporalIndex() {
    return memoryTemporalIndex.clone();
  }

  @Override
  public float[] memoryValid() {
    return memoryValid.clone();
  }

  @Override
  public int[] pointerFrames() {
    return pointerFrames.clone();
  }

  @Override
  public long[] pointerOffsets() {
    return pointerOffsets.clone();
  }

  @Override
  public float[] pointerValid() {
    return pointerValid.clone();
  }

  @Override
  public float[] lowResLogits() {
    return lowResLogits.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sam2Step s
        && frame == s.frame
        && objectId == s.objectId
        && conditioning == s.conditioning
        && usedMemory == s.usedMemory
        && Arrays.equals(memoryFrames, s.memoryFrames)
        && Arrays.equals(memoryTemporalIndex, s.memoryTemporalIndex)
        && Arrays.equals(memoryValid, s.memoryValid)
        && Arrays.equals(pointerFrames, s.pointerFrames)
        && Arrays.equals(pointerOffsets, s.pointerOffsets)
        && Arrays.equals(pointerValid, s.pointerValid)
        && Float.compare(objectScoreLogit, s.objectScoreLogit) == 0
        && multimask == s.multimask
        && Float.compare(iou, s.iou) == 0
        && Arrays.equals(lowResLogits, s.lowResLogits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        frame,
        objectId,
        conditioning,
        usedMemory,
        Arrays.hashCode(memoryFrames),
        Arrays.hashCode(memoryTemporalIndex),
        Arrays.hashCode(memoryValid),
        Arrays.hashCode(pointerFrames),
        Arrays.hashCode(pointerOffsets),
        Arrays.hashCode(pointerValid),
        objectScoreLogit,
        multimask,
        iou,
        Arrays.hashCode(lowResLogits));
  }
}
