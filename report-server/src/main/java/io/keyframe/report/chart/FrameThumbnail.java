package io.keyframe.report.chart;

import io.keyframe.dataset.Box;
import io.keyframe.report.data.DetectionIndex;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws one frame's boxes onto a generated backdrop. The report never sees video pixels (they may
 * show patients), so the frame is a neutral canvas of the video's size with the detections drawn:
 * disputed objects thick and coloured, all others thin and grey.
 */
public final class FrameThumbnail {
  private FrameThumbnail() {}

  /**
   * Renders the frame as a PNG {@code width} pixels wide.
   *
   * @param highlight track IDs to emphasise (the disputed objects)
   */
  public static byte[] render(DetectionIndex index, String video, int frame, Set<Integer> highlight, int width) {
    int[] size = index.frameSize(video);
    double scale = width / (double) size[0];
    int height = Math.max(1, (int) Math.round(size[1] * scale));
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setPaint(new GradientPaint(0, 0, new Color(0x1e293b), 0, height, new Color(0x334155)));
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(255, 255, 255, 18));
      for (int gx = 0; gx < width; gx += Math.max(8, width / 16)) {
        g.drawLine(gx, 0, gx, height);
      }
      for (int gy = 0; gy < height; gy += Math.max(8, width / 16)) {
        g.drawLine(0, gy, width, gy);
      }
      List<DetectionIndex.FrameBox> boxes = new ArrayList<>(index.boxes(video, frame));
      // Highlighted boxes last so they sit on top.
      boxes.sort((p, q) -> Boolean.compare(highlight.contains(p.trackId()), highlight.contains(q.trackId())));
      List<String> sources = boxes.stream().map(DetectionIndex.FrameBox::source).distinct().sorted().toList();
      int fontSize = Math.min(14, Math.max(9, width / 64));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
      for (DetectionIndex.FrameBox b : boxes) {
        boolean hot = highlight.contains(b.trackId());
        Color c = hot ? Charts.SERIES[sources.indexOf(b.source()) % Charts.SERIES.length] : new Color(0x94a3b8);
        Box box = b.box();
        int x = (int) Math.round(box.x() * scale);
        int y = (int) Math.round(box.y() * scale);
        int w = Math.max(1, (int) Math.round(box.w() * scale));
        int h = Math.max(1, (int) Math.round(box.h() * scale));
        g.setStroke(new BasicStroke(hot ? Math.max(2f, width / 200f) : 1f));
        g.setColor(c);
        g.drawRect(x, y, w, h);
        if (hot) {
          String text = b.label() + " #" + b.trackId();
          int tw = g.getFontMetrics().stringWidth(text) + 6;
          g.fillRect(x, Math.max(0, y - fontSize - 4), tw, fontSize + 4);
          g.setColor(Color.WHITE);
          g.drawString(text, x + 3, Math.max(fontSize, y - 4));
        }
      }
      g.setColor(new Color(255, 255, 255, 150));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(13, Math.max(9, width / 64))));
      g.drawString("frame " + frame + " · boxes only, no pixels", 6, height - 6);
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
