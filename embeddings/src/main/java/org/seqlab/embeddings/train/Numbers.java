package org.seqlab.embeddings.train;

import java.math.BigDecimal;

/** Number formatting for signatures. */
public final class Numbers {
  private Numbers() {}

  /**
   * A short exact decimal: {@code 1e-4} for 0.0001, {@code 0.025}, {@code 10}, {@code 0.75}; values below
   * 0.01 use the {@code me-x} form word2vec users write.
   */
  public static String compact(double x) {
    if (x == 0) {
      return "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(x)).stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -2) {
      return bd.movePointRight(-exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
    return bd.toPlainString();
  }
}
