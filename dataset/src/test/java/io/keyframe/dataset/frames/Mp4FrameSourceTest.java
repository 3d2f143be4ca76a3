package io.keyframe.dataset.frames;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.Frame;
import io.keyframe.dataset.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real x264 clip (High profile, 8x8 DCT, B-frames) in ../shared/videos. */
class Mp4FrameSourceTest {
  private static final int PREFIX = 16;
  private static Path clip;
  private static final List<BufferedImage> sequential = new ArrayList<>();

  @BeforeAll
  static void decodeThePrefixSequentially() {
    clip = SharedData.file("videos", "bedroom.mp4");
    assertThat(clip).exists();
    try (Mp4FrameSource src = new Mp4FrameSource(clip)) {
      for (Frame f : src) {
        if (f.index() >= PREFIX) break;
        sequential.add(f.image());
      }
    }
  }

  @Test
  void reportsTheHeaderOfTheClip() {
    try (Mp4FrameSource src = new Mp4FrameSource(clip)) {
      assertThat(src.frameCount()).isEqualTo(200);
      assertThat(src.fps()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(src.width()).isEqualTo(960);
      assertThat(src.height()).isEqualTo(540);
      assertThat(src.video("v", "").frameCount()).isEqualTo(200);
    }
    try (FrameSource byPath = FrameSource.open(clip, 25)) {
      assertThat(byPath).isInstanceOf(Mp4FrameSource.class);
      assertThat(byPath.fps()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void seekingInAnyOrderGivesTheSequentialPixels() {
    try (Mp4FrameSource src = new Mp4FrameSource(clip)) {
      for (int i : new int[] {11, 3, 4, 15, 0, 9, 8, 1}) {
        BufferedImage img = src.read(i).image();
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(samePixels(img, sequential.get(i))).as("frame %d", i).isTrue();
      }
    }
  }

  @Test
  void framesComeInDisplayOrderNotDecodeOrder() {
    // In display order a frame is closer to its neighbour than to the frame two ahead; in x264's
    // decode order (0,4,2,1,3,...) this fails for most frames.
    int smoother = 0;
    for (int i = 0; i + 2 < sequential.size(); i++)
      if (distance(sequential.get(i), sequential.get(i + 1))
          < distance(sequential.get(i), sequential.get(i + 2))) smoother++;
    assertThat(smoother).isGreaterThanOrEqualTo(sequential.size() - 2 - 1);
  }

  @Test
  void aTruncatedFileFailsNamingTheFile(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(clip);
    Path cut = dir.resolve("cut.mp4");
    Files.write(cut, Arrays.copyOf(all, all.length / 8));
    assertRefused(
        () -> {
          try (Mp4FrameSource src = new Mp4FrameSource(cut)) {
            for (Frame f : src) assertThat(f.image()).isNotNull();
          }
        },
        "cut.mp4");
  }

  @Test
  void garbageIsNotAVideo(@TempDir Path dir) throws IOException {
    Path junk = dir.resolve("junk.mp4");
    Files.write(junk, "this is not a video".repeat(100).getBytes());
    assertRefused(() -> new Mp4FrameSource(junk).close(), "junk.mp4");
  }

  @Test
  void outOfRangeIndicesAreRejected() {
    try (Mp4FrameSource src = new Mp4FrameSource(clip)) {
      assertThatThrownBy(() -> src.read(200)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> src.read(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  static boolean samePixels(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
    int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
    int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
    return Arrays.equals(pa, pb);
  }

  private static long distance(BufferedImage a, BufferedImage b) {
    long s = 0;
    for (int y = 0; y < a.getHeight(); y += 3)
      for (int x = 0; x < a.getWidth(); x += 3) {
        int p = a.getRGB(x, y), q = b.getRGB(x, y);
        s +=
            Math.abs((p & 255) - (q & 255))
                + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
                + Math.abs(((p >> 16) & 255) - ((q >> 16) & 255));
      }
    return s;
  }

  /**
   * The clip rewritten "fast start" (ftyp, moov, mdat; stco offsets moved by hand) and cut in the
   * middle of its data: the header still declares 200 frames. Built at run time, never committed.
   */
  static Path truncatedFastStartCopy(Path dir, double keep) throws IOException {
    byte[] f = Files.readAllBytes(clip);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(f);
    int ftypAt = -1, ftypLen = 0, mdatAt = -1, mdatLen = 0, moovAt = -1, moovLen = 0;
    for (int at = 0; at < f.length; ) {
      int len = b.getInt(at);
      String type = new String(f, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      switch (type) {
        case "ftyp" -> {
          ftypAt = at;
          ftypLen = len;
        }
        case "mdat" -> {
          mdatAt = at;
          mdatLen = len;
        }
        case "moov" -> {
          moovAt = at;
          moovLen = len;
        }
        default -> {}
      }
      at += len;
    }
    assertThat(moovAt).as("the clip keeps its moov after mdat").isGreaterThan(mdatAt);
    byte[] moov = Arrays.copyOfRange(f, moovAt, moovAt + moovLen);
    int delta = (ftypLen + moovLen) - mdatAt; // mdat moves from mdatAt to just after ftyp + moov
    java.nio.ByteBuffer m = java.nio.ByteBuffer.wrap(moov);
    int patched = 0;
    for (int i = 4; i + 4 <= moov.length; i++) {
      if (moov[i] == 's' && moov[i + 1] == 't' && moov[i + 2] == 'c' && moov[i + 3] == 'o') {
        int count = m.getInt(i + 8);
        for (int e = 0; e < count; e++) m.putInt(i + 12 + 4 * e, m.getInt(i + 12 + 4 * e) + delta);
        patched++;
      }
    }
    assertThat(patched).isPositive();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(f, ftypAt, ftypLen);
    out.write(moov);
    out.write(f, mdatAt, (int) (mdatLen * keep));
    Path copy = dir.resolve("trunc.mp4");
    Files.write(copy, out.toByteArray());
    return copy;
  }

  @Test
  void aFastStartCopyCutInHalfIsAnErrorNamingTheLastGoodFrame(@TempDir Path dir)
      throws IOException {
    Path whole = truncatedFastStartCopy(dir, 1.0);
    try (Mp4FrameSource src = new Mp4FrameSource(whole)) {
      assertThat(src.frameCount()).as("the rewrite itself is sound").isEqualTo(200);
      assertThat(samePixels(src.read(3).image(), sequential.get(3))).isTrue();
    }
    Path cut = truncatedFastStartCopy(dir, 0.5);
    assertRefused(
        () -> new Mp4FrameSource(cut),
        "trunc.mp4",
        "truncated: its header declares 200 frames",
        "last good frame");
    try (Mp4FrameSource lenient = new Mp4FrameSource(cut, true)) {
      assertThat(lenient.frameCount()).isBetween(1, 199);
      assertThat(lenient.warnings())
          .singleElement()
          .asString()
          .contains("trunc.mp4")
          .contains("declares 200 frames")
          .contains("last good frame " + (lenient.frameCount() - 1));
      assertThat(samePixels(lenient.read(3).image(), sequential.get(3))).isTrue();
    }
  }
}
