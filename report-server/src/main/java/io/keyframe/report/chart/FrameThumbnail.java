package io.keyframe.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws one frame's boxes onto a generated backdrop. The report never sees video pixels (they may
 * show patients), so the frame is a neutral canvas at the video's true aspect ratio with every
 * source's boxes drawn in that source's colour, a legend strip below naming each colour, and the
 * objects the page points at drawn thick with their label and ID.
 */
public final class FrameThumbnail {
  /** Height of one legend line, in pixels. */
  private static final int LEGEND_LINE = 18;

  private FrameThumbnail() {}

  /**
   * Renders {@code view} as a PNG {@code width} pixels wide (plus the legend strip below the
   * frame).
   */
  public static byte[] render(FrameView view, int width) {
    double scale = width / (double) Math.max(1, view.width());
    int frameHeight = Math.max(1, (int) Math.round(view.height() * scale));
    int legendLines = Math.max(1, view.sources().size());
    int height = frameHeight + legendLines * LEGEND_LINE + 6;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, new Color(0x1e293b), 0, frameHeight, new Color(0x334155)));
      g.fillRect(0, 0, width, frameHeight);
      g.setColor(new Color(255, 255, 255, 18));
      for (int gx = 0; gx < width; gx += Math.max(8, width / 16)) {
        g.drawLine(gx, 0, gx, frameHeight);
      }
      for (int gy = 0; gy < frameHeight; gy += Math.max(8, width / 16)) {
        g.drawLine(0, gy, width, gy);
      }
      int fontSize = Math.min(14, Math.max(9, width / 64));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
      // Plain boxes first, highlighted ones last so they sit on top. No antialiasing on the lines:
      // every box pixel is exactly its source's colour (the browser test counts them).
      for (boolean pass : new boolean[] {false, true}) {
        for (FrameView.SourceBoxes s : view.sources()) {
          Color c = Color.decode(s.colour());
          for (FrameView.Box b : s.boxes()) {
            if (b.highlighted() != pass) {
              continue;
            }
            int x = (int) Math.round(b.x() * scale);
            int y = (int) Math.round(b.y() * scale);
            int w = Math.max(1, (int) Math.round(b.w() * scale));
            int h = Math.max(1, (int) Math.round(b.h() * scale));
            g.setStroke(new BasicStroke(b.highlighted() ? Math.max(3f, width / 200f) : 1.5f));
            g.setColor(c);
            g.drawRect(x, y, w, h);
            if (b.highlighted()) {
              String text = b.label() + " #" + b.trackId();
              int tw = g.getFontMetrics().stringWidth(text) + 6;
              // Keep the tag inside the frame so labels on boxes at the right edge stay readable.
              int tx = Math.max(0, Math.min(x, width - tw));
              g.fillRect(tx, Math.max(0, y - fontSize - 4), tw, fontSize + 4);
              g.setColor(Color.WHITE);
              g.drawString(text, tx + 3, Math.max(fontSize, y - 4));
            }
          }
        }
      }
      g.setColor(new Color(255, 255, 255, 150));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(13, Math.max(9, width / 64))));
      g.drawString(
          "frame "
              + view.frame()
              + " · "
              + view.width()
              + "x"
              + view.height()
              + (view.sizeKnown() ? "" : " (size guessed)")
              + " · boxes only, no pixels",
          6,
          frameHeight - 6);
      // Legend: one line per source, its colour swatch and name.
      g.setColor(Color.WHITE);
      g.fillRect(0, frameHeight, width, height - frameHeight);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      int ly = frameHeight + 4;
      for (FrameView.SourceBoxes s : view.sources()) {
        g.setColor(Color.decode(s.colour()));
        g.fillRect(6, ly + 3, 12, 12);
        g.setColor(new Color(0x0f172a));
        g.drawString(s.source() + " (" + s.boxes().size() + " boxes)", 24, ly + 14);
        ly += LEGEND_LINE;
      }
      if (view.sources().isEmpty()) {
        g.setColor(new Color(0x64748b));
        g.drawString("no boxes on this frame", 6, ly + 14);
      }
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
