package io.keyframe.dataset.cvat;

import static io.keyframe.dataset.CanonicalNumber.format;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.FrameImage;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Polygon;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.TrackFrames;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes CVAT for video 1.1 XML with {@code XMLStreamWriter}, atomically. Each track becomes a
 * {@code <track>}; a detection becomes a {@code <box>}, a {@code <mask>}, or both (same frame) when
 * it has both. Video id, frame rate and provenance go into {@code <meta>} as {@code
 * <keyframe_video>} and {@code <keyframe_provenance>}, which CVAT ignores. Scores, class
 * probabilities and visibility have no place in the format and are not written; untracked
 * detections get fresh track ids above the largest one.
 */
public final class CvatVideoWriter {
  private CvatVideoWriter() {}

  /**
   * Writes {@code set} as CVAT for video 1.1.
   *
   * @throws IllegalArgumentException when a track appears twice in one frame (nothing is written)
   */
  public static void write(Path target, AnnotationSet set) throws IOException {
    TrackFrames.requireUnique(set);
    if (imagesMode(set)) {
      writeImages(target, set);
      return;
    }
    TrackFrames.requireMasksOfVideoSize(
        set,
        "CVAT for video has one frame size",
        "tracked annotations on images of different sizes cannot be written as CVAT");
    Map<Integer, List<Detection>> tracks = TrackFrames.tracksWithUntrackedAlone(set);
    writeAnnotations(
        target,
        w -> {
          meta(w, set);
          String source = set.provenance().kind() == Provenance.Kind.MODEL ? "auto" : "manual";
          for (var e : tracks.entrySet()) track(w, e.getKey(), e.getValue(), source, set.video());
        });
  }

  private interface XmlBody {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  /** {@code <annotations><version>1.1</version>} BODY {@code </annotations>}, atomically. */
  private static void writeAnnotations(Path target, XmlBody body) throws IOException {
    AtomicOutput.write(
        target,
        out -> {
          try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "utf-8");
            w.writeStartDocument("utf-8", "1.0");
            nl(w, 0);
            w.writeStartElement("annotations");
            leaf(w, 1, "version", "1.1");
            body.write(w);
            nl(w, 0);
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
          } catch (XMLStreamException e) {
            throw new IOException("cannot write CVAT XML: " + e.getMessage(), e);
          }
        });
  }

  /**
   * A set read from an image dataset (its layout lists images and no detection has a track) is
   * written as CVAT for images: one {@code <image>} per frame with its own name and size.
   */
  public static boolean imagesMode(AnnotationSet set) {
    return !set.layout().images().isEmpty()
        && set.detections().stream().allMatch(d -> d.trackId() == Detection.UNTRACKED);
  }

  private static void writeImages(Path target, AnnotationSet set) throws IOException {
    Video v = set.video();
    Map<Integer, FrameImage> images = new TreeMap<>(set.layout().imagesByFrame());
    for (Detection d : set.detections())
      images.computeIfAbsent(
          d.frame(),
          f -> new FrameImage(f, f, String.format("frame_%06d.jpg", f), v.width(), v.height()));
    Map<Integer, List<Detection>> byFrame = set.byFrame();
    writeAnnotations(
        target,
        w -> {
          nl(w, 1);
          w.writeStartElement("meta");
          nl(w, 2);
          w.writeStartElement("task");
          leaf(w, 3, "name", v.id());
          leaf(
              w,
              3,
              "size",
              Integer.toString(
                  images.isEmpty() ? 0 : ((TreeMap<Integer, FrameImage>) images).lastKey() + 1));
          leaf(w, 3, "mode", "annotation");
          labels(w, set);
          nl(w, 2);
          w.writeEndElement();
          provenanceAndVideo(w, set);
          nl(w, 1);
          w.writeEndElement();
          for (FrameImage img : images.values()) {
            nl(w, 1);
            w.writeStartElement("image");
            w.writeAttribute("id", Integer.toString(img.frame()));
            w.writeAttribute("name", img.fileName());
            w.writeAttribute("width", Integer.toString(img.width()));
            w.writeAttribute("height", Integer.toString(img.height()));
            int group = 0;
            for (Detection d : byFrame.getOrDefault(img.frame(), List.of()))
              imageShape(w, d, img, ++group);
            nl(w, 1);
            w.writeEndElement();
          }
        });
  }

  /** An image's shape element with the attributes every kind has; {@code group} < 0: none. */
  private static void imageShapeStart(XMLStreamWriter w, String element, Detection d, int group)
      throws XMLStreamException {
    nl(w, 2);
    w.writeEmptyElement(element);
    w.writeAttribute("label", d.label());
    w.writeAttribute("occluded", d.occluded() ? "1" : "0");
    if (group >= 0) w.writeAttribute("group_id", Integer.toString(group));
  }

  /**
   * A detection with a box and a mask is two shapes sharing CVAT's {@code group_id} (numbered per
   * image).
   */
  private static void imageShape(XMLStreamWriter w, Detection d, FrameImage img, int group)
      throws XMLStreamException {
    boolean fromPolygon =
        d.mask() != null
            && d.source().polygons().size() == 1
            && d.mask().width() == img.width()
            && d.mask().height() == img.height();
    boolean writeBox =
        d.box() != null && !(fromPolygon && d.box().equals(d.source().polygons().get(0).bounds()));
    boolean grouped = writeBox && d.mask() != null;
    if (writeBox) {
      imageShapeStart(w, "box", d, grouped ? group : -1);
      w.writeAttribute("xtl", format(d.box().x()));
      w.writeAttribute("ytl", format(d.box().y()));
      w.writeAttribute("xbr", format(d.box().x2()));
      w.writeAttribute("ybr", format(d.box().y2()));
      w.writeAttribute("z_order", "0");
    }
    if (fromPolygon) {
      imageShapeStart(w, "polygon", d, grouped ? group : -1);
      w.writeAttribute("points", points(d.source().polygons().get(0)));
      w.writeAttribute("z_order", "0");
    } else if (d.mask() != null) {
      if (d.mask().width() != img.width() || d.mask().height() != img.height())
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the mask in frame %d is %dx%d but its image is %dx%d",
                d.frame(),
                d.mask().width(),
                d.mask().height(),
                img.width(),
                img.height()));
      imageShapeStart(w, "mask", d, grouped ? group : -1);
      maskAttributes(w, d.mask());
    }
  }

  /** A mask's CVAT RLE and its box, as the mask element of both CVAT layouts carries them. */
  private static void maskAttributes(XMLStreamWriter w, Mask mask) throws XMLStreamException {
    CvatRle rle = CvatRle.of(mask);
    w.writeAttribute("rle", rle.runsText());
    w.writeAttribute("left", Integer.toString(rle.left()));
    w.writeAttribute("top", Integer.toString(rle.top()));
    w.writeAttribute("width", Integer.toString(rle.width()));
    w.writeAttribute("height", Integer.toString(rle.height()));
    w.writeAttribute("z_order", "0");
  }

  private static String points(Polygon p) {
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < p.size(); i++) {
      if (i > 0) pts.append(';');
      pts.append(format(p.x(i))).append(',').append(format(p.y(i)));
    }
    return pts.toString();
  }

  private static void meta(XMLStreamWriter w, AnnotationSet set) throws XMLStreamException {
    Video v = set.video();
    nl(w, 1);
    w.writeStartElement("meta");
    nl(w, 2);
    w.writeStartElement("task");
    leaf(w, 3, "name", v.id());
    int frames = TrackFrames.length(set);
    // CVAT numbers shapes by video frame: start_frame + k * step up to stop_frame; size counts the
    // task's frames.
    int start = set.layout().frameStart(), step = set.layout().frameStep();
    int stop = Math.max(start, frames - 1);
    leaf(w, 3, "size", Integer.toString((stop - start) / step + 1));
    leaf(w, 3, "mode", "interpolation");
    leaf(w, 3, "overlap", "0");
    leaf(w, 3, "start_frame", Integer.toString(start));
    leaf(w, 3, "stop_frame", Integer.toString(stop));
    if (step > 1) leaf(w, 3, "frame_filter", "step=" + step);
    labels(w, set);
    nl(w, 3);
    w.writeStartElement("original_size");
    leaf(w, 4, "width", Integer.toString(v.width()));
    leaf(w, 4, "height", Integer.toString(v.height()));
    nl(w, 3);
    w.writeEndElement();
    nl(w, 2);
    w.writeEndElement();
    provenanceAndVideo(w, set);
    nl(w, 1);
    w.writeEndElement();
  }

  private static void labels(XMLStreamWriter w, AnnotationSet set) throws XMLStreamException {
    nl(w, 3);
    w.writeStartElement("labels");
    for (String label : set.labels()) {
      nl(w, 4);
      w.writeStartElement("label");
      leaf(w, 5, "name", label);
      leaf(w, 5, "type", "any");
      nl(w, 4);
      w.writeEndElement();
    }
    nl(w, 3);
    w.writeEndElement();
  }

  private static void provenanceAndVideo(XMLStreamWriter w, AnnotationSet set)
      throws XMLStreamException {
    Video v = set.video();
    nl(w, 2);
    w.writeEmptyElement("keyframe_video");
    w.writeAttribute("id", v.id());
    w.writeAttribute("fps", format(v.fps()));
    w.writeAttribute("source_path", v.sourcePath());
    Provenance p = set.provenance();
    nl(w, 2);
    w.writeEmptyElement("keyframe_provenance");
    w.writeAttribute("kind", p.kind().name());
    w.writeAttribute("source", p.source());
    w.writeAttribute("model_sha256", p.modelSha256());
    w.writeAttribute("time", p.time() == null ? "" : p.time().toString());
    w.writeAttribute("tool", p.tool());
  }

  private static void track(XMLStreamWriter w, int id, List<Detection> ds, String source, Video v)
      throws XMLStreamException {
    nl(w, 1);
    w.writeStartElement("track");
    w.writeAttribute("id", Integer.toString(id));
    w.writeAttribute("label", ds.get(0).label());
    w.writeAttribute("source", source);
    for (Detection d : ds) {
      boolean fromPolygon = d.mask() != null && d.source().polygons().size() == 1;
      if (d.box() != null
          && !(fromPolygon && d.box().equals(d.source().polygons().get(0).bounds()))) {
        nl(w, 2);
        w.writeEmptyElement("box");
        flags(w, d);
        w.writeAttribute("xtl", format(d.box().x()));
        w.writeAttribute("ytl", format(d.box().y()));
        w.writeAttribute("xbr", format(d.box().x2()));
        w.writeAttribute("ybr", format(d.box().y2()));
        w.writeAttribute("z_order", "0");
      }
      if (d.mask() != null
          && d.source().polygons().size() == 1
          && d.mask().height() == v.height()
          && d.mask().width() == v.width()) {
        // Read from a polygon: written back as that polygon (CVAT rasterises it the same way).
        nl(w, 2);
        w.writeEmptyElement("polygon");
        flags(w, d);
        w.writeAttribute("points", points(d.source().polygons().get(0)));
        w.writeAttribute("z_order", "0");
      } else if (d.mask() != null) {
        nl(w, 2);
        w.writeEmptyElement("mask");
        flags(w, d);
        maskAttributes(w, d.mask());
      }
    }
    nl(w, 1);
    w.writeEndElement();
  }

  private static void flags(XMLStreamWriter w, Detection d) throws XMLStreamException {
    w.writeAttribute("frame", Integer.toString(d.frame()));
    w.writeAttribute("outside", d.outside() ? "1" : "0");
    w.writeAttribute("occluded", d.occluded() ? "1" : "0");
    w.writeAttribute("keyframe", d.keyframe() ? "1" : "0");
  }

  private static void leaf(XMLStreamWriter w, int depth, String name, String value)
      throws XMLStreamException {
    nl(w, depth);
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
  }
}
