package io.keyframe.dataset.cvat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CVAT for video 1.1 XML with a pull parser (StAX), one element at a time, so a file with
 * thousands of frames and tracks never exists as a tree. Boxes and masks of the same track and
 * frame become one detection. CVAT for images files ({@code <image>} elements) are read too, as
 * untracked detections. Polygons, polylines, points, cuboids and skeletons are skipped (see
 * FORMATS.md). Bad input throws {@link BadAnnotationException}
 * naming the parser's line and the attribute.
 */
public final class CvatVideoReader {
  /** Frame rate assumed when the file does not carry keyframe's video element. */
  public static final double UNKNOWN_FPS = 30;

  private final Path file;
  private final XMLStreamReader r;
  private final Deque<String> path = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  private final Set<String> metaLabels = new LinkedHashSet<>();
  private final Set<String> trackLabels = new LinkedHashSet<>();
  private final List<Detection> detections = new ArrayList<>();
  // (track, frame) -> index into detections << 2 | shapes seen there (1 = box, 2 = mask).
  private final Map<Long, Integer> slot = new HashMap<>();
  private int metaDepth = -1;
  private String taskName;
  private int size = -1;
  private int frameWidth = -1;
  private int frameHeight = -1;
  private Map<String, String> kfVideo;
  private Map<String, String> kfProvenance;
  private int trackId = -1;
  private int imageFrame = -1;
  private String trackLabel;
  private int maxFrame = -1;
  private double maxX = 1;
  private double maxY = 1;

  private CvatVideoReader(Path file, XMLStreamReader r) {
    this.file = file;
    this.r = r;
  }

  /**
   * Reads a CVAT for video (or for images) 1.1 XML file.
   *
   * @throws BadAnnotationException for malformed or truncated XML and bad shapes, naming the line
   */
  public static AnnotationSet read(Path file) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // Annotation files come from outside: no DTDs, no external entities (XXE).
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      try {
        return new CvatVideoReader(file, r).run();
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new BadAnnotationException(file, line, -1, "xml", "malformed or truncated XML: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String t = s.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private AnnotationSet run() throws XMLStreamException {
    boolean closed = false;
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT -> {
          String name = r.getLocalName();
          if (path.isEmpty() && !name.equals("annotations"))
            throw bad(-1, "annotations", "root element is <" + name + ">, expected <annotations>");
          path.push(name);
          text.setLength(0);
          start(name);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          String name = path.pop();
          end(name);
          if (path.isEmpty()) closed = true;
          text.setLength(0);
        }
        default -> {}
      }
    }
    if (!closed) throw bad(-1, "annotations", "the file ends before </annotations>");
    return build();
  }

  private String parent() {
    var it = path.iterator();
    it.next();
    return it.hasNext() ? it.next() : "";
  }

  private boolean inMeta() {
    return metaDepth >= 0 && path.size() > metaDepth;
  }

  private void start(String name) {
    switch (name) {
      case "meta" -> { if (metaDepth == -1) metaDepth = path.size() - 1; }
      case "image" -> { if ("annotations".equals(parent())) image(); }
      case "keyframe_video" -> { if (inMeta()) kfVideo = attributes(); }
      case "keyframe_provenance" -> { if (inMeta()) kfProvenance = attributes(); }
      case "track" -> {
        trackId = (int) integer("id", -1);
        if (trackId < 0) throw bad(-1, "id", "track id must be >= 0, got " + trackId);
        trackLabel = required("label", -1);
        if (!metaLabels.isEmpty() && !metaLabels.contains(trackLabel))
          throw bad(-1, "label", "unknown label '" + trackLabel + "'; <meta> declares " + metaLabels);
        trackLabels.add(trackLabel);
      }
      case "box", "mask" -> {
        String p = parent();
        if (p.equals("track")) shape(name, false);
        else if (p.equals("image")) shape(name, true);
      }
      default -> {}
    }
  }

  private void end(String name) {
    if (name.equals("meta") && path.size() == metaDepth) {
      metaDepth = -2; // only the first <meta> counts
      return;
    }
    if (!inMeta()) {
      if (name.equals("track")) trackId = -1;
      return;
    }
    String p = path.isEmpty() ? "" : path.peek();
    String t = text.toString().trim();
    switch (name) {
      case "name" -> {
        if (p.equals("label")) metaLabels.add(t);
        else if (p.equals("task") || p.equals("job")) taskName = t;
      }
      case "size" -> { if (p.equals("task") || p.equals("job")) size = metaInt("size", t); }
      case "width" -> { if (p.equals("original_size")) frameWidth = metaInt("width", t); }
      case "height" -> { if (p.equals("original_size")) frameHeight = metaInt("height", t); }
      default -> {}
    }
  }

  private int metaInt(String field, String t) {
    try {
      int v = Integer.parseInt(t);
      if (v < 0) throw bad(-1, field, "must not be negative: " + t);
      return v;
    } catch (NumberFormatException e) {
      throw bad(-1, field, "expected an integer, got '" + t + "'");
    }
  }

  /** CVAT for images: {@code <image id width height>} holds untracked shapes of frame {@code id}. */
  private void image() {
    imageFrame = (int) integer("id", -1);
    if (imageFrame < 0) throw bad(-1, "id", "image id must be >= 0, got " + imageFrame);
    if (size >= 0 && imageFrame >= size)
      throw bad(imageFrame, "id", "image " + imageFrame + " is beyond the task's " + size + " frames");
    int w = (int) integer("width", imageFrame), h = (int) integer("height", imageFrame);
    if (frameWidth <= 0 && frameHeight <= 0 && w > 0 && h > 0) {
      frameWidth = w;
      frameHeight = h;
    } else if (w != frameWidth || h != frameHeight)
      throw bad(imageFrame, "width", "image is " + w + "x" + h + " but the frames are " + frameWidth + "x" + frameHeight);
    maxFrame = Math.max(maxFrame, imageFrame);
  }

  private void shape(String kind, boolean inImage) {
    if (!inImage && trackId < 0) throw bad(-1, kind, "<" + kind + "> outside a <track>");
    int frame = inImage ? imageFrame : (int) integer("frame", -1);
    if (frame < 0) throw bad(-1, "frame", "frame must be >= 0, got " + frame);
    if (size >= 0 && frame >= size)
      throw bad(frame, "frame", "frame " + frame + " is beyond the task's " + size + " frames");
    String label = trackLabel;
    if (inImage) {
      label = required("label", frame);
      if (!metaLabels.isEmpty() && !metaLabels.contains(label))
        throw bad(frame, "label", "unknown label '" + label + "'; <meta> declares " + metaLabels);
      trackLabels.add(label);
    }
    boolean outside = !inImage && flag("outside", frame);
    boolean occluded = flag("occluded", frame);
    boolean keyframe = !inImage && flag("keyframe", frame);
    Box box = null;
    Mask mask = null;
    if (kind.equals("box")) {
      double xtl = real("xtl", frame), ytl = real("ytl", frame), xbr = real("xbr", frame), ybr = real("ybr", frame);
      if (!(xbr > xtl)) throw bad(frame, "xbr", "box has no width: xtl=" + xtl + ", xbr=" + xbr);
      if (!(ybr > ytl)) throw bad(frame, "ybr", "box has no height: ytl=" + ytl + ", ybr=" + ybr);
      box = Box.fromCorners(xtl, ytl, xbr, ybr);
      maxX = Math.max(maxX, xbr);
      maxY = Math.max(maxY, ybr);
    } else {
      if (frameWidth <= 0 || frameHeight <= 0)
        throw bad(frame, "original_size", "a <mask> needs the frame size from <meta><task><original_size>");
      String rle = required("rle", frame);
      int left = (int) integer("left", frame), top = (int) integer("top", frame);
      int w = (int) integer("width", frame), h = (int) integer("height", frame);
      int[] runs;
      try {
        runs = CvatRle.parseRuns(rle);
      } catch (NumberFormatException e) {
        throw bad(frame, "rle", "not a comma-separated list of integers");
      }
      try {
        mask = new CvatRle(left, top, w, h, runs).toMask(frameHeight, frameWidth);
      } catch (IllegalArgumentException e) {
        throw bad(frame, "rle", "invalid mask: " + e.getMessage());
      }
    }
    maxFrame = Math.max(maxFrame, frame);
    if (inImage) { // CVAT for images has no ids: every shape is its own untracked detection
      detections.add(new Detection(frame, Detection.UNTRACKED, label, box, mask, 1.0, Map.of(), -1, occluded, false, false));
      return;
    }
    long key = ((long) trackId << 32) | frame;
    int kindBit = kind.equals("box") ? 1 : 2;
    Integer at = slot.get(key);
    if (at == null) {
      slot.put(key, detections.size() << 2 | kindBit);
      detections.add(new Detection(frame, trackId, trackLabel, box, mask, 1.0, Map.of(), -1, occluded, outside, keyframe));
      return;
    }
    if ((at & kindBit) != 0)
      throw bad(frame, "frame", "track " + trackId + " has two <" + kind + "> shapes in frame " + frame);
    Detection d = detections.get(at >> 2);
    if (d.occluded() != occluded || d.outside() != outside || d.keyframe() != keyframe)
      throw bad(frame, "occluded", "the box and mask of track " + trackId + " in frame " + frame + " disagree on their flags");
    slot.put(key, at | kindBit);
    detections.set(at >> 2, box != null ? d.withBox(box) : d.withMask(mask));
  }

  private AnnotationSet build() {
    List<String> labels = new ArrayList<>(metaLabels.isEmpty() ? trackLabels : metaLabels);
    int w = frameWidth > 0 ? frameWidth : (int) Math.ceil(maxX);
    int h = frameHeight > 0 ? frameHeight : (int) Math.ceil(maxY);
    int frames = size >= 0 ? size : maxFrame + 1;
    String id = taskName == null || taskName.isBlank() ? stem() : taskName;
    double fps = UNKNOWN_FPS;
    String source = "";
    if (kfVideo != null) {
      id = kfVideo.getOrDefault("id", id);
      source = kfVideo.getOrDefault("source_path", "");
      try {
        fps = Double.parseDouble(kfVideo.getOrDefault("fps", Double.toString(UNKNOWN_FPS)));
      } catch (NumberFormatException e) {
        throw bad(-1, "fps", "keyframe_video fps is not a number");
      }
    }
    Video video;
    try {
      video = new Video(id, fps, w, h, frames, source);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "meta", e.getMessage());
    }
    return new AnnotationSet(video, provenance(), labels, detections);
  }

  private Provenance provenance() {
    try {
      return Provenance.fromFields(kfProvenance);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "keyframe_provenance", e.getMessage());
    }
  }


  private String stem() {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private Map<String, String> attributes() {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++) m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    return m;
  }

  private String required(String name, int frame) {
    String v = r.getAttributeValue(null, name);
    if (v == null) throw bad(frame, name, "missing attribute '" + name + "' on <" + r.getLocalName() + ">");
    return v;
  }

  private long integer(String name, int frame) {
    String v = required(name, frame).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw bad(frame, name, "expected an integer, got '" + v + "'");
    }
  }

  private double real(String name, int frame) {
    String v = required(name, frame).trim();
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(frame, name, "not a number: '" + v + "'");
    }
    if (!Double.isFinite(d)) throw bad(frame, name, "not a finite number: '" + v + "'");
    return d;
  }

  private boolean flag(String name, int frame) {
    String v = r.getAttributeValue(null, name);
    if (v == null) return false;
    return switch (v.trim()) {
      case "0", "false", "False" -> false;
      case "1", "true", "True" -> true;
      default -> throw bad(frame, name, "expected 0 or 1, got '" + v + "'");
    };
  }

  private BadAnnotationException bad(int frame, String field, String problem) {
    return new BadAnnotationException(file, r.getLocation().getLineNumber(), frame, field, problem);
  }
}
