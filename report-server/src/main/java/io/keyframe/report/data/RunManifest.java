package io.keyframe.report.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partitions and files a committed run owns, from {@code
 * tables/runs/run_id=<run>/_manifest.json} (written by spark-jobs' StagedTableWriter and renamed in
 * with the runs row). Readers trust only what it lists, so a stray folder under a run (a legacy
 * writer, a hand copy, a half-repaired root) is never read as part of the run.
 *
 * @param partitions table → partition folder ({@code video_id=...}, or "" for run tables) → part
 *     files
 */
public record RunManifest(String runId, Map<String, Map<String, List<String>>> partitions) {
  public static final String FILE = "_manifest.json";

  public RunManifest {
    partitions = Collections.unmodifiableMap(new LinkedHashMap<>(partitions));
  }

  /**
   * The manifest of the run whose runs folder is {@code runsDir}; empty for runs written before
   * manifests existed.
   */
  public static Optional<RunManifest> read(Path runsDir) {
    Path file = runsDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();
      root.path("tables")
          .fields()
          .forEachRemaining(
              t -> {
                Map<String, List<String>> parts = new LinkedHashMap<>();
                t.getValue()
                    .fields()
                    .forEachRemaining(
                        p -> {
                          List<String> files = new ArrayList<>();
                          p.getValue().forEach(f -> files.add(f.asText()));
                          parts.put(p.getKey(), List.copyOf(files));
                        });
                tables.put(t.getKey(), parts);
              });
      return Optional.of(new RunManifest(root.path("run_id").asText(), tables));
    } catch (IOException e) {
      throw new BadAnnotationException(
          file, 0, -1, "manifest", "unreadable run manifest: " + e.getMessage());
    }
  }

  /** True when the run owns {@code file} (a part file under {@code runDir} of {@code table}). */
  public boolean lists(String table, Path runDir, Path file) {
    Map<String, List<String>> parts = partitions.get(table);
    if (parts == null) {
      return false;
    }
    Path rel = runDir.relativize(file);
    String partition = rel.getParent() == null ? "" : rel.getParent().toString();
    List<String> files = parts.get(partition);
    return files != null && files.contains(rel.getFileName().toString());
  }
}
