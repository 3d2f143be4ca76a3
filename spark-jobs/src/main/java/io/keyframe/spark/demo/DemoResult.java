package io.keyframe.spark.demo;

import io.keyframe.spark.output.RunRecord;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the demo's outputs are.
 *
 * @param outDir the output root ({@code tables/<table>/run_id=<run>/...})
 * @param runs step name (generate, track-a, track-b, agreement, rank, compare) → its provenance
 */
public record DemoResult(Path outDir, Map<String, RunRecord> runs) {
  public DemoResult {
    runs = Map.copyOf(runs);
  }

  /** A few lines for the terminal: the output root, each run and its row counts. */
  public String summary() {
    StringBuilder b =
        new StringBuilder("keyframe demo outputs under ")
            .append(outDir.toAbsolutePath())
            .append('\n');
    for (String step :
        new String[] {"generate", "track-a", "track-b", "agreement", "rank", "compare"}) {
      RunRecord r = runs.get(step);
      if (r == null) continue;
      b.append(
          String.format(
              "  %-9s run_id=%s %s%s%n",
              step,
              r.runId(),
              r.rowCounts(),
              r.trackerPath() == null ? "" : " (tracker: " + r.trackerPath() + ")"));
    }
    b.append("  tables: ").append(outDir.toAbsolutePath().resolve("tables")).append('\n');
    return b.toString();
  }
}
