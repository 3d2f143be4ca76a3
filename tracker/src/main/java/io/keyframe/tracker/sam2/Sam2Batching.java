package io.keyframe.tracker.sam2;

import io.keyframe.tracker.TrackerConfig;

/**
 * How {@link Sam2VideoTracker} spends ONNX Runtime calls; the defaults are the fast ones, the
 * others exist to measure each change against its baseline (benchmarks, tests). Recorded in the
 * tracker's settings ({@link TrackerConfig#fields}) under {@code batching}.
 *
 * @param maxObjects most objects per call of a per-object graph (memory attention, mask decoder,
 *     memory encoder) when the bundle takes an object batch; 1 = one object per call. Objects of a
 *     frame go together only when they share a memory layout (see {@link Sam2VideoTracker}).
 * @param reuseTensors keep each frame's encoder outputs as ONNX Runtime tensors and feed them to
 *     every later call of the frame, and fill reusable direct buffers for the other inputs; false =
 *     copy the encoder outputs into Java arrays and build every input tensor afresh per call
 * @param cachePromptedFrames keep the encoder outputs of prompted frames that also have tracked
 *     objects until propagation reaches them (at most this many frames; 0 = encode them again)
 * @param attentionBytes most bytes one memory-attention call may spend on its attention scores
 *     (query tokens x memory tokens x 4 bytes x 2, softmax kept beside the logits, per object):
 *     caps the objects per call below {@code maxObjects}. Without it SAM 2 at 1024 x 1024 (4,096 x
 *     28,736 tokens, 0.94 GB per object) put 50 objects' 47 GB into one call; EdgeTAM's perceiver
 *     memories (4,096 x 3,648 tokens) need 0.12 GB per object.
 */
public record Sam2Batching(
    int maxObjects, boolean reuseTensors, int cachePromptedFrames, long attentionBytes)
    implements TrackerConfig {
  /**
   * Objects sharing a layout together up to 8 GB of attention scores a call (SAM 2.1 tiny at real
   * size: 8 objects; EdgeTAM: 66), tensors reused, up to 8 prompted frames cached.
   */
  public static final Sam2Batching DEFAULT =
      new Sam2Batching(Integer.MAX_VALUE, true, 8, 8_000_000_000L);

  /** One object per call, fresh tensors per call, prompted frames encoded again. */
  public static final Sam2Batching PER_OBJECT = new Sam2Batching(1, false, 0, 8_000_000_000L);

  public Sam2Batching {
    if (maxObjects < 1)
      throw new IllegalArgumentException("maxObjects must be >= 1: " + maxObjects);
    if (cachePromptedFrames < 0)
      throw new IllegalArgumentException(
          "cachePromptedFrames must be >= 0: " + cachePromptedFrames);
    if (attentionBytes < 1)
      throw new IllegalArgumentException("attentionBytes must be >= 1: " + attentionBytes);
  }

  /**
   * Most objects in one call of a per-object graph for a memory-attention graph whose scores take
   * {@code bytesPerObject} per object (0 or less: unknown, only {@code maxObjects} applies).
   */
  public int objectsPerCall(double bytesPerObject) {
    if (!(bytesPerObject > 0)) return maxObjects;
    return (int) Math.max(1, Math.min(maxObjects, Math.floor(attentionBytes / bytesPerObject)));
  }

  public Sam2Batching withMaxObjects(int n) {
    return new Sam2Batching(n, reuseTensors, cachePromptedFrames, attentionBytes);
  }

  public Sam2Batching withReuseTensors(boolean reuse) {
    return new Sam2Batching(maxObjects, reuse, cachePromptedFrames, attentionBytes);
  }

  public Sam2Batching withCachePromptedFrames(int frames) {
    return new Sam2Batching(maxObjects, reuseTensors, frames, attentionBytes);
  }

  public Sam2Batching withAttentionBytes(long bytes) {
    return new Sam2Batching(maxObjects, reuseTensors, cachePromptedFrames, bytes);
  }
}
