package org.seqlab.attention.caption;

import java.util.Locale;

/**
 * The two object sizes, as radius ranges in units of the image side: small objects have radius
 * {@code [0.07, 0.09]}, large ones {@code [0.14, 0.17]}, so the classes never overlap even after
 * rendering at 48 pixels.
 */
public enum SizeKind {
  SMALL(0.07, 0.09),
  LARGE(0.14, 0.17);

  private final double min;
  private final double max;

  SizeKind(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /** The caption word, e.g. {@code small}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Smallest radius, a fraction of the image side. */
  public double minRadius() {
    return min;
  }

  /** Largest radius, a fraction of the image side. */
  public double maxRadius() {
    return max;
  }
}
