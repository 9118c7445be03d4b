package org.seqlab.attention.caption;

import java.util.Locale;

/** The shapes a synthetic scene draws, each named by one caption word. */
public enum ShapeKind {
  CIRCLE,
  SQUARE,
  TRIANGLE,
  DIAMOND;

  /** The caption word, e.g. {@code circle}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
