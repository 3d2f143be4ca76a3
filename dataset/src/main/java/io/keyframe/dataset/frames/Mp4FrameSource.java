package io.keyframe.dataset.frames;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.scale.AWTUtil;

/**
 * Frames of an MP4 (H.264) file, decoded by JCodec, in display order with frame-accurate seeking.
 *
 * <p>JCodec hands out pictures in decode order (with B-frames: 0, 4, 2, 1, 3, ...), so this class
 * reads the packet table once at open, maps each packet's presentation time to its display index,
 * decodes forward in decode order and keeps the few pictures that arrive early in a reorder buffer.
 * A read that cannot be served by decoding forward seeks to the sync sample at or before the wanted
 * packet and decodes from there, which gives the same pixels as sequential decoding for closed-GOP
 * streams (x264's default).
 */
public final class Mp4FrameSource extends CheckedFrameSource {
  private final Path file;
  private final SeekableByteChannel channel;
  private final FrameGrab grab;
  private final Format format;

  /** Decode index of each display index. */
  private final int[] decodeOfDisplay;

  /** Sync (key) samples as decode indices, ascending. */
  private final int[] syncSamples;

  /** Presentation time in seconds -> display index. */
  private final TreeMap<Double, Integer> displayOfPts = new TreeMap<>();

  /** Decoded pictures not yet handed out, by display index. */
  private final TreeMap<Integer, BufferedImage> pending = new TreeMap<>();

  /** Decode index of the packet the decoder reads next. */
  private int nextDecode;

  /** What was wrong with the file but read anyway (a truncated copy read with allowTruncated). */
  private final List<String> warnings = new ArrayList<>();

  /**
   * Opens {@code file} and reads its packet table (no decoding).
   *
   * @throws BadAnnotationException when the file is not a readable MP4 with an H.264 video track
   */
  public Mp4FrameSource(Path file) {
    this(file, false);
  }

  /**
   * Opens {@code file}; a file whose data ends before the frames its header declares is an error
   * naming the last good frame, or, with {@code allowTruncated}, a source of the frames that are
   * there whose {@link #warnings()} name the last good frame (the caller prints and records them).
   */
  public Mp4FrameSource(Path file, boolean allowTruncated) {
    this.file = file;
    SeekableByteChannel ch = null;
    try {
      double[] ptsByDecode = scanPackets(file, allowTruncated, warnings);
      int frameCount = ptsByDecode.length;
      if (frameCount == 0)
        throw new BadAnnotationException(file, -1, -1, "video", "the video track has no frames");
      Integer[] order = new Integer[frameCount];
      for (int i = 0; i < frameCount; i++) order[i] = i;
      Arrays.sort(order, (a, b) -> Double.compare(ptsByDecode[a], ptsByDecode[b]));
      decodeOfDisplay = new int[frameCount];
      for (int d = 0; d < frameCount; d++) {
        decodeOfDisplay[d] = order[d];
        displayOfPts.put(ptsByDecode[order[d]], d);
      }
      ch = NIOUtils.readableChannel(file.toFile());
      grab = FrameGrab.createFrameGrab(ch);
      DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
      int[] seek = meta.getSeekFrames();
      syncSamples = seek == null || seek.length == 0 ? new int[] {0} : seek.clone();
      Arrays.sort(syncSamples);
      double duration = meta.getTotalDuration();
      double fps = duration > 0 ? frameCount / duration : Video.UNKNOWN_FPS;
      channel = ch;
      // The header gives the coded size (multiples of 16, e.g. 544 for 540); the decoded picture
      // carries the SPS cropping, so decode frame 0 once and keep it for the first read.
      BufferedImage first = decodeUntil(0);
      pending.put(0, first);
      format = new Format(frameCount, fps, first.getWidth(), first.getHeight());
    } catch (IOException | JCodecException | RuntimeException e) {
      closeQuietly(ch);
      if (e instanceof BadAnnotationException b) throw b;
      throw new BadAnnotationException(
          file, -1, -1, "video", "not a readable MP4/H.264 file: " + describe(e), e);
    }
  }

  /** Presentation times (seconds) of the video packets in decode order. */
  private static double[] scanPackets(Path file, boolean allowTruncated, List<String> warnings)
      throws IOException {
    try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
      MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(ch);
      DemuxerTrack track = demuxer.getVideoTrack();
      if (track == null) throw new BadAnnotationException(file, -1, -1, "video", "no video track");
      int declared = track.getMeta().getTotalFrames();
      double[] pts = new double[Math.max(16, declared)];
      int n = 0;
      for (Packet p; (p = nextWhole(track)) != null; ) {
        if (n == pts.length) pts = Arrays.copyOf(pts, n * 2);
        pts[n++] = p.getPtsD();
      }
      if (n < declared) {
        // A header (moov) listing more samples than the data holds: a copy cut short. Silently
        // tracking the first part would report a video shorter than the one the user has.
        String what =
            "the file is truncated: its header declares "
                + declared
                + " frames but the data ends after "
                + n
                + (n == 0 ? "" : " (last good frame " + (n - 1) + " in decode order)");
        if (!allowTruncated) throw new BadAnnotationException(file, -1, n, "video", what);
        warnings.add(
            file.getFileName() + ": " + what + "; reading the " + n + " frames that are there");
      }
      return Arrays.copyOf(pts, n);
    }
  }

  /**
   * The next packet, or null at the end of the data: a sample cut short by the end of the file
   * counts as missing.
   */
  private static Packet nextWhole(DemuxerTrack track) throws IOException {
    Packet p;
    try {
      p = track.nextFrame();
    } catch (RuntimeException | IOException e) {
      return null;
    }
    if (p == null || p.getData() == null || !p.getData().hasRemaining()) return null;
    return p;
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  protected Frame decode(int index) {
    BufferedImage image = pending.remove(index);
    if (image == null) image = decodeUntil(index);
    pending.headMap(index).clear();
    return new Frame(index, image);
  }

  private BufferedImage decodeUntil(int index) {
    int target = decodeOfDisplay[index];
    int sync = syncAtOrBefore(target);
    // Decoding forward is correct whenever the decoder has not passed the packet yet; a sync
    // sample in between makes jumping to it cheaper than decoding up to it.
    if (target < nextDecode || sync > nextDecode) seekTo(sync, index);
    try {
      while (true) {
        PictureWithMetadata pm = grab.getNativeFrameWithMetadata();
        if (pm == null)
          throw new BadAnnotationException(
              file, -1, index, "video", "the stream ends before this frame (truncated file?)");
        nextDecode++;
        int display = displayOf(pm.getTimestamp());
        if (display >= index) {
          BufferedImage img = AWTUtil.toBufferedImage(pm.getPicture());
          if (display == index) return img;
          pending.put(display, img);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadAnnotationException b) throw b;
      nextDecode = Integer.MAX_VALUE; // decoder state unknown: force a seek next time
      pending.clear();
      throw new BadAnnotationException(
          file, -1, index, "video", "cannot decode: " + describe(e), e);
    }
  }

  private void seekTo(int sync, int index) {
    pending.clear();
    try {
      grab.seekToFrameSloppy(sync);
      nextDecode = sync;
    } catch (IOException | JCodecException | RuntimeException e) {
      nextDecode = Integer.MAX_VALUE;
      throw new BadAnnotationException(file, -1, index, "video", "cannot seek: " + describe(e), e);
    }
  }

  private int syncAtOrBefore(int decodeIndex) {
    int pos = Arrays.binarySearch(syncSamples, decodeIndex);
    if (pos >= 0) return syncSamples[pos];
    int before = -pos - 2;
    return before >= 0 ? syncSamples[before] : 0;
  }

  private int displayOf(double pts) {
    Map.Entry<Double, Integer> lo = displayOfPts.floorEntry(pts);
    Map.Entry<Double, Integer> hi = displayOfPts.ceilingEntry(pts);
    if (lo == null) return hi.getValue();
    if (hi == null) return lo.getValue();
    return pts - lo.getKey() <= hi.getKey() - pts ? lo.getValue() : hi.getValue();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(SeekableByteChannel ch) {
    if (ch == null) return;
    try {
      ch.close();
    } catch (IOException ignored) {
      // Nothing useful to do when closing a read-only channel fails.
    }
  }

  @Override
  public void close() {
    pending.clear();
    closeQuietly(channel);
  }
}
