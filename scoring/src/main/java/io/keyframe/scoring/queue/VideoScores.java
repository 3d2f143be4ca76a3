package io.keyframe.scoring.queue;

import io.keyframe.dataset.FrozenArray;
import io.keyframe.scoring.signal.FrameEmbedding;
import io.keyframe.scoring.signal.FrameScores;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One video's share of the queue, computed from that video's evidence alone by {@link
 * LabelQueue#scoreVideo}: every weighted signal's raw values plus what the queue's selection and
 * rows read besides them. It can therefore be computed where the video's detections are (a Spark
 * executor), and only this summary travels to where the batch is combined ({@link
 * LabelQueue#combine}), never the detections.
 *
 * <p>Serializable for Spark: it travels as a compact form of primitive arrays (signal values, and
 * the track IDs behind them as varint differences, one byte array per signal), which also spares
 * {@link FrameScores} (a signal-package type) from having to be serializable.
 *
 * @param videoId the video's ID
 * @param frameCount frames in the video
 * @param signals signal name -> raw per-frame values and the track IDs behind them, for the
 *     weighted signals that applied, in {@link SignalWeights#SIGNALS} order
 * @param inapplicable signal name -> why that weighted signal could not run on this video, in
 *     {@link SignalWeights#SIGNALS} order
 * @param objects objects per frame (most seen by any source), for the cost model
 * @param embeddings per-frame embeddings for de-duplication
 * @param labels where each track shows as which class, for the rows' {@code labels} column
 */
public record VideoScores(
    String videoId,
    int frameCount,
    Map<String, FrameScores> signals,
    Map<String, String> inapplicable,
    int[] objects,
    double[][] embeddings,
    TrackLabels labels)
    implements Serializable {
  public VideoScores {
    Objects.requireNonNull(videoId, "videoId");
    Objects.requireNonNull(labels, "labels");
    if (frameCount < 0) throw new IllegalArgumentException("frameCount is negative: " + frameCount);
    if (objects.length != frameCount || embeddings.length != frameCount)
      throw new IllegalArgumentException(
          "objects ("
              + objects.length
              + ") and embeddings ("
              + embeddings.length
              + ") must have one entry per frame ("
              + frameCount
              + ")");
    signals.forEach(
        (name, s) -> {
          if (s.frameCount() != frameCount)
            throw new IllegalArgumentException(
                "signal " + name + " has " + s.frameCount() + " frames, the video " + frameCount);
        });
    // insertion order (SignalWeights.SIGNALS) keeps sums, notes and reasons identical from run to
    // run
    signals = Collections.unmodifiableMap(new LinkedHashMap<>(signals));
    inapplicable = Collections.unmodifiableMap(new LinkedHashMap<>(inapplicable));
    objects = objects.clone();
    embeddings = copy(embeddings);
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int f = 0; f < rows.length; f++) out[f] = rows[f].clone();
    return out;
  }

  /** Objects per frame (a copy; {@link #objects(int)} reads one). */
  @Override
  public int[] objects() {
    return objects.clone();
  }

  /** Objects on frame {@code f} (most seen by any source). */
  public int objects(int f) {
    return objects[f];
  }

  /** Per-frame embeddings (a deep copy; {@link #embeddingDistance} compares two). */
  @Override
  public double[][] embeddings() {
    return copy(embeddings);
  }

  /** {@link FrameEmbedding#distance} between the embeddings of frames {@code f} and {@code g}. */
  public double embeddingDistance(int f, int g) {
    return FrameEmbedding.distance(embeddings[f], embeddings[g]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoScores v
        && videoId.equals(v.videoId)
        && frameCount == v.frameCount
        && signals.equals(v.signals)
        && inapplicable.equals(v.inapplicable)
        && Arrays.equals(objects, v.objects)
        && Arrays.deepEquals(embeddings, v.embeddings)
        && labels.equals(v.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        videoId,
        frameCount,
        signals,
        inapplicable,
        Arrays.hashCode(objects),
        Arrays.deepHashCode(embeddings),
        labels);
  }

  @Override
  public String toString() {
    return "VideoScores["
        + videoId
        + ", "
        + frameCount
        + " frames, signals "
        + signals.keySet()
        + "]";
  }

  @Serial
  private Object writeReplace() {
    return new SerializedForm(this);
  }

  /**
   * What is written instead of a {@link VideoScores}; read back through the canonical constructor,
   * so it is validated again.
   */
  private static final class SerializedForm implements Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private final String videoId;
    private final int frameCount;
    private final String[] names;
    private final double[][] values;

    /**
     * Per signal, for every frame that has track IDs: the frame (minus the previous such frame),
     * the number of IDs, and the sorted IDs as differences from the previous one; all as {@link
     * VarInts}, since the IDs behind a value are most of a summary's size.
     */
    private final byte[][] ids;

    private final String[] inapplicableNames;
    private final String[] inapplicableWhy;
    private final int[] objects;
    private final double[][] embeddings;
    private final TrackLabels labels;

    SerializedForm(VideoScores v) {
      videoId = v.videoId;
      frameCount = v.frameCount;
      names = v.signals.keySet().toArray(String[]::new);
      values = new double[names.length][];
      ids = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        FrameScores s = v.signals.get(names[i]);
        values[i] = s.values().toArray();
        ids[i] = flatten(s.objects());
      }
      inapplicableNames = v.inapplicable.keySet().toArray(String[]::new);
      inapplicableWhy = v.inapplicable.values().toArray(String[]::new);
      objects = v.objects;
      embeddings = v.embeddings;
      labels = v.labels;
    }

    private static byte[] flatten(Map<Integer, Set<Integer>> byFrame) {
      VarInts out = new VarInts();
      long frame = 0;
      for (Map.Entry<Integer, Set<Integer>> e : byFrame.entrySet()) {
        out.write(e.getKey() - frame);
        frame = e.getKey();
        out.write(e.getValue().size());
        long id = 0;
        for (int next : e.getValue()) { // ascending: FrameScores keeps them in a TreeSet
          out.write(next - id);
          id = next;
        }
      }
      return out.toByteArray();
    }

    private static Map<Integer, Set<Integer>> unflatten(byte[] bytes)
        throws InvalidObjectException {
      Map<Integer, Set<Integer>> out = new TreeMap<>();
      VarInts.Reader in = new VarInts.Reader(bytes);
      long frame = 0;
      while (in.hasNext()) {
        frame += in.next();
        long n = in.next();
        if (n < 0 || n > bytes.length)
          throw new InvalidObjectException("bad number of track IDs: " + n);
        TreeSet<Integer> ids = new TreeSet<>();
        long id = 0;
        for (long k = 0; k < n; k++) ids.add(Math.toIntExact(id += in.next()));
        out.put(Math.toIntExact(frame), ids);
      }
      return out;
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
      if (names.length != values.length
          || names.length != ids.length
          || inapplicableNames.length != inapplicableWhy.length)
        throw new InvalidObjectException("signal names and values differ in number");
      try {
        Map<String, FrameScores> signals = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++)
          signals.put(
              names[i], new FrameScores(new FrozenArray.OfDouble(values[i]), unflatten(ids[i])));
        Map<String, String> inapplicable = new LinkedHashMap<>();
        for (int i = 0; i < inapplicableNames.length; i++)
          inapplicable.put(inapplicableNames[i], inapplicableWhy[i]);
        return new VideoScores(
            videoId, frameCount, signals, inapplicable, objects, embeddings, labels);
      } catch (RuntimeException e) { // the constructors' checks, or an ID beyond int
        InvalidObjectException x =
            new InvalidObjectException("invalid video scores: " + e.getMessage());
        x.initCause(e);
        throw x;
      }
    }
  }
}
