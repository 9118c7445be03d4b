package org.seqlab.attention;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.seqlab.core.io.AtomicFiles;

/**
 * Renders attention weights as a PNG heatmap (Java2D): one row per output token, one column per
 * source token, cell darkness proportional to the weight (white 0, black 1), labels on both axes.
 */
public final class AttentionHeatmap {
  private static final int CELL = 22;

  private AttentionHeatmap() {}

  /**
   * Writes the image atomically.
   *
   * @param weights {@code [rows][cols]}, each in {@code [0, 1]}
   * @param rowLabels one per row (output tokens)
   * @param colLabels one per column (source tokens)
   */
  public static void write(Path png, double[][] weights, List<String> rowLabels, List<String> colLabels) throws IOException {
    BufferedImage img = render(weights, rowLabels, colLabels);
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(img, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }

  /** The heatmap as an image. */
  public static BufferedImage render(double[][] weights, List<String> rowLabels, List<String> colLabels) {
    int rows = weights.length;
    int cols = rows == 0 ? 0 : weights[0].length;
    if (rows == 0 || cols == 0 || rowLabels.size() != rows || colLabels.size() != cols) {
      throw new IllegalArgumentException("heatmap needs a non-empty [rows][cols] matrix with one label per row and column,"
          + " got " + rows + "x" + cols + " with " + rowLabels.size() + " row and " + colLabels.size() + " column labels");
    }
    Font font = new Font(Font.MONOSPACED, Font.PLAIN, 13);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(font);
    int left = 8 + rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
    int top = 8 + colLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
    pg.dispose();
    BufferedImage img = new BufferedImage(left + cols * CELL + 8, top + rows * CELL + 8, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setFont(font);
    for (int r = 0; r < rows; r++) {
      if (weights[r].length != cols) {
        throw new IllegalArgumentException("row " + r + " has " + weights[r].length + " weights, row 0 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        double w = Math.max(0, Math.min(1, weights[r][c]));
        int v = (int) Math.round(255 * (1 - w));
        g.setColor(new Color(v, v, v));
        g.fillRect(left + c * CELL, top + r * CELL, CELL, CELL);
      }
      g.setColor(Color.BLACK);
      g.drawString(label(rowLabels.get(r)), 4, top + r * CELL + CELL / 2 + fm.getAscent() / 2 - 1);
    }
    AffineTransform base = g.getTransform();
    for (int c = 0; c < cols; c++) {
      g.setTransform(base);
      g.translate(left + c * CELL + CELL / 2 + fm.getAscent() / 2 - 1, top - 4);
      g.rotate(-Math.PI / 2);
      g.drawString(label(colLabels.get(c)), 0, 0);
    }
    g.setTransform(base);
    g.setColor(Color.GRAY);
    g.drawRect(left, top, cols * CELL, rows * CELL);
    g.dispose();
    return img;
  }

  private static String label(String s) {
    return s.equals(" ") ? "\u2423" : s;
  }
}
