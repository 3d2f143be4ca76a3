package io.keyframe.tracker.sam2;

/**
 * How {@link Sam2VideoTracker} spends ONNX Runtime calls; the defaults are the fast ones, the
 * others exist to measure each change against its baseline (benchmarks, tests).
 *
 * @param maxObjects most objects per call of a per-object graph (memory attention, mask decoder,
 *     memory encoder) when the bundle takes an object batch; 1 = one object per call. Objects of a
 *     frame go together only when they share a memory layout (see {@link Sam2VideoTracker}).
 * @param reuseTensors keep each frame's encoder outputs as ONNX Runtime tensors and feed them to
 *     every later call of the frame, and fill reusable direct buffers for the other inputs; false =
 *     copy the encoder outputs into Java arrays and build every input tensor afresh per call
 * @param cachePromptedFrames keep the encoder outputs of prompted frames that also have tracked
 *     objects until propagation reaches them (at most this many frames; 0 = encode them again)
 */
public record Sam2Batching(int maxObjects, boolean reuseTensors, int cachePromptedFrames) {
  /** Every object sharing a layout in one call, tensors reused, up to 8 prompted frames cached. */
  public static final Sam2Batching DEFAULT = new Sam2Batching(Integer.MAX_VALUE, true, 8);

  /** One object per call, fresh tensors per call, prompted frames encoded again. */
  public static final Sam2Batching PER_OBJECT = new Sam2Batching(1, false, 0);

  public Sam2Batching {
    if (maxObjects < 1)
      throw new IllegalArgumentException("maxObjects must be >= 1: " + maxObjects);
    if (cachePromptedFrames < 0)
      throw new IllegalArgumentException(
          "cachePromptedFrames must be >= 0: " + cachePromptedFrames);
  }

  public Sam2Batching withMaxObjects(int n) {
    return new Sam2Batching(n, reuseTensors, cachePromptedFrames);
  }

  public Sam2Batching withReuseTensors(boolean reuse) {
    return new Sam2Batching(maxObjects, reuse, cachePromptedFrames);
  }

  public Sam2Batching withCachePromptedFrames(int frames) {
    return new Sam2Batching(maxObjects, reuseTensors, frames);
  }
}
