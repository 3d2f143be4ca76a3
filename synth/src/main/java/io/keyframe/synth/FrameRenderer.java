package io.keyframe.synth;

import io.keyframe.dataset.Frame;
import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.CheckedFrameSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Objects;

/**
 * Draws any frame of a generated {@link Scene} on demand, deterministically and without
 * anti-aliasing: every pixel is written from the same per-column geometry that the ground-truth
 * masks are built from, so a mask pixel always shows its object. Frames need not be stored.
 */
public final class FrameRenderer extends CheckedFrameSource {
  private final Scene scene;
  private final int width;
  private final int height;
  private final Format format;

  /** A renderer for {@code scene}. */
  public FrameRenderer(Scene scene) {
    this.scene = Objects.requireNonNull(scene, "scene");
    Video video = scene.video();
    this.width = video.width();
    this.height = video.height();
    this.format = new Format(video.frameCount(), video.fps(), width, height);
  }

  @Override
  public Format format() {
    return format;
  }

  @Override
  protected Frame decode(int index) {
    return new Frame(index, render(index));
  }

  /** Renders frame {@code index} into a new RGB image. */
  public BufferedImage render(int index) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    drawRoom(px);
    Spans rows = new Spans();
    for (SceneObject o : scene.objects())
      draw(px, o.sprite(), o.trajectory().x(index), o.trajectory().y(index), rows);
    List<Occluder> occs = scene.occluders();
    for (Occluder o : occs)
      if (o.presentAt(index))
        draw(px, o.spriteAt(index), o.trajectory().x(index), o.trajectory().y(index), rows);
    return img;
  }

  private void drawRoom(int[] px) {
    Room room = scene.room();
    int horizon = Math.min(height, room.horizon());
    for (int y = 0; y < horizon; y++) {
      // A faint vertical shading so the wall is not a flat card.
      int shade = shade(room.wallRgb(), 1.0 - 0.12 * y / Math.max(1, horizon));
      java.util.Arrays.fill(px, y * width, (y + 1) * width, shade);
    }
    int tile = Math.max(8, height / 9);
    int line = SceneBuilder.darker(room.floorRgb());
    for (int y = horizon; y < height; y++) {
      boolean seam = (y - horizon) % tile == 0;
      int base = seam ? line : room.floorRgb();
      for (int x = 0; x < width; x++)
        px[y * width + x] = !seam && x % (tile * 2) == 0 ? line : base;
    }
    int[] win = room.window().toArray();
    fill(px, win, 0xf0f0f0);
    int inset = Math.max(2, win[3] / 14);
    fill(
        px,
        new int[] {win[0] + inset, win[1] + inset, win[2] - 2 * inset, win[3] - 2 * inset},
        0xa8d4f0);
    fill(px, new int[] {win[0] + win[2] / 2 - inset / 2, win[1], inset, win[3]}, 0xf0f0f0);
    int[] bed = room.bed().toArray();
    fill(
        px,
        new int[] {bed[0], bed[1] - bed[3] / 3, Math.max(1, bed[2] / 30), bed[3] + bed[3] / 3},
        0x8a8f96);
    fill(px, new int[] {bed[0], bed[1] + bed[3] / 3, bed[2], bed[3] / 3}, 0x8a8f96);
    fill(px, new int[] {bed[0], bed[1], bed[2], bed[3] / 3}, 0xf4f7fb);
    fill(
        px,
        new int[] {bed[0] + bed[2] / 30 + 2, bed[1] - bed[3] / 8, bed[2] / 5, bed[3] / 5},
        0xffffff);
    fill(
        px,
        new int[] {bed[0] + bed[2] / 3, bed[1] - bed[3] / 12, bed[2] * 2 / 3, bed[3] / 6},
        0x9cc3e0);
  }

  private void fill(int[] px, int[] r, int rgb) {
    int x0 = Math.max(0, r[0]), x1 = Math.min(width, r[0] + r[2]);
    int y0 = Math.max(0, r[1]), y1 = Math.min(height, r[1] + r[3]);
    for (int y = y0; y < y1; y++)
      java.util.Arrays.fill(px, y * width + x0, y * width + Math.max(x0, x1), rgb);
  }

  private void draw(int[] px, Sprite s, int sx, int sy, Spans rows) {
    int x0 = Math.max(0, sx), x1 = Math.min(width, sx + s.width());
    if (x1 <= x0 || sy >= height || sy + s.height() <= 0) return;
    int[] r = rows.scratch;
    for (Part p : s.parts())
      for (int x = Math.max(x0, sx + p.dx()); x < Math.min(x1, sx + p.dx() + p.w()); x++) {
        if (!p.rows(x - sx, r)) continue;
        int top = Math.max(0, r[0] + sy), bottom = Math.min(height, r[1] + sy);
        for (int y = top; y < bottom; y++) px[y * width + x] = p.rgb();
      }
  }

  private static int shade(int rgb, double f) {
    int r = (int) (((rgb >> 16) & 255) * f),
        g = (int) (((rgb >> 8) & 255) * f),
        b = (int) ((rgb & 255) * f);
    return (r << 16) | (g << 8) | b;
  }

  @Override
  public void close() {
    // Nothing is held open.
  }
}
