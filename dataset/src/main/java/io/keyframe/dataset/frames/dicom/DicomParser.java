package io.keyframe.dataset.frames.dicom;

import io.keyframe.dataset.BadAnnotationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a DICOM Part 10 file (PS3.10 7.1: 128-byte preamble, "DICM", explicit VR little endian file
 * meta group) and its data set in the transfer syntax the meta group names. The file is
 * memory-mapped, so pixel data of long clips is not copied onto the heap; a deflated data set is
 * inflated into memory.
 */
final class DicomParser {
  /** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 7.1.2). */
  static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  private static final int UNDEFINED = 0xFFFFFFFF;

  private final Path file;

  private DicomParser(Path file) {
    this.file = file;
  }

  static DicomFile read(Path file) {
    return new DicomParser(file).read();
  }

  /** True when {@code file} starts with a Part 10 preamble ("DICM" at byte 128). */
  static boolean isPart10(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() < 132) return false;
      ByteBuffer b = ByteBuffer.allocate(4);
      ch.read(b, 128);
      return new String(b.array(), StandardCharsets.US_ASCII).equals("DICM");
    } catch (IOException e) {
      return false;
    }
  }

  private DicomFile read() {
    ByteBuffer all;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE)
        throw bad(-1, "file", "larger than 2 GiB; split the clip or export it as MP4");
      all = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
    } catch (IOException e) {
      throw new BadAnnotationException(file, -1, -1, "file", "cannot read: " + e.getMessage(), e);
    }
    if (all.capacity() < 132 || !"DICM".equals(ascii(all, 128, 4)))
      throw bad(-1, "preamble", "not a DICOM Part 10 file (no 'DICM' at byte 128)");
    all.order(ByteOrder.LITTLE_ENDIAN).position(132);
    try {
      DicomDataset meta = new DicomDataset();
      while (all.remaining() >= 8 && Short.toUnsignedInt(all.getShort(all.position())) == 0x0002) {
        meta.put(element(all, true, all.capacity()));
      }
      String tsUid = meta.string(DicomTags.TRANSFER_SYNTAX_UID);
      if (tsUid == null || tsUid.isEmpty())
        throw bad(
            -1,
            "TransferSyntaxUID",
            "file meta information has no Transfer Syntax UID (0002,0010)");
      TransferSyntax ts = TransferSyntax.of(tsUid);
      ByteBuffer body = all.slice(all.position(), all.remaining());
      if (ts.deflated()) body = inflate(body);
      body.order(ts.order());
      DicomDataset data = dataset(body, ts.explicitVr(), body.capacity(), false);
      return new DicomFile(file, meta, data, ts);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
      throw bad(
          -1, "dataset", "truncated or malformed data set (" + e.getClass().getSimpleName() + ")");
    }
  }

  private ByteBuffer inflate(ByteBuffer deflated) {
    Inflater inf = new Inflater(true); // PS3.5 A.5: raw deflate, no zlib header
    try {
      byte[] in = new byte[deflated.remaining()];
      deflated.duplicate().get(in);
      inf.setInput(in);
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 4);
      byte[] buf = new byte[1 << 16];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
        out.write(buf, 0, n);
      }
      return ByteBuffer.wrap(out.toByteArray());
    } catch (DataFormatException e) {
      throw bad(-1, "dataset", "deflated data set does not inflate: " + e.getMessage());
    } finally {
      inf.end();
    }
  }

  /** Elements until {@code end} or, inside an undefined-length item, its delimiter. */
  private DicomDataset dataset(ByteBuffer b, boolean explicit, int end, boolean inUndefinedItem) {
    DicomDataset d = new DicomDataset();
    while (b.position() < end) {
      if (end - b.position() < 8) {
        // Trailing padding shorter than an element header is tolerated at the end of a file.
        if (!inUndefinedItem) break;
        throw bad(-1, "dataset", "truncated element header");
      }
      int tag = tag(b, b.position());
      if (tag == DicomTags.ITEM_DELIMITATION) {
        b.position(b.position() + 8);
        return d;
      }
      DicomElement e = element(b, explicit, end);
      d.put(e);
    }
    return d;
  }

  private static int tag(ByteBuffer b, int at) {
    return (Short.toUnsignedInt(b.getShort(at)) << 16) | Short.toUnsignedInt(b.getShort(at + 2));
  }

  private DicomElement element(ByteBuffer b, boolean explicit, int end) {
    int start = b.position();
    int tag = tag(b, start);
    b.position(start + 4);
    String vr;
    int length;
    if (explicit && (tag >>> 16) != 0xFFFE) {
      vr = ascii(b, b.position(), 2);
      b.position(b.position() + 2);
      if (!vr.matches("[A-Z]{2}"))
        throw bad(-1, DicomTags.format(tag), "invalid VR bytes at offset " + start);
      if (LONG_VRS.contains(vr)) {
        b.position(b.position() + 2);
        length = b.getInt();
      } else {
        length = Short.toUnsignedInt(b.getShort());
      }
    } else {
      length = b.getInt();
      vr = DicomDictionary.vr(tag);
      if (length == UNDEFINED && !vr.equals("SQ") && tag != DicomTags.PIXEL_DATA) vr = "SQ";
      if (tag == DicomTags.PIXEL_DATA) vr = "OW";
    }
    if (length == UNDEFINED) {
      if (tag == DicomTags.PIXEL_DATA)
        return DicomElement.of(tag, "OB", null).withFragments(fragments(b, tag));
      // UN of undefined length is a sequence in implicit VR little endian (PS3.5 6.2.2 note).
      boolean itemsExplicit = explicit && !vr.equals("UN");
      return DicomElement.sequence(tag, items(b, itemsExplicit, -1, tag));
    }
    long valueEnd = (long) b.position() + Integer.toUnsignedLong(length);
    if (valueEnd > end)
      throw bad(
          -1,
          DicomTags.format(tag),
          "value length "
              + Integer.toUnsignedLong(length)
              + " runs past the end of the data set (truncated file?)");
    if (vr.equals("SQ")) return DicomElement.sequence(tag, items(b, explicit, (int) valueEnd, tag));
    ByteBuffer value = b.slice(b.position(), length).order(b.order());
    b.position((int) valueEnd);
    return DicomElement.of(tag, vr, value);
  }

  private List<DicomDataset> items(ByteBuffer b, boolean explicit, int end, int seqTag) {
    List<DicomDataset> items = new ArrayList<>();
    while (end < 0 || b.position() < end) {
      int tag = tag(b, b.position());
      b.position(b.position() + 4);
      int length = b.getInt();
      if (tag == DicomTags.SEQUENCE_DELIMITATION) return items;
      if (tag != DicomTags.ITEM)
        throw bad(
            -1,
            DicomTags.format(seqTag),
            "expected an item tag in the sequence, found " + DicomTags.format(tag));
      if (length == UNDEFINED) items.add(dataset(b, explicit, b.capacity(), true));
      else items.add(dataset(b, explicit, b.position() + length, false));
    }
    return items;
  }

  private List<ByteBuffer> fragments(ByteBuffer b, int seqTag) {
    List<ByteBuffer> out = new ArrayList<>();
    while (true) {
      int tag = tag(b, b.position());
      b.position(b.position() + 4);
      int length = b.getInt();
      if (tag == DicomTags.SEQUENCE_DELIMITATION) return out;
      if (tag != DicomTags.ITEM || length < 0 || length > b.remaining())
        throw bad(-1, "PixelData", "broken encapsulated pixel data (fragment " + out.size() + ")");
      out.add(b.slice(b.position(), length).order(b.order()));
      b.position(b.position() + length);
    }
  }

  private static String ascii(ByteBuffer b, int at, int n) {
    byte[] x = new byte[n];
    for (int i = 0; i < n; i++) x[i] = b.get(at + i);
    return new String(x, StandardCharsets.US_ASCII);
  }

  private BadAnnotationException bad(long frame, String field, String problem) {
    return new BadAnnotationException(file, -1, frame, field, problem);
  }
}
