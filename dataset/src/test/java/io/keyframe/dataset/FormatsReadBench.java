package io.keyframe.dataset;

import io.keyframe.dataset.cvat.CvatVideoReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Benchmark (not a test): reads a 1,800-frame x 50-object CVAT video XML with keyframe's StAX
 * reader and, as the baseline, with a JDK DOM parse that builds the same detections. Prints the
 * median of five runs each and ratio = DOM / StAX. Run through bench/formats-read.sh; {@code
 * --stax-only} skips the DOM baseline (for a heap too small to hold the tree).
 */
public final class FormatsReadBench {
  private FormatsReadBench() {}

  public static void main(String[] args) throws Exception {
    boolean staxOnly = args.length > 0 && args[0].equals("--stax-only");
    Path dir = Files.createTempDirectory("keyframe-bench");
    Path xml = dir.resolve("long.xml");
    int frames = 1800, objects = 50;
    LongCvatVideo.write(xml, frames, objects);
    try {
      double stax = median(() -> CvatVideoReader.read(xml).detections().size());
      System.out.printf(
          "file %.1f MB, %d shapes, heap max %d MB%n",
          Files.size(xml) / 1e6, frames * objects, Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf("stax  %.3f s  (%.0f shapes/s)%n", stax, frames * objects / stax);
      if (staxOnly) return;
      double dom = median(() -> dom(xml).size());
      System.out.printf("dom   %.3f s  (baseline)%n", dom);
      System.out.printf("ratio=%.2f (DOM time / StAX time)%n", dom / stax);
    } finally {
      Files.deleteIfExists(xml);
      Files.deleteIfExists(dir);
    }
  }

  private interface Run {
    int run() throws Exception;
  }

  private static double median(Run r) throws Exception {
    double[] t = new double[5];
    for (int i = 0; i < t.length; i++) {
      long t0 = System.nanoTime();
      if (r.run() != 90_000) throw new IllegalStateException("wrong detection count");
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    java.util.Arrays.sort(t);
    return t[t.length / 2];
  }

  private static List<Detection> dom(Path xml) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc = f.newDocumentBuilder().parse(xml.toFile());
    List<Detection> out = new ArrayList<>();
    NodeList tracks = doc.getElementsByTagName("track");
    for (int i = 0; i < tracks.getLength(); i++) {
      Element t = (Element) tracks.item(i);
      int id = Integer.parseInt(t.getAttribute("id"));
      NodeList boxes = t.getElementsByTagName("box");
      for (int j = 0; j < boxes.getLength(); j++) {
        Element b = (Element) boxes.item(j);
        Box box =
            Box.fromCorners(
                Double.parseDouble(b.getAttribute("xtl")),
                Double.parseDouble(b.getAttribute("ytl")),
                Double.parseDouble(b.getAttribute("xbr")),
                Double.parseDouble(b.getAttribute("ybr")));
        out.add(
            new Detection(
                Integer.parseInt(b.getAttribute("frame")),
                id,
                t.getAttribute("label"),
                box,
                null,
                1,
                Map.of(),
                -1,
                "1".equals(b.getAttribute("occluded")),
                "1".equals(b.getAttribute("outside")),
                "1".equals(b.getAttribute("keyframe"))));
      }
    }
    return out;
  }
}
