package io.keyframe.dataset.frames;

import static io.keyframe.dataset.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.dataset.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderFrameSourceTest {

  private static void png(Path file, int w, int h, int rgb) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
    ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void framesFollowNumericNameOrder(@TempDir Path dir) throws IOException {
    png(dir.resolve("f10.png"), 8, 6, 0x0000ff);
    png(dir.resolve("f2.png"), 8, 6, 0x00ff00);
    png(dir.resolve("f1.png"), 8, 6, 0xff0000);
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    try (FrameSource src = FrameSource.open(dir, 15)) {
      assertThat(src.format()).isEqualTo(new FrameSource.Format(3, 15.0, 8, 6));
      List<Integer> colours = new ArrayList<>();
      for (Frame f : src) colours.add(f.image().getRGB(0, 0) & 0xffffff);
      assertThat(colours).containsExactly(0xff0000, 0x00ff00, 0x0000ff);
      assertThat(src.read(2).image().getRGB(3, 3) & 0xffffff).isEqualTo(0x0000ff);
      assertThat(src.read(0).index()).isEqualTo(0);
    }
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    assertThat(ImageFolderFrameSource.compareNatural("frame_0009.png", "frame_0010.png"))
        .isNegative();
    assertThat(ImageFolderFrameSource.compareNatural("f2.jpg", "f10.jpg")).isNegative();
    assertThat(ImageFolderFrameSource.compareNatural("b1", "a2")).isPositive();
  }

  @Test
  void aFrameOfAnotherSizeIsBadInput(@TempDir Path dir) throws IOException {
    png(dir.resolve("a.png"), 8, 6, 0);
    png(dir.resolve("b.png"), 9, 6, 0);
    try (FrameSource src = new ImageFolderFrameSource(dir, 30)) {
      assertRefused(() -> src.read(1), "b.png", "frame 1");
    }
  }

  @Test
  void aCorruptImageIsBadInput(@TempDir Path dir) throws IOException {
    png(dir.resolve("a.png"), 8, 6, 0);
    Files.write(dir.resolve("b.png"), new byte[] {1, 2, 3});
    try (FrameSource src = new ImageFolderFrameSource(dir, 30)) {
      assertRefused(() -> src.read(1), "frame 1");
    }
  }

  @Test
  void anEmptyFolderIsBadInput(@TempDir Path dir) {
    assertRefused(() -> new ImageFolderFrameSource(dir, 30));
  }
}
