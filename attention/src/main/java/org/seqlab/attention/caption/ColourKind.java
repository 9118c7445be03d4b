package org.seqlab.attention.caption;

import java.util.Locale;

/** The colours of scene objects, with the base RGB the renderer jitters. */
public enum ColourKind {
  RED(220, 40, 40),
  GREEN(40, 185, 60),
  BLUE(50, 90, 235),
  YELLOW(235, 220, 50),
  PURPLE(165, 60, 205);

  private final int r;
  private final int g;
  private final int b;

  ColourKind(int r, int g, int b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }

  /** The caption word, e.g. {@code red}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Base colour as {@code {r, g, b}} in {@code [0, 255]}. */
  public int[] rgb() {
    return new int[] {r, g, b};
  }
}
