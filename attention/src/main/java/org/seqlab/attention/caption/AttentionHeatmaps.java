package org.seqlab.attention.caption;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.seqlab.core.io.AtomicFiles;

/**
 * Attention weights drawn over the image, as in Xu et al. (2015, figure 3): one panel per emitted
 * word (and the final {@code <eos>}), each the input image with that step's {@code G x G} weights
 * upsampled bilinearly to the panel, scaled so the step's largest weight is opaque, and blended in
 * as a white glow over the darkened image; the word is printed under its panel. The first panel is
 * the plain image.
 */
public final class AttentionHeatmaps {
  private static final int LABEL = 16;

  private AttentionHeatmaps() {}

  /**
   * @param image the captioned image
   * @param caption a caption with {@link Caption#attention()} weights
   * @param panel side of each panel in pixels ({@code >= 16})
   * @return a strip {@code (tokens + 2) * panel} wide
   * @throws IllegalArgumentException when the caption carries no attention weights
   */
  public static BufferedImage render(BufferedImage image, Caption caption, int panel) {
    Objects.requireNonNull(image, "image");
    if (caption.attention() == null) {
      throw new IllegalArgumentException(
          "caption has no attention weights: use a show-attend-and-tell model with DecodeOptions.withAttentionMaps(true)");
    }
    if (panel < 16) {
      throw new IllegalArgumentException("panel must be >= 16 pixels, got " + panel);
    }
    double[][] att = caption.attention();
    int n = att.length + 1;
    BufferedImage out = new BufferedImage(n * panel, panel + LABEL, BufferedImage.TYPE_INT_RGB);
    BufferedImage base = Images.resize(image, panel);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.drawImage(base, 0, 0, null);
      label(g, "image", 0, panel);
      for (int t = 0; t < att.length; t++) {
        g.drawImage(overlay(base, att[t], caption.gridSize()), (t + 1) * panel, 0, null);
        String word = t < caption.tokens().size() ? caption.tokens().get(t) : "<eos>";
        label(g, word, (t + 1) * panel, panel);
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Writes {@link #render} as a PNG, atomically. */
  public static void write(Path png, BufferedImage image, Caption caption, int panel) throws IOException {
    BufferedImage strip = render(image, caption, panel);
    AtomicFiles.write(png, o -> {
      if (!ImageIO.write(strip, "png", o)) {
        throw new IOException("no PNG writer available");
      }
    });
  }

  private static BufferedImage overlay(BufferedImage base, double[] weights, int grid) {
    int p = base.getWidth();
    if (weights.length != grid * grid) {
      throw new IllegalArgumentException("attention has " + weights.length + " weights for a " + grid + "x" + grid + " grid");
    }
    double max = 1e-12;
    for (double w : weights) {
      max = Math.max(max, w);
    }
    BufferedImage out = new BufferedImage(p, p, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < p; y++) {
      for (int x = 0; x < p; x++) {
        double a = bilinear(weights, grid, (x + 0.5) * grid / p - 0.5, (y + 0.5) * grid / p - 0.5) / max;
        int rgb = base.getRGB(x, y);
        int r = blend((rgb >> 16) & 0xff, a);
        int gr = blend((rgb >> 8) & 0xff, a);
        int b = blend(rgb & 0xff, a);
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  /** Darkens unattended pixels to 30% and lifts attended ones towards white. */
  private static int blend(int v, double a) {
    double dark = 0.3 * v;
    return (int) Math.round(Math.min(255, dark + a * (0.7 * v + 0.5 * (255 - v))));
  }

  private static double bilinear(double[] w, int g, double gx, double gy) {
    double x = Math.max(0, Math.min(g - 1, gx));
    double y = Math.max(0, Math.min(g - 1, gy));
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    int x1 = Math.min(g - 1, x0 + 1);
    int y1 = Math.min(g - 1, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = w[y0 * g + x0] * (1 - fx) + w[y0 * g + x1] * fx;
    double bottom = w[y1 * g + x0] * (1 - fx) + w[y1 * g + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  private static void label(Graphics2D g, String text, int x, int panel) {
    g.setComposite(AlphaComposite.SrcOver);
    g.setColor(Color.WHITE);
    int w = g.getFontMetrics().stringWidth(text);
    g.drawString(text, x + Math.max(1, (panel - w) / 2), panel + LABEL - 4);
  }
}
