package io.keyframe.dataset.frames.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.SharedData;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.dataset.frames.Mp4FrameSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MPEG-4 AVC/H.264 in DICOM. No small real H.264 DICOM file with a permissive licence was found, so
 * the test wraps the H.264 stream of the real x264 clip {@code ../shared/videos/bedroom.mp4} (High
 * profile, B-frames) in a DICOM Video Endoscopic Image as PS3.5 8.2.8 prescribes (Annex B byte
 * stream in the fragments) and checks the frames equal those decoded from the MP4 itself.
 */
class H264DicomTest {
  static final Path CLIP = SharedData.file("videos", "bedroom.mp4");

  /**
   * The clip's Annex B stream (JCodec's MP4 demuxer already gives Annex B packets) wrapped as
   * DICOM.
   */
  static Path wrap(Path dir) throws Exception {
    ByteArrayOutputStream es = new ByteArrayOutputStream();
    try (var ch = NIOUtils.readableChannel(CLIP.toFile())) {
      var track = MP4Demuxer.createMP4Demuxer(ch).getVideoTrack();
      for (Packet p; (p = track.nextFrame()) != null; ) {
        ByteBuffer b = p.getData();
        byte[] x = new byte[b.remaining()];
        b.get(x);
        es.write(x);
      }
    }
    byte[] stream = es.toByteArray();
    if (stream.length % 2 == 1) stream = java.util.Arrays.copyOf(stream, stream.length + 1);
    DicomDataset meta = new DicomDataset();
    meta.put(DicomElement.of(0x00020001, "OB", ByteBuffer.wrap(new byte[] {0, 1})));
    meta.put(
        DicomElement.text(
            DicomTags.MEDIA_STORAGE_SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.77.1.1.1"));
    meta.put(DicomElement.text(DicomTags.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", "2.25.1"));
    meta.put(DicomElement.text(DicomTags.TRANSFER_SYNTAX_UID, "UI", "1.2.840.10008.1.2.4.102"));
    DicomDataset d = new DicomDataset();
    d.put(DicomElement.text(DicomTags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.77.1.1.1"));
    d.put(DicomElement.text(DicomTags.SOP_INSTANCE_UID, "UI", "2.25.1"));
    d.put(DicomElement.text(DicomTags.MODALITY, "CS", "ES"));
    d.put(DicomElement.text(DicomTags.FRAME_TIME, "DS", "33.3333"));
    d.put(us(DicomTags.SAMPLES_PER_PIXEL, 3));
    d.put(DicomElement.text(DicomTags.PHOTOMETRIC_INTERPRETATION, "CS", "YBR_PARTIAL_420"));
    d.put(DicomElement.text(DicomTags.NUMBER_OF_FRAMES, "IS", "200"));
    d.put(us(DicomTags.ROWS, 540));
    d.put(us(DicomTags.COLUMNS, 960));
    d.put(us(DicomTags.BITS_ALLOCATED, 8));
    d.put(us(DicomTags.BITS_STORED, 8));
    d.put(us(DicomTags.HIGH_BIT, 7));
    d.put(us(DicomTags.PIXEL_REPRESENTATION, 0));
    d.put(
        DicomElement.of(DicomTags.PIXEL_DATA, "OB", null)
            .withFragments(List.of(ByteBuffer.allocate(0), ByteBuffer.wrap(stream))));
    Path out = dir.resolve("clip.dcm");
    try (var o = Files.newOutputStream(out)) {
      new DicomFile(null, meta, d, TransferSyntax.of("1.2.840.10008.1.2.4.102")).write(o);
    }
    return out;
  }

  static DicomElement us(int tag, int v) {
    return DicomElement.of(
        tag, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) v));
  }

  @Test
  void framesEqualTheMp4DecodeInAnyReadOrder(@TempDir Path tmp) throws Exception {
    Path dcm = wrap(tmp);
    try (FrameSource dicom = FrameSource.open(dcm, 5);
        Mp4FrameSource mp4 = new Mp4FrameSource(CLIP)) {
      assertThat(dicom.frameCount()).isEqualTo(mp4.frameCount()).isEqualTo(200);
      assertThat(dicom.width()).isEqualTo(960);
      assertThat(dicom.height()).isEqualTo(540);
      assertThat(dicom.fps())
          .isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-3)); // Frame Time 33.3333 ms
      for (int i : new int[] {11, 3, 4, 15, 0, 9, 8, 1})
        assertThat(same(dicom.read(i).image(), mp4.read(i).image())).as("frame %d", i).isTrue();
    }
  }

  @Test
  void endoscopyVideoWithoutBurnedInStatementIsRefusedAndACleanedOneStaysDecodable(
      @TempDir Path tmp) throws Exception {
    DicomFile in = DicomFile.read(wrap(tmp));
    var key =
        new io.keyframe.dataset.privacy.Pseudonymiser(
            io.keyframe.dataset.privacy.PseudonymKey.of("0123456789abcdef0123456789abcdef-h264"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new io.keyframe.dataset.deid.Deidentifier(
                        key, io.keyframe.dataset.deid.DeidOptions.basic())
                    .apply(in))
        .hasMessageContaining("BurnedInAnnotation");
    var cleaned =
        new io.keyframe.dataset.deid.DeidOptions(
            io.keyframe.dataset.deid.DeidOptions.Dates.REMOVE,
            false,
            false,
            false,
            List.of(),
            true);
    DicomFile out = new io.keyframe.dataset.deid.Deidentifier(key, cleaned).apply(in).file();
    Path p = tmp.resolve("deid.dcm");
    try (var o = Files.newOutputStream(p)) {
      out.write(o);
    }
    try (FrameSource a = FrameSource.open(p, 5);
        Mp4FrameSource b = new Mp4FrameSource(CLIP)) {
      assertThat(a.frameCount()).isEqualTo(200);
      assertThat(same(a.read(2).image(), b.read(2).image())).isTrue();
    }
  }

  static boolean same(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
    int w = a.getWidth(), h = a.getHeight();
    return java.util.Arrays.equals(
        a.getRGB(0, 0, w, h, null, 0, w), b.getRGB(0, 0, w, h, null, 0, w));
  }
}
