package io.keyframe.tracker.sam2;

/**
 * What the loop fed the memory-attention graph for one object in one frame, for diagnostics and
 * tests. Arrays have one entry per slot of the fixed-size graph inputs.
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
    float[] lowResLogits) {}
