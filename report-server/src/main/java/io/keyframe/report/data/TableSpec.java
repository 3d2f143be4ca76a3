package io.keyframe.report.data;

import java.util.List;
import java.util.Objects;

/**
 * One table of the Parquet contract (README "Parquet outputs").
 *
 * @param name folder name under {@code tables/}
 * @param perVideo whether the table is partitioned by {@code video_id} as well as {@code run_id}
 * @param columns columns stored inside the files (partition columns excluded)
 */
public record TableSpec(String name, boolean perVideo, List<ColumnSpec> columns) {
  public TableSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no columns");
    }
  }
}
