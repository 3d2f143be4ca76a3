package io.keyframe.dataset.cvat;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.PolygonMask;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SourceFields;
import io.keyframe.dataset.SourceLayout;
import io.keyframe.dataset.Utf8Input;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CVAT for video / for images 1.1 XML with a pull parser (StAX), one element at a time, so a
 * file with thousands of frames and tracks never exists as a tree. Boxes, masks and polygons
 * (rasterised as pycocotools does, {@link PolygonMask}) of the same track and frame become one
 * detection. CVAT for images ({@code <image>} elements) gives untracked detections with each
 * image's own size; a project export (several tasks or subsets) gives one set per subset/task.
 * Frame numbers are kept as the file gives them: CVAT writes video frame numbers, which with {@code
 * start_frame}/{@code frame_filter=step=N} are {@code start + k * N}. Polylines, points, cuboids,
 * ellipses, skeletons, tags and unlabelled shapes are counted and reported in one warning line. Bad
 * input throws {@link BadAnnotationException} naming the parser's line and the attribute.
 */
public final class CvatVideoReader {

  private static final Set<String> SKIPPED =
      Set.of("polyline", "points", "cuboid", "ellipse", "skeleton", "tag");

  /** A task's {@code <meta>} facts: CVAT's frame numbering for its shapes. */
  private static final class Task {
    String id = "";
    String name;
    String subset = "";
    int size = -1;
    int start = -1;
    int stop = -1;
    int step = 1;
  }

  /** What one video (a task, or a subset of a project) collects while the file is read. */
  private static final class Group {
    final String key;
    final List<Detection> detections = new ArrayList<>();
    // (track, frame) -> index into detections << 2 | shapes seen there (1 = box, 2 = mask or
    // polygon).
    final Map<Long, Integer> slot = new HashMap<>();
    final Set<String> labels = new LinkedHashSet<>();
    final java.util.TreeMap<Integer, FrameImage> images = new java.util.TreeMap<>();
    int maxFrame = -1;
    double maxX = 1;
    double maxY = 1;
    Task task;

    Group(String key) {
      this.key = key;
    }
  }

  private final Path file;
  private final XMLStreamReader r;
  private final Consumer<String> warnings;
  private final Deque<String> path = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  private final Set<String> metaLabels = new LinkedHashSet<>();
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  // CVAT label attributes on shapes (keyframe has no field for them): counted, named in the
  // warning.
  private long attributeValues;
  private final Set<String> attributeNames = new LinkedHashSet<>();
  private Task metaTask;
  private boolean project;
  private int metaDepth = -1;
  private int labelDepth = -1;
  private String labelName;
  private String labelType;
  private final Set<String> partLabels = new HashSet<>();
  private final Set<String> skeletonLabels = new HashSet<>();
  private int frameWidth = -1;
  private int frameHeight = -1;
  private Map<String, String> kfVideo;
  private Map<String, String> kfProvenance;
  private int trackId = -1;
  private int trackDepth = -1;
  private int skippedDepth = -1;
  private Group trackGroup;
  private Group imageGroup;
  private FrameImage image;
  private String trackLabel;

  private CvatVideoReader(Path file, XMLStreamReader r, Consumer<String> warnings) {
    this.file = file;
    this.r = r;
    this.warnings = warnings == null ? w -> {} : warnings;
  }

  /**
   * Reads a CVAT for video (or for images) 1.1 XML file; of a project export, the first task or
   * subset.
   *
   * @throws BadAnnotationException for malformed or truncated XML and bad shapes, naming the line
   */
  public static AnnotationSet read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * As {@link #read(Path)}, telling {@code warnings} what was skipped (and how many videos a
   * project holds).
   */
  public static AnnotationSet read(Path file, Consumer<String> warnings) throws IOException {
    return AnnotationSet.firstOf(
        readAll(file, warnings),
        warnings,
        "the file is a CVAT project export with %d tasks/subsets; read the first (%s);"
            + " AnnotationFiles.readAll reads each",
        first -> first.layout().subset());
  }

  /** One set per task or subset, in file order (one for a task or job export). */
  public static List<AnnotationSet> readAll(Path file, Consumer<String> warnings)
      throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    // Annotation files come from outside: no DTDs, no external entities (XXE).
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Utf8Input.open(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      try {
        return new CvatVideoReader(file, r, warnings).run();
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      String msg = firstLine(e.getMessage());
      if (msg.contains("Invalid byte") || msg.contains("UTF-8"))
        throw new BadAnnotationException(
            file,
            line,
            -1,
            "encoding",
            "not UTF-8 text (a binary file, or another encoding): " + msg,
            e);
      throw new BadAnnotationException(
          file, line, -1, "xml", "malformed or truncated XML: " + msg, e);
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String t =
        s.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private List<AnnotationSet> run() throws XMLStreamException {
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
          String name = path.peek();
          end(name);
          path.pop();
          if (path.isEmpty()) closed = true;
          text.setLength(0);
        }
        default -> {}
      }
    }
    if (!closed) throw bad(-1, "annotations", "the file ends before </annotations>");
    if (!skipped.isEmpty() || attributeValues > 0) {
      List<String> parts = new ArrayList<>();
      skipped.forEach((k, n) -> parts.add(n + " " + k));
      String line =
          parts.isEmpty()
              ? ""
              : "skipped "
                  + String.join(", ", parts)
                  + " shapes (keyframe reads boxes, masks and polygons)";
      if (attributeValues > 0)
        line +=
            (line.isEmpty() ? "skipped " : "; ")
                + attributeValues
                + " shape attribute values ("
                + String.join(", ", attributeNames)
                + ")";
      warnings.accept(line);
    }
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

  private void skip(String what) {
    skipped.merge(what, 1L, Long::sum);
  }

  private void start(String name) {
    if (skippedDepth >= 0) return; // inside a skipped shape (a skeleton's points)
    switch (name) {
      case "meta" -> {
        if (metaDepth == -1) metaDepth = path.size() - 1;
      }
      case "project" -> {
        if (inMeta()) project = true;
      }
      case "task", "job" -> {
        if (inMeta()) metaTask = new Task();
      }
      case "label" -> {
        if (inMeta()) {
          labelDepth = path.size();
          labelName = null;
          labelType = null;
        }
      }
      case "image" -> {
        if ("annotations".equals(parent())) image();
      }
      case "keyframe_video" -> {
        if (inMeta()) kfVideo = attributes();
      }
      case "keyframe_provenance" -> {
        if (inMeta()) kfProvenance = attributes();
      }
      case "track" -> {
        if (trackDepth >= 0) { // a skeleton's part tracks: counted with the skeleton
          skippedDepth = path.size();
          return;
        }
        trackDepth = path.size();
        trackId = (int) integer("id", -1);
        if (trackId < 0) throw bad(-1, "id", "track id must be >= 0, got " + trackId);
        trackLabel = required("label", -1);
        trackGroup = group(attr("subset"), attr("task_id"));
        if (trackLabel.isEmpty()
            || skeletonLabels.contains(trackLabel)
            || partLabels.contains(trackLabel)) return;
        if (!metaLabels.isEmpty() && !metaLabels.contains(trackLabel))
          throw bad(
              -1, "label", "unknown label '" + trackLabel + "'; <meta> declares " + metaLabels);
      }
      case "attribute" -> {
        String p = parent();
        if (p.equals("box") || p.equals("mask") || p.equals("polygon")) {
          attributeValues++;
          attributeNames.add(attr("name"));
        }
      }
      case "box", "mask", "polygon" -> {
        String p = parent();
        if (p.equals("track")) shape(name, false);
        else if (p.equals("image")) shape(name, true);
      }
      default -> {
        if (SKIPPED.contains(name)
            && (parent().equals("track")
                || parent().equals("image")
                || parent().equals("annotations"))) {
          skip(name);
          skippedDepth = path.size();
        }
      }
    }
  }

  private String attr(String name) {
    String v = r.getAttributeValue(null, name);
    return v == null ? "" : v;
  }

  private void end(String name) {
    if (skippedDepth >= 0) {
      if (path.size() == skippedDepth) skippedDepth = -1;
      return;
    }
    if (name.equals("meta") && path.size() - 1 == metaDepth) {
      metaDepth = -2; // only the first <meta> counts
      return;
    }
    if (name.equals("track") && path.size() == trackDepth) {
      trackId = -1;
      trackDepth = -1;
      trackGroup = null;
      return;
    }
    if (name.equals("image") && "annotations".equals(parent())) {
      image = null;
      imageGroup = null;
      return;
    }
    if (!inMeta()) return;
    String p = path.size() > 1 ? parent() : "";
    String t = text.toString().trim();
    switch (name) {
      case "label" -> {
        if (path.size() == labelDepth && labelName != null) {
          // Skeleton parts (<parent>) and skeletons are not object classes keyframe reads.
          if ("skeleton".equals(labelType)) skeletonLabels.add(labelName);
          else if (!partLabels.contains(labelName)) metaLabels.add(labelName);
          labelDepth = -1;
        }
      }
      case "name" -> {
        if (p.equals("label") && path.size() == labelDepth + 1) labelName = t;
        else if ((p.equals("task") || p.equals("job")) && metaTask != null) metaTask.name = t;
      }
      case "type" -> {
        if (p.equals("label") && path.size() == labelDepth + 1) labelType = t;
      }
      case "parent" -> {
        if (p.equals("label") && path.size() == labelDepth + 1 && labelName != null)
          partLabels.add(labelName);
      }
      case "id" -> {
        if ((p.equals("task") || p.equals("job")) && metaTask != null) metaTask.id = t;
      }
      case "subset" -> {
        if (p.equals("task") && metaTask != null) metaTask.subset = t;
      }
      case "size" -> {
        if ((p.equals("task") || p.equals("job")) && metaTask != null)
          metaTask.size = metaInt("size", t);
      }
      case "start_frame" -> {
        if (metaTask != null && !t.isEmpty()) metaTask.start = metaInt("start_frame", t);
      }
      case "stop_frame" -> {
        if (metaTask != null && !t.isEmpty()) metaTask.stop = metaInt("stop_frame", t);
      }
      case "frame_filter" -> {
        if (metaTask != null) metaTask.step = step(t);
      }
      case "task", "job" -> {
        if (metaTask != null) {
          tasks.put(metaTask.id + "#" + tasks.size(), metaTask);
          metaTask = null;
        }
      }
      case "width" -> {
        if (p.equals("original_size")) frameWidth = metaInt("width", t);
      }
      case "height" -> {
        if (p.equals("original_size")) frameHeight = metaInt("height", t);
      }
      default -> {}
    }
  }

  /** CVAT's {@code frame_filter}: empty, or {@code step=N}. */
  private int step(String t) {
    if (t.isEmpty()) return 1;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("step\\s*=\\s*(\\d+)").matcher(t);
    if (!m.find()) throw bad(-1, "frame_filter", "expected 'step=N', got '" + t + "'");
    int n = metaInt("frame_filter", m.group(1));
    if (n < 1) throw bad(-1, "frame_filter", "step must be >= 1, got " + n);
    return n;
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

  /**
   * The task a shape's {@code task_id} (or subset) names, for a project export; the only task
   * otherwise.
   */
  private Task taskFor(String subset, String taskId) {
    for (Task t : tasks.values()) if (!subset.isEmpty() && subset.equals(t.subset)) return t;
    for (Task t : tasks.values()) if (!taskId.isEmpty() && taskId.equals(t.id)) return t;
    return tasks.size() == 1 ? tasks.values().iterator().next() : null;
  }

  private Group group(String subset, String taskId) {
    String key = project ? (!subset.isEmpty() ? subset : taskId) : "";
    Group g = groups.get(key);
    if (g == null) {
      g = new Group(key);
      g.task = project ? taskFor(subset, taskId) : taskFor("", "");
      groups.put(key, g);
    }
    return g;
  }

  /**
   * CVAT for images: {@code <image id name width height>} holds untracked shapes of frame {@code
   * id}.
   */
  private void image() {
    imageGroup = group(attr("subset"), attr("task_id"));
    int frame = (int) integer("id", -1);
    if (frame < 0) throw bad(-1, "id", "image id must be >= 0, got " + frame);
    Task t = imageGroup.task;
    if (!project && t != null && t.size >= 0 && frame >= t.size)
      throw bad(frame, "id", "image " + frame + " is beyond the task's " + t.size + " frames");
    int w = (int) integer("width", frame), h = (int) integer("height", frame);
    if (w <= 0 || h <= 0)
      throw bad(frame, "width", "image size must be positive, got " + w + "x" + h);
    image = new FrameImage(frame, frame, attr("name"), w, h);
    if (imageGroup.images.put(frame, image) != null)
      throw bad(
          frame,
          "id",
          "image id "
              + frame
              + " appears twice"
              + (project ? " in subset '" + imageGroup.key + "'" : ""));
    imageGroup.maxFrame = Math.max(imageGroup.maxFrame, frame);
  }

  private void shape(String kind, boolean inImage) {
    if (!inImage && trackId < 0) throw bad(-1, kind, "<" + kind + "> outside a <track>");
    Group g = inImage ? imageGroup : trackGroup;
    int frame = inImage ? image.frame() : (int) integer("frame", -1);
    if (frame < 0) throw bad(-1, "frame", "frame must be >= 0, got " + frame);
    if (!inImage) checkVideoFrame(g.task, frame);
    String label = inImage ? required("label", frame) : trackLabel;
    if (label.isEmpty()) { // Datumaro writes shapes without a class; keyframe needs one
      skip("unlabelled " + kind);
      skippedDepth = path.size();
      return;
    }
    if (inImage && !metaLabels.isEmpty() && !metaLabels.contains(label))
      throw bad(frame, "label", "unknown label '" + label + "'; <meta> declares " + metaLabels);
    g.labels.add(label);
    boolean outside = !inImage && flag("outside", frame);
    boolean occluded = flag("occluded", frame);
    boolean keyframe = !inImage && flag("keyframe", frame);
    int w = inImage ? image.width() : frameWidth, h = inImage ? image.height() : frameHeight;
    Box box = null;
    Mask mask = null;
    SourceFields source = SourceFields.NONE;
    switch (kind) {
      case "box" -> {
        double xtl = real("xtl", frame),
            ytl = real("ytl", frame),
            xbr = real("xbr", frame),
            ybr = real("ybr", frame);
        if (!(xbr > xtl)) throw bad(frame, "xbr", "box has no width: xtl=" + xtl + ", xbr=" + xbr);
        if (!(ybr > ytl)) throw bad(frame, "ybr", "box has no height: ytl=" + ytl + ", ybr=" + ybr);
        box = Box.fromCorners(xtl, ytl, xbr, ybr);
        g.maxX = Math.max(g.maxX, xbr);
        g.maxY = Math.max(g.maxY, ybr);
      }
      case "polygon" -> {
        if (w <= 0 || h <= 0)
          throw bad(
              frame,
              "original_size",
              "a <polygon> needs the frame size from <meta><task><original_size>");
        Polygon poly = points(frame);
        box = poly.bounds();
        mask = PolygonMask.of(poly, h, w);
        source = new SourceFields(-1, false, List.of(poly), Double.NaN);
        if (box == null && mask.area() == 0) {
          skip("degenerate polygon");
          return;
        }
        if (box == null) box = mask.bbox().orElseThrow();
        g.maxX = Math.max(g.maxX, box.x2());
        g.maxY = Math.max(g.maxY, box.y2());
      }
      default -> {
        if (w <= 0 || h <= 0)
          throw bad(
              frame,
              "original_size",
              "a <mask> needs the frame size from <meta><task><original_size>");
        String rle = required("rle", frame);
        int left = (int) integer("left", frame), top = (int) integer("top", frame);
        int mw = (int) integer("width", frame), mh = (int) integer("height", frame);
        int[] runs;
        try {
          runs = CvatRle.parseRuns(rle);
        } catch (NumberFormatException e) {
          throw bad(frame, "rle", "not a comma-separated list of integers");
        }
        try {
          mask = new CvatRle(left, top, mw, mh, runs).toMask(h, w);
        } catch (IllegalArgumentException e) {
          throw bad(frame, "rle", "invalid mask: " + e.getMessage());
        }
      }
    }
    g.maxFrame = Math.max(g.maxFrame, frame);
    String groupId = inImage ? attr("group_id") : "";
    Detection.Builder shape =
        Detection.builder(frame, label).box(box).mask(mask).occluded(occluded).source(source);
    if (inImage
        && (groupId.isEmpty()
            || groupId.equals("0"))) { // no ids: every shape is its own untracked detection
      g.detections.add(shape.build());
      return;
    }
    // A track's shapes in one frame, or CVAT's group_id in one image: one object, a box and a
    // mask/polygon.
    long key;
    if (inImage) {
      int gid;
      try {
        gid = Integer.parseInt(groupId.trim());
      } catch (NumberFormatException e) {
        throw bad(frame, "group_id", "expected an integer, got '" + groupId + "'");
      }
      key = ((long) frame << 32) | (gid & 0xffffffffL) | (1L << 62);
    } else key = ((long) trackId << 32) | frame;
    int detTrack = inImage ? Detection.UNTRACKED : trackId;
    int kindBit = kind.equals("box") ? 1 : 2;
    Integer at = g.slot.get(key);
    if (at == null) {
      g.slot.put(key, g.detections.size() << 2 | kindBit);
      g.detections.add(shape.trackId(detTrack).outside(outside).keyframe(keyframe).build());
      return;
    }
    String who = inImage ? "group " + groupId : "track " + trackId;
    if ((at & kindBit) != 0)
      throw bad(frame, "frame", who + " has two <" + kind + "> shapes in frame " + frame);
    if (!g.detections.get(at >> 2).label().equals(label))
      throw bad(
          frame, "label", "the shapes of " + who + " in frame " + frame + " have different labels");
    Detection d = g.detections.get(at >> 2);
    if (d.occluded() != occluded || d.outside() != outside || d.keyframe() != keyframe)
      throw bad(
          frame,
          "occluded",
          "the shapes of " + who + " in frame " + frame + " disagree on their flags");
    g.slot.put(key, at | kindBit);
    Detection merged = kind.equals("box") ? d.withBox(box) : d.withMask(mask).withSource(source);
    if (kind.equals("polygon") && d.box() != null) merged = merged.withBox(d.box());
    g.detections.set(at >> 2, merged);
  }

  /**
   * CVAT writes video frame numbers ({@code abs_frame_id = k * step + start_frame} in its dataset
   * manager's bindings), up to {@code stop_frame}, for task frames {@code 0 <= k < size}.
   */
  private void checkVideoFrame(Task t, int frame) {
    if (t == null) return;
    if (t.start >= 0 || t.stop >= 0 || t.step > 1) {
      int start = Math.max(0, t.start);
      if (frame < start || (t.stop >= 0 && frame > t.stop))
        throw bad(
            frame,
            "frame",
            "frame "
                + frame
                + " is outside the task's frames "
                + start
                + ".."
                + (t.stop >= 0 ? t.stop : "")
                + (t.step > 1 ? " (step " + t.step + ")" : ""));
      // CVAT's own mapping (dataset_manager bindings rel_frame_id): k = (frame - start) / step, 0
      // <= k < size.
      if ((frame - start) % t.step != 0)
        throw bad(
            frame,
            "frame",
            "frame " + frame + " is not one of the task's frames " + start + " + k * " + t.step);
      if (t.size >= 0 && (frame - start) / t.step >= t.size)
        throw bad(
            frame,
            "frame",
            "frame "
                + frame
                + " is beyond the task's "
                + t.size
                + " frames "
                + start
                + " + k * "
                + t.step);
      return;
    }
    if (t.size >= 0 && frame >= t.size)
      throw bad(frame, "frame", "frame " + frame + " is beyond the task's " + t.size + " frames");
  }

  private Polygon points(int frame) {
    String v = required("points", frame).trim();
    String[] pts = v.split(";");
    double[] xy = new double[pts.length * 2];
    for (int i = 0; i < pts.length; i++) {
      String[] c = pts[i].split(",");
      if (c.length != 2) throw bad(frame, "points", "expected 'x,y;x,y;...', got '" + v + "'");
      try {
        xy[2 * i] = Double.parseDouble(c[0].trim());
        xy[2 * i + 1] = Double.parseDouble(c[1].trim());
      } catch (NumberFormatException e) {
        throw bad(frame, "points", "not a number in '" + pts[i] + "'");
      }
    }
    try {
      return new Polygon(xy);
    } catch (IllegalArgumentException e) {
      throw bad(frame, "points", e.getMessage());
    }
  }

  private List<AnnotationSet> build() {
    if (groups.isEmpty()) group("", "");
    List<AnnotationSet> out = new ArrayList<>();
    for (Group g : groups.values()) out.add(build(g));
    return out;
  }

  private AnnotationSet build(Group g) {
    List<String> labels = new ArrayList<>(metaLabels.isEmpty() ? g.labels : metaLabels);
    Task t = g.task;
    int w = frameWidth, h = frameHeight;
    if ((w <= 0 || h <= 0) && !g.images.isEmpty()) {
      w = g.images.firstEntry().getValue().width();
      h = g.images.firstEntry().getValue().height();
    }
    if (w <= 0) w = (int) Math.ceil(g.maxX);
    if (h <= 0) h = (int) Math.ceil(g.maxY);
    int frames = g.maxFrame + 1;
    int start = 0, step = 1;
    if (t != null && g.images.isEmpty()) {
      if (t.stop >= 0) frames = Math.max(frames, t.stop + 1);
      else if (t.size >= 0)
        frames = Math.max(frames, Math.max(0, t.start) + (t.size - 1) * t.step + 1);
      start = Math.max(0, t.start);
      step = t.step;
    } else if (t != null && t.size >= 0 && !project) frames = Math.max(frames, t.size);
    String name =
        t != null && t.name != null && !t.name.isBlank()
            ? t.name
            : project && !g.key.isEmpty() ? g.key : stem();
    String id = name;
    double fps = Video.UNKNOWN_FPS;
    String source = "";
    if (kfVideo != null) {
      id = kfVideo.getOrDefault("id", id);
      source = kfVideo.getOrDefault("source_path", "");
      try {
        fps = Double.parseDouble(kfVideo.getOrDefault("fps", Double.toString(Video.UNKNOWN_FPS)));
      } catch (NumberFormatException e) {
        throw bad(-1, "fps", "keyframe_video fps is not a number");
      }
    }
    Video video;
    try {
      video = new Video(id, fps, w, h, Math.max(frames, 0), source);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "meta", e.getMessage());
    }
    List<FrameImage> images = new ArrayList<>(g.images.values());
    SourceLayout layout =
        new SourceLayout(images, List.of(), -1, start, step, project ? g.key : "");
    if (!layout.uniformSize())
      warnings.accept(
          "images"
              + (project ? " of '" + g.key + "'" : "")
              + " differ in size ("
              + images.stream().map(i -> i.width() + "x" + i.height()).distinct().count()
              + " sizes); each mask is kept at its own image's size, the video size "
              + w
              + "x"
              + h
              + " is the first image's");
    return new AnnotationSet(video, provenance(), labels, g.detections, layout);
  }

  private Provenance provenance() {
    try {
      return Provenance.fromFields(kfProvenance);
    } catch (IllegalArgumentException e) {
      throw bad(-1, "keyframe_provenance", e.getMessage());
    }
  }

  private String stem() {
    return Video.idFromFileName(file.getFileName().toString());
  }

  private Map<String, String> attributes() {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < r.getAttributeCount(); i++)
      m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    return m;
  }

  private String required(String name, int frame) {
    String v = r.getAttributeValue(null, name);
    if (v == null)
      throw bad(frame, name, "missing attribute '" + name + "' on <" + r.getLocalName() + ">");
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
