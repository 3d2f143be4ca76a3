package io.keyframe.spark.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * SHA-256 of every data file under a job's input paths, for the {@code inputs_json} of {@code
 * runs}. Keys are paths relative to the input they were found under ({@code <input
 * #>/video_id=.../part-00000.parquet}), so neither absolute folders nor raw video names end up in
 * the output.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * input-relative path → sha256, for the files under each of {@code paths} (hidden files skipped).
   */
  public static Map<String, String> hashes(SparkSession spark, List<String> paths) {
    Map<String, String> out = new TreeMap<>();
    try {
      for (int i = 0; i < paths.size(); i++) {
        Path root = new Path(paths.get(i));
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path qualified = fs.makeQualified(root);
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(qualified, true);
        while (files.hasNext()) {
          Path file = files.next().getPath();
          if (file.getName().startsWith(".") || file.getName().startsWith("_")) continue;
          String relative = qualified.toUri().relativize(file.toUri()).getPath();
          out.put(i + "/" + relative, sha256(fs, file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash the job's inputs", e);
    }
    return out;
  }

  /**
   * The paths that exist. Optional inputs such as occlusion_events may be absent: a generate run
   * without occlusions writes no folder for them.
   */
  public static List<String> existing(SparkSession spark, List<String> paths) {
    List<String> out = new java.util.ArrayList<>();
    try {
      for (String p : paths) {
        Path path = new Path(p);
        if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) out.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the job's inputs", e);
    }
    return out;
  }

  private static String sha256(FileSystem fs, Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = fs.open(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
