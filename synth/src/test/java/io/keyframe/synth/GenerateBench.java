package io.keyframe.synth;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.ProgressListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scale run for bench/generate.sh (not a unit test): generates videos x frames x objects, first in
 * memory only, then written with every annotation file, and compares with a baseline that writes
 * the same number of rows as plain CSV lines. Args: videos frames objects seed (default 3 1800 50
 * 1).
 */
public final class GenerateBench {
  private GenerateBench() {}

  public static void main(String[] args) throws IOException {
    int videos = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int frames = args.length > 1 ? Integer.parseInt(args[1]) : 1800;
    int objects = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    GeneratorSpec spec = GeneratorSpec.of(videos, frames, objects, seed);
    ClinicVideoGenerator gen = new ClinicVideoGenerator(spec);

    // Process CPU time (all threads): the work itself, whatever else the machine is running.
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long rows = 0, gtRows = 0;
    for (int i = 0; i < videos; i++) {
      GeneratedVideo v = gen.generate(i);
      gtRows += v.groundTruth().detections().size();
      rows += v.groundTruth().detections().size() + v.model().detections().size();
      for (AnnotationSet a : v.annotators()) rows += a.detections().size();
    }
    double generate = (System.nanoTime() - t0) / 1e9;
    double generateCpu = (os.getProcessCpuTime() - c0) / 1e9;

    Path work = Files.createTempDirectory("keyframe-bench-generate");
    try {
      long c1 = os.getProcessCpuTime();
      long t1 = System.nanoTime();
      new GeneratedBatchWriter(work.resolve("batch"), GeneratedBatchWriter.Options.defaults())
          .write(gen, ProgressListener.NONE);
      double written = (System.nanoTime() - t1) / 1e9;
      double writtenCpu = (os.getProcessCpuTime() - c1) / 1e9;

      long t2 = System.nanoTime();
      try (BufferedWriter w =
          Files.newBufferedWriter(work.resolve("plain.csv"), StandardCharsets.UTF_8)) {
        for (long r = 0; r < rows; r++) {
          int f = (int) (r % frames), id = (int) (r % objects) + 1;
          w.write(f + "," + id + "," + (r % 600) + "," + (r % 300) + ",40,60,1,3,0.75\n");
        }
      }
      double plain = (System.nanoTime() - t2) / 1e9;
      long bytes;
      try (Stream<Path> s = Files.walk(work.resolve("batch"))) {
        bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      System.out.printf(
          Locale.ROOT,
          "spec: %d videos x %d frames x %d objects, seed %d%n",
          videos,
          frames,
          objects,
          seed);
      System.out.printf(
          Locale.ROOT,
          "ground-truth rows %d, all rows (gt + %d annotators + model) %d, batch %.1f MB%n",
          gtRows,
          spec.annotators().size(),
          rows,
          bytes / 1e6);
      // CPU time shows the work itself when the machine is shared (wall time then inflates).
      System.out.printf(
          Locale.ROOT,
          "generate in memory: %.2f s wall, %.2f s cpu (%.0f frames/s wall)%n",
          generate,
          generateCpu,
          videos * (double) frames / generate);
      System.out.printf(
          Locale.ROOT,
          "generate + write all files: %.2f s wall, %.2f s cpu%n",
          written,
          writtenCpu);
      System.out.printf(Locale.ROOT, "baseline, %d plain CSV rows: %.2f s%n", rows, plain);
      System.out.printf(
          Locale.ROOT, "ratio=%.1f (generate + write / plain rows)%n", written / plain);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
