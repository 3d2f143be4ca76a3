package io.keyframe.spark.input;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Runs a function once per video inside the executors: rows are hash-partitioned by {@code video_id}
 * and sorted, then each partition is streamed video by video, so an executor holds one video's rows
 * at a time (no {@code groupByKey} materialising whole partitions).
 */
public final class VideoGroups {
  /** What to do with one video's rows (sorted by the given columns). */
  @FunctionalInterface
  public interface PerVideo<T> extends Serializable {
    T apply(String videoId, List<Row> rows) throws Exception;
  }

  private VideoGroups() {}

  /** One result per video present in {@code rows}, which must have a {@code video_id} column. */
  public static <T> JavaRDD<T> map(Dataset<Row> rows, PerVideo<T> f, String... sortColumns) {
    String[] sort = new String[sortColumns.length + 1];
    sort[0] = "video_id";
    System.arraycopy(sortColumns, 0, sort, 1, sortColumns.length);
    JavaRDD<Row> sorted =
        rows.repartition(functions.col("video_id")).sortWithinPartitions(sort[0], java.util.Arrays.copyOfRange(sort, 1, sort.length)).toJavaRDD();
    return sorted.mapPartitions(it -> new Streamed<>(it, f));
  }

  private static final class Streamed<T> implements Iterator<T> {
    private final Iterator<Row> rows;
    private final PerVideo<T> f;
    private Row pending;

    Streamed(Iterator<Row> rows, PerVideo<T> f) {
      this.rows = rows;
      this.f = f;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public T next() {
      String video = pending.getAs("video_id");
      List<Row> batch = new ArrayList<>();
      while (pending != null && video.equals(pending.getAs("video_id"))) {
        batch.add(pending);
        pending = rows.hasNext() ? rows.next() : null;
      }
      try {
        return f.apply(video, batch);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("failed on one video", e);
      }
    }
  }
}
