package io.keyframe.metrics.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The cases of {@code assignment/scipy-lsa.txt}: SciPy's answers on seeded random matrices. */
record ScipyCases(int rows, int cols, String kind, double[] cost, int[] scipy) {

  static List<ScipyCases> all() throws IOException {
    try (InputStream in = ScipyCases.class.getResourceAsStream("/assignment/scipy-lsa.txt")) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .toList();
      List<ScipyCases> out = new ArrayList<>();
      for (int k = 0; k + 2 < lines.size(); k += 3) {
        String[] head = lines.get(k).split(" ");
        double[] cost =
            Arrays.stream(lines.get(k + 1).split(" ")).mapToDouble(Double::parseDouble).toArray();
        int[] col =
            Arrays.stream(lines.get(k + 2).split(" ")).mapToInt(Integer::parseInt).toArray();
        out.add(
            new ScipyCases(
                Integer.parseInt(head[0]), Integer.parseInt(head[1]), head[2], cost, col));
      }
      return out;
    }
  }

  @Override
  public String toString() {
    return kind + " " + rows + "x" + cols;
  }
}
