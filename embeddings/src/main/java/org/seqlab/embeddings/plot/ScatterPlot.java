package org.seqlab.embeddings.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.seqlab.core.io.AtomicFiles;

/**
 * Renders labelled points to a PNG with Java2D into an off-screen {@link BufferedImage} (no display
 * or AWT toolkit needed, so it runs headless). Axes are scaled to the data with a margin, points are
 * drawn as dots coloured by group, labels sit to their upper right, and the title goes on top.
 */
public final class ScatterPlot {
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b)
  };

  /**
   * A point to draw.
   *
   * @param label the text next to the dot
   * @param group selects the colour (0 blue, 1 red, 2 green, ...)
   */
  public record Point(String label, double x, double y, int group) {}

  /**
   * Image settings.
   *
   * @param width pixels, 100..8000
   * @param height pixels, 100..8000
   * @param title the caption drawn on top (may be empty)
   */
  public record Style(int width, int height, String title) {
    public Style {
      if (width < 100 || width > 8000 || height < 100 || height > 8000) {
        throw new IllegalArgumentException("width and height must be in [100, 8000], got " + width + " x " + height);
      }
      title = title == null ? "" : title;
    }
  }

  private ScatterPlot() {}

  /** Draws the points into an image. */
  public static BufferedImage render(List<Point> points, Style style) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points must not be empty");
    }
    BufferedImage img = new BufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, style.width(), style.height());
      int top = style.title().isEmpty() ? 20 : 50;
      int margin = 40;
      double[] box = bounds(points);
      g.setColor(new Color(0xdddddd));
      g.setStroke(new BasicStroke(1f));
      g.drawRect(margin / 2, top - 10, style.width() - margin, style.height() - top - margin / 2 + 10);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      FontMetrics fm = g.getFontMetrics();
      for (Point p : points) {
        int px = margin + (int) Math.round((p.x() - box[0]) / (box[1] - box[0]) * (style.width() - 2.5 * margin));
        int py = style.height() - margin - (int) Math.round((p.y() - box[2]) / (box[3] - box[2]) * (style.height() - top - 1.5 * margin));
        g.setColor(PALETTE[Math.floorMod(p.group(), PALETTE.length)]);
        g.fillOval(px - 3, py - 3, 7, 7);
        g.setColor(Color.DARK_GRAY);
        g.drawString(p.label(), px + 5, py - 4 + fm.getAscent() / 4);
      }
      if (!style.title().isEmpty()) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(style.title(), margin / 2, 28);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Renders and writes a PNG atomically. */
  public static void write(Path png, List<Point> points, Style style) throws IOException {
    BufferedImage img = render(points, style);
    AtomicFiles.write(
        png,
        out -> {
          if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer in this JDK");
          }
        });
  }

  /** {minX, maxX, minY, maxY}, widened when degenerate. */
  private static double[] bounds(List<Point> points) {
    double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Point p : points) {
      if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
        throw new IllegalArgumentException("point coordinates must be finite, got (" + p.x() + ", " + p.y() + ") for " + p.label());
      }
      b[0] = Math.min(b[0], p.x());
      b[1] = Math.max(b[1], p.x());
      b[2] = Math.min(b[2], p.y());
      b[3] = Math.max(b[3], p.y());
    }
    for (int k = 0; k < 4; k += 2) {
      if (b[k + 1] - b[k] < 1e-12) {
        b[k] -= 1;
        b[k + 1] += 1;
      }
    }
    return b;
  }
}
