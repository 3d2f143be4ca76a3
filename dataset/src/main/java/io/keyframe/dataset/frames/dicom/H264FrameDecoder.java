package io.keyframe.dataset.frames.dicom;

import io.keyframe.dataset.BadAnnotationException;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jcodec.codecs.h264.BufferH264ES;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/**
 * The frames of an MPEG-4 AVC/H.264 elementary stream carried in DICOM pixel data (PS3.5 8.2.8: the
 * fragments concatenated form one Annex B byte stream), decoded by JCodec's H.264 decoder, the one
 * {@code Mp4FrameSource} uses. At open the stream is demultiplexed into access units (no decoding)
 * and each unit's picture order count gives its display position within its IDR period; reads then
 * decode forward with a small reorder buffer and restart at the IDR at or before a frame the
 * decoder has passed, as {@code Mp4FrameSource} does with sync samples.
 */
final class H264FrameDecoder {
  private final Path file;
  private final List<ByteBuffer> units = new ArrayList<>();
  private final int[] decodeOfDisplay;
  private final int[] displayOfDecode;
  private final int[] idrs;
  private final TreeMap<Integer, BufferedImage> pending = new TreeMap<>();
  private H264Decoder decoder;
  private int nextDecode;
  private int codedWidth;
  private int codedHeight;

  H264FrameDecoder(Path file, ByteBuffer stream) {
    this.file = file;
    List<Integer> keys = new ArrayList<>();
    List<Integer> pocs = new ArrayList<>();
    try {
      // A heap copy: the mapped file is read-only and the demuxer may touch its input.
      ByteBuffer copy = ByteBuffer.allocate(stream.remaining()).put(stream.duplicate()).flip();
      BufferH264ES es = new BufferH264ES(copy);
      for (Packet p; (p = es.nextFrame()) != null; ) {
        if (p.getFrameType() == Packet.FrameType.KEY) keys.add(units.size());
        pocs.add(p.displayOrder);
        units.add(p.getData());
      }
    } catch (RuntimeException e) {
      throw new BadAnnotationException(
          file, -1, units.size(), "PixelData", "H.264 stream does not parse: " + e, e);
    }
    if (units.isEmpty())
      throw new BadAnnotationException(file, -1, -1, "PixelData", "H.264 stream holds no pictures");
    if (keys.isEmpty() || keys.get(0) != 0)
      throw new BadAnnotationException(
          file, -1, 0, "PixelData", "H.264 stream does not start with an IDR picture");
    idrs = keys.stream().mapToInt(Integer::intValue).toArray();
    int n = units.size();
    // Within each IDR period pictures are displayed in picture order count order; periods follow
    // each other.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int k = 0; k < idrs.length; k++) {
      int from = idrs[k], to = k + 1 < idrs.length ? idrs[k + 1] : n;
      Arrays.sort(order, from, to, (a, b) -> Integer.compare(pocs.get(a), pocs.get(b)));
    }
    decodeOfDisplay = new int[n];
    displayOfDecode = new int[n];
    for (int d = 0; d < n; d++) {
      decodeOfDisplay[d] = order[d];
      displayOfDecode[order[d]] = d;
    }
    nextDecode = Integer.MAX_VALUE;
  }

  int frameCount() {
    return units.size();
  }

  synchronized BufferedImage read(int index) {
    BufferedImage ready = pending.remove(index);
    if (ready != null) return ready;
    int target = decodeOfDisplay[index];
    int idr = idrAtOrBefore(target);
    if (target < nextDecode || idr > nextDecode) restart(idr);
    try {
      while (true) {
        if (nextDecode >= units.size())
          throw new BadAnnotationException(
              file, -1, index, "PixelData", "the H.264 stream ends before this frame");
        int d = nextDecode++;
        // The decoder unescapes NAL units in place: give it a copy so a later restart finds the
        // original bytes.
        ByteBuffer unit = units.get(d);
        ByteBuffer data = ByteBuffer.allocate(unit.remaining()).put(unit.duplicate()).flip();
        Picture pic = decoder.decodeFrame(data, buffer(d));
        if (pic == null)
          throw new BadAnnotationException(
              file, -1, displayOfDecode[d], "PixelData", "H.264 picture does not decode");
        int display = displayOfDecode[d];
        if (display >= index) {
          BufferedImage img = AWTUtil.toBufferedImage(pic.cropped());
          if (display == index) return img;
          pending.put(display, img);
        }
      }
    } catch (RuntimeException e) {
      if (e instanceof BadAnnotationException b) throw b;
      nextDecode = Integer.MAX_VALUE;
      pending.clear();
      throw new BadAnnotationException(
          file, -1, index, "PixelData", "cannot decode H.264: " + e, e);
    }
  }

  private void restart(int idr) {
    pending.clear();
    decoder = new H264Decoder();
    nextDecode = idr;
  }

  /** A fresh picture buffer per frame: the decoder keeps decoded pictures as references. */
  private byte[][] buffer(int decodeIndex) {
    if (codedWidth == 0) {
      ByteBuffer unit = units.get(decodeIndex);
      var meta =
          decoder.getCodecMeta(ByteBuffer.allocate(unit.remaining()).put(unit.duplicate()).flip());
      if (meta == null)
        throw new BadAnnotationException(
            file,
            -1,
            0,
            "PixelData",
            "H.264 stream has no sequence parameter set before the first picture");
      codedWidth = (meta.getSize().getWidth() + 15) & ~15;
      codedHeight = (meta.getSize().getHeight() + 15) & ~15;
    }
    return Picture.create(codedWidth, codedHeight, ColorSpace.YUV420J).getData();
  }

  private int idrAtOrBefore(int decodeIndex) {
    int pos = Arrays.binarySearch(idrs, decodeIndex);
    if (pos >= 0) return idrs[pos];
    int before = -pos - 2;
    return before >= 0 ? idrs[before] : 0;
  }
}
