package io.keyframe.spark.output;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Parquet files the writer tests read back with parquet-java itself, not through Spark. */
final class ParquetFiles {
  private ParquetFiles() {}

  /** A reader of {@code file}'s footer and rows; the caller closes it. */
  static ParquetFileReader open(Path file) throws IOException {
    return ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()));
  }
}
