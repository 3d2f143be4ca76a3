package io.keyframe.dataset.frames;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Frames stored as one PNG or JPEG per frame in a folder, in file-name order. Names compare with
 * digit runs as numbers ({@code f2.png} before {@code f10.png}) so unpadded exports sort right.
 * Every frame must have the size of the first.
 */
public final class ImageFolderFrameSource extends CheckedFrameSource {
  private final Path folder;
  private final List<Path> files;
  private final Format format;

  /**
   * Lists the images of {@code folder}.
   *
   * @param fps the frame rate to report (image folders carry none)
   * @throws BadAnnotationException when the folder has no readable images
   */
  public ImageFolderFrameSource(Path folder, double fps) {
    Video.checkFps(fps);
    this.folder = folder;
    try (Stream<Path> s = Files.list(folder)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(ImageFolderFrameSource::isImage)
              .sorted(
                  Comparator.comparing(
                      p -> p.getFileName().toString(), ImageFolderFrameSource::compareNatural))
              .toList();
    } catch (IOException e) {
      throw new BadAnnotationException(
          folder, -1, -1, "folder", "cannot list images: " + e.getMessage(), e);
    }
    if (files.isEmpty())
      throw new BadAnnotationException(folder, -1, -1, "folder", "no .png/.jpg/.jpeg images");
    int[] size = probeSize(files.get(0));
    format = new Format(files.size(), fps, size[0], size[1]);
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
  }

  /** Compares names with runs of digits compared as numbers. */
  static int compareNatural(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i), cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i, sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c =
            na.length() != nb.length()
                ? Integer.compare(na.length(), nb.length())
                : na.compareTo(nb);
        if (c != 0) return c;
      } else {
        if (ca != cb) return Character.compare(ca, cb);
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private int[] probeSize(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      var readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext())
        throw new BadAnnotationException(file, -1, 0, "image", "not a readable PNG/JPEG");
      ImageReader r = readers.next();
      try {
        r.setInput(in);
        return new int[] {r.getWidth(0), r.getHeight(0)};
      } finally {
        r.dispose();
      }
    } catch (IOException e) {
      throw new BadAnnotationException(file, -1, 0, "image", "cannot read: " + e.getMessage(), e);
    }
  }

  /** The image files in frame order. */
  public List<Path> files() {
    return files;
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  protected Frame decode(int index) {
    Path file = files.get(index);
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new BadAnnotationException(
          file, -1, index, "image", "cannot decode: " + e.getMessage(), e);
    }
    if (image == null)
      throw new BadAnnotationException(file, -1, index, "image", "not a readable PNG/JPEG");
    if (image.getWidth() != format.width() || image.getHeight() != format.height())
      throw new BadAnnotationException(
          file,
          -1,
          index,
          "image",
          "size "
              + image.getWidth()
              + "x"
              + image.getHeight()
              + " differs from the first frame's "
              + format.width()
              + "x"
              + format.height());
    return new Frame(index, image);
  }

  @Override
  public void close() {
    // Files are opened per read; nothing stays open.
  }
}
