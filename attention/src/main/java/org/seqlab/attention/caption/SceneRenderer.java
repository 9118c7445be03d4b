package org.seqlab.attention.caption;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Draws a {@link Scene} with Java2D (antialiased) on a dark grey background with a vertical
 * gradient, each object's colour jittered by up to 25 levels per channel, the objects in a random
 * order (so overlapping neighbours occlude each other in either direction), an optional grey bar
 * across the scene, and per-pixel Gaussian noise. Shapes are scaled to similar areas: a square's
 * half-side is {@code 0.886 r}, a triangle's circumradius {@code 1.3 r}.
 */
final class SceneRenderer {
  private final SceneConfig config;

  SceneRenderer(SceneConfig config) {
    this.config = config;
  }

  BufferedImage render(Scene scene, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int s = config.imageSize();
    BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int base = 35 + rng.nextInt(70);
      Color top = grey(base + rng.nextInt(21) - 10, rng);
      Color bottom = grey(base + rng.nextInt(41) - 20, rng);
      g.setPaint(new GradientPaint(0, 0, top, 0, s, bottom));
      g.fillRect(0, 0, s, s);
      int n = scene.objects().size();
      int[] order = permutation(n, rng);
      for (int k = 0; k < n; k++) {
        SceneObject o = scene.objects().get(order[k]);
        int[] rgb = o.colour().rgb();
        g.setColor(new Color(jitter(rgb[0], rng), jitter(rgb[1], rng), jitter(rgb[2], rng)));
        g.fill(outline(o, s));
      }
      if (rng.nextDouble() < config.occlusion()) {
        int level = 95 + rng.nextInt(70);
        g.setColor(new Color(level, level, level));
        g.setStroke(new BasicStroke((float) (s * (0.03 + 0.02 * rng.nextDouble())), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double a = rng.nextDouble() * Math.PI;
        double cx = s * (0.25 + 0.5 * rng.nextDouble());
        double cy = s * (0.25 + 0.5 * rng.nextDouble());
        double dx = Math.cos(a) * s;
        double dy = Math.sin(a) * s;
        g.draw(new Line2D.Double(cx - dx, cy - dy, cx + dx, cy + dy));
      }
    } finally {
      g.dispose();
    }
    addNoise(img, rng);
    return img;
  }

  private void addNoise(BufferedImage img, SplittableRandom rng) {
    double sd = config.noise() * 255;
    if (sd == 0) {
      return;
    }
    int s = img.getWidth();
    int[] px = img.getRGB(0, 0, s, s, null, 0, s);
    for (int i = 0; i < px.length; i++) {
      int r = noisy((px[i] >> 16) & 0xff, sd, rng);
      int gr = noisy((px[i] >> 8) & 0xff, sd, rng);
      int b = noisy(px[i] & 0xff, sd, rng);
      px[i] = (r << 16) | (gr << 8) | b;
    }
    img.setRGB(0, 0, s, s, px, 0, s);
  }

  private static int noisy(int v, double sd, SplittableRandom rng) {
    double u1 = 1 - rng.nextDouble();
    double u2 = rng.nextDouble();
    double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return (int) Math.max(0, Math.min(255, Math.round(v + sd * z)));
  }

  static Shape outline(SceneObject o, int side) {
    double r = o.radius() * side;
    Shape local = switch (o.shape()) {
      case CIRCLE -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
      case SQUARE, DIAMOND -> {
        double h = 0.886 * r;
        yield new Rectangle2D.Double(-h, -h, 2 * h, 2 * h);
      }
      case TRIANGLE -> {
        double c = 1.3 * r;
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < 3; k++) {
          double a = -Math.PI / 2 + k * 2 * Math.PI / 3;
          double px = c * Math.cos(a);
          double py = c * Math.sin(a) + 0.25 * c; // centre the triangle's bounding box
          if (k == 0) {
            p.moveTo(px, py);
          } else {
            p.lineTo(px, py);
          }
        }
        p.closePath();
        yield p;
      }
    };
    AffineTransform t = new AffineTransform();
    t.translate(o.x() * side, o.y() * side);
    t.rotate(o.angle());
    return t.createTransformedShape(local);
  }

  private static Color grey(int level, SplittableRandom rng) {
    int v = Math.max(0, Math.min(255, level));
    int tint = rng.nextInt(11) - 5;
    return new Color(v, Math.max(0, Math.min(255, v + tint)), Math.max(0, Math.min(255, v - tint)));
  }

  private static int jitter(int v, SplittableRandom rng) {
    return Math.max(0, Math.min(255, v + rng.nextInt(51) - 25));
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
