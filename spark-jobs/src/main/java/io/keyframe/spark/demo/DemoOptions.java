package io.keyframe.spark.demo;

/**
 * What the demo generates and how it runs.
 *
 * @param videos synthetic videos
 * @param frames frames per video
 * @param objects annotated objects per video
 * @param seed generator seed
 * @param master Spark master for the embedded session ({@code local[*]})
 * @param budget expert budget for the queue ({@code 10%}, {@code 300}, {@code 90m})
 * @param keyframeInterval iteration B re-initialises the tracker from the first annotator's boxes
 *     every this many frames
 */
public record DemoOptions(
    int videos,
    int frames,
    int objects,
    long seed,
    String master,
    String budget,
    int keyframeInterval) {
  public DemoOptions {
    if (videos < 1 || frames < 1 || objects < 1)
      throw new IllegalArgumentException("videos, frames and objects must be >= 1");
    if (!master.startsWith("local"))
      throw new IllegalArgumentException("the demo runs on an embedded session: " + master);
    if (keyframeInterval < 1)
      throw new IllegalArgumentException("keyframeInterval must be >= 1: " + keyframeInterval);
  }

  /** 4 videos x 300 frames x 8 objects, seed 7, local[*], 10% budget, keyframes every 50 frames. */
  public static DemoOptions defaults() {
    return new DemoOptions(4, 300, 8, 7, "local[*]", "10%", 50);
  }
}
