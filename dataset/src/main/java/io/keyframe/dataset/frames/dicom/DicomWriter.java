package io.keyframe.dataset.frames.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a {@link DicomFile} as Part 10: preamble, "DICM", the meta group with a recomputed group
 * length, then the data set in the file's transfer syntax. Sequences and items are written with
 * undefined length and delimiters (valid in every transfer syntax, and no lengths to recompute
 * after an edit). Values keep their original bytes, so the byte order must stay the file's own.
 */
final class DicomWriter {
  private DicomWriter() {}

  static void write(DicomFile f, OutputStream out) throws IOException {
    out.write(new byte[128]);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    for (DicomElement e : f.meta().elements())
      if (e.tag() != DicomTags.FILE_META_GROUP_LENGTH)
        element(meta, e, true, ByteOrder.LITTLE_ENDIAN);
    ByteBuffer gl = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, meta.size());
    element(
        out,
        DicomElement.of(DicomTags.FILE_META_GROUP_LENGTH, "UL", gl),
        true,
        ByteOrder.LITTLE_ENDIAN);
    meta.writeTo(out);
    TransferSyntax ts = f.syntax();
    if (ts.deflated()) {
      DeflaterOutputStream z =
          new DeflaterOutputStream(
              nonClosing(out), new Deflater(Deflater.DEFAULT_COMPRESSION, true), 1 << 16);
      dataset(z, f.dataset(), ts.explicitVr(), ts.order());
      z.finish();
    } else {
      dataset(out, f.dataset(), ts.explicitVr(), ts.order());
    }
    out.flush();
  }

  private static void dataset(OutputStream out, DicomDataset d, boolean explicit, ByteOrder order)
      throws IOException {
    for (DicomElement e : d.elements()) element(out, e, explicit, order);
  }

  private static void element(OutputStream out, DicomElement e, boolean explicit, ByteOrder order)
      throws IOException {
    boolean undefined = e.isSequence() || e.isEncapsulated();
    long length = undefined ? 0xFFFFFFFFL : e.length();
    String vr = e.isEncapsulated() ? "OB" : e.vr();
    header(out, e.tag(), vr, length, explicit, order);
    if (e.isSequence()) {
      for (DicomDataset item : e.items()) {
        header(out, DicomTags.ITEM, null, 0xFFFFFFFFL, false, order);
        dataset(out, item, explicit, order);
        header(out, DicomTags.ITEM_DELIMITATION, null, 0, false, order);
      }
      header(out, DicomTags.SEQUENCE_DELIMITATION, null, 0, false, order);
    } else if (e.isEncapsulated()) {
      for (ByteBuffer frag : e.fragments()) {
        header(out, DicomTags.ITEM, null, frag.remaining(), false, order);
        write(out, frag);
      }
      header(out, DicomTags.SEQUENCE_DELIMITATION, null, 0, false, order);
    } else {
      write(out, e.value());
    }
  }

  private static void header(
      OutputStream out, int tag, String vr, long length, boolean explicit, ByteOrder order)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(12).order(order);
    b.putShort((short) (tag >>> 16)).putShort((short) tag);
    if (explicit && vr != null) {
      b.put(vr.getBytes(StandardCharsets.US_ASCII));
      if (DicomParser.LONG_VRS.contains(vr)) {
        b.putShort((short) 0).putInt((int) length);
      } else {
        if (length > 0xFFFF)
          throw new IOException(
              DicomTags.format(tag)
                  + " "
                  + vr
                  + " value of "
                  + length
                  + " bytes does not fit a 16-bit length");
        b.putShort((short) length);
      }
    } else {
      b.putInt((int) length);
    }
    out.write(b.array(), 0, b.position());
  }

  private static void write(OutputStream out, ByteBuffer value) throws IOException {
    ByteBuffer v = value.duplicate();
    byte[] buf = new byte[Math.min(v.remaining(), 1 << 16)];
    while (v.hasRemaining()) {
      int n = Math.min(buf.length, v.remaining());
      v.get(buf, 0, n);
      out.write(buf, 0, n);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
