package io.keyframe.spark.input;

import java.io.Serializable;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Runs a function once per video inside the executors: rows are hash-partitioned by {@code
 * video_id} and sorted, then each partition is streamed video by video (no {@code groupByKey}
 * materialising whole partitions). The function reads its video's rows as a one-pass stream, so it
 * can turn each row into domain objects as it goes and never holds the rows themselves: with two
 * tasks per JVM, keeping a whole video's {@code Row}s alive doubled the live heap and the
 * collector's copying.
 */
public final class VideoGroups {
  /**
   * What to do with one video's rows (sorted by the given columns). {@code rows} can be iterated
   * once; rows the function leaves unread are skipped.
   */
  @FunctionalInterface
  public interface PerVideo<T> extends Serializable {
    T apply(String videoId, Iterable<Row> rows) throws Exception;
  }

  private VideoGroups() {}

  /** One result per video present in {@code rows}, which must have a {@code video_id} column. */
  public static <T> JavaRDD<T> map(Dataset<Row> rows, PerVideo<T> f, String... sortColumns) {
    String[] sort = new String[sortColumns.length + 1];
    sort[0] = "video_id";
    System.arraycopy(sortColumns, 0, sort, 1, sortColumns.length);
    JavaRDD<Row> sorted =
        rows.repartition(functions.col("video_id"))
            .sortWithinPartitions(sort[0], java.util.Arrays.copyOfRange(sort, 1, sort.length))
            .toJavaRDD();
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
      if (pending == null) throw new java.util.NoSuchElementException();
      int column = pending.fieldIndex("video_id");
      String video = pending.getString(column);
      OneVideo rowsOfVideo = new OneVideo(video, column);
      try {
        return f.apply(video, rowsOfVideo);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("failed on one video", e);
      } finally {
        rowsOfVideo.skipRest();
      }
    }

    /** The rows of one video, read straight off the partition's iterator. */
    private final class OneVideo implements Iterable<Row> {
      private final String video;
      private final int column;
      private boolean started;

      OneVideo(String video, int column) {
        this.video = video;
        this.column = column;
      }

      private boolean more() {
        return pending != null && video.equals(pending.getString(column));
      }

      void skipRest() {
        while (more()) pending = rows.hasNext() ? rows.next() : null;
      }

      @Override
      public Iterator<Row> iterator() {
        if (started) throw new IllegalStateException("a video's rows can be read only once");
        started = true;
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return more();
          }

          @Override
          public Row next() {
            if (!more()) throw new java.util.NoSuchElementException();
            Row r = pending;
            pending = rows.hasNext() ? rows.next() : null;
            return r;
          }
        };
      }
    }
  }
}
