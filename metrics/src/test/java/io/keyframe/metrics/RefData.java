package io.keyframe.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.metrics.sequence.TrackingSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test access to ../shared/refdata: a minimal MOTChallenge reader and TrackEval's synthetic
 * sequences.
 */
public final class RefData {
  private RefData() {}

  public static Path root() {
    String shared = System.getProperty("keyframe.shared", "../../shared");
    return Path.of(shared, "refdata");
  }

  /** One MOTChallenge row: frame, id, x, y, w, h (continuous coordinates). */
  public record MotRow(int frame, int id, double x, double y, double w, double h) {}

  /**
   * Rows of a MOTChallenge txt file, frames grouped in ascending order, file order within a frame.
   */
  public static TreeMap<Integer, List<MotRow>> readMot(Path file) {
    try {
      TreeMap<Integer, List<MotRow>> out = new TreeMap<>();
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) continue;
        String[] f = line.split(",");
        MotRow r =
            new MotRow(
                (int) Double.parseDouble(f[0]),
                (int) Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]));
        out.computeIfAbsent(r.frame(), k -> new ArrayList<>()).add(r);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TUD-Campus pair as a box-IoU tracking sequence. */
  public static TrackingSequence tudCampus() {
    Path dir = root().resolve("motchallenge/TUD-Campus");
    return motSequence(
        "TUD-Campus", readMot(dir.resolve("gt.txt")), readMot(dir.resolve("test.txt")));
  }

  public static TrackingSequence motSequence(
      String name, TreeMap<Integer, List<MotRow>> gt, TreeMap<Integer, List<MotRow>> pred) {
    TreeMap<Integer, Boolean> frames = new TreeMap<>();
    gt.keySet().forEach(k -> frames.put(k, true));
    pred.keySet().forEach(k -> frames.put(k, true));
    TrackingSequence.Builder b = new TrackingSequence.Builder(name);
    for (int frame : frames.keySet()) {
      List<MotRow> g = gt.getOrDefault(frame, List.of()), p = pred.getOrDefault(frame, List.of());
      double[] sim = new double[g.size() * p.size()];
      io.keyframe.metrics.iou.BoxIou.matrix(corners(g), g.size(), corners(p), p.size(), sim);
      b.frame(
          frame,
          g.stream().mapToInt(MotRow::id).toArray(),
          p.stream().mapToInt(MotRow::id).toArray(),
          sim);
    }
    return b.build();
  }

  private static double[] corners(List<MotRow> rows) {
    double[] c = new double[rows.size() * 4];
    for (int k = 0; k < rows.size(); k++) {
      MotRow r = rows.get(k);
      c[4 * k] = r.x();
      c[4 * k + 1] = r.y();
      c[4 * k + 2] = r.x() + r.w();
      c[4 * k + 3] = r.y() + r.h();
    }
    return c;
  }

  /** TrackEval's synthetic sequences, by name, with their frames as given. */
  public static Map<String, TrackingSequence> syntheticSequences() {
    try {
      JsonNode root =
          new ObjectMapper()
              .readTree(root().resolve("trackeval/synthetic_sequences.json").toFile());
      Map<String, TrackingSequence> out = new TreeMap<>();
      root.fields()
          .forEachRemaining(
              e -> {
                TrackingSequence.Builder b = new TrackingSequence.Builder(e.getKey());
                int t = 0;
                for (JsonNode fr : e.getValue().get("frames")) {
                  int[] gt = ints(fr.get("gt_ids")), pr = ints(fr.get("tracker_ids"));
                  double[] sim = new double[gt.length * pr.length];
                  int k = 0;
                  for (JsonNode row : fr.get("similarity"))
                    for (JsonNode v : row) sim[k++] = v.asDouble();
                  b.frame(t++, gt, pr, sim);
                }
                out.put(e.getKey(), b.build());
              });
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int k = 0; k < out.length; k++) out[k] = a.get(k).asInt();
    return out;
  }
}
