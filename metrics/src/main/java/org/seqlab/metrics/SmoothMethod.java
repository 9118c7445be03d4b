package org.seqlab.metrics;

/**
 * BLEU smoothing for zero n-gram matches (Chen and Cherry 2014, as implemented by sacreBLEU).
 */
public enum SmoothMethod {
  /** No smoothing: a zero precision makes the score 0. */
  NONE("none", Double.NaN),
  /** Zero precisions become {@code value / total} (default value 0.1). */
  FLOOR("floor", 0.1),
  /** Adds {@code value} to the matches and totals of orders 2..N (default value 1). */
  ADD_K("add-k", 1),
  /** mteval's exponential decay: the k-th zero precision becomes {@code 1 / (2^k total)}. */
  EXP("exp", Double.NaN);

  private final String signature;
  private final double defaultValue;

  SmoothMethod(String signature, double defaultValue) {
    this.signature = signature;
    this.defaultValue = defaultValue;
  }

  /** The sacreBLEU name ({@code exp}, {@code floor}, {@code add-k}, {@code none}). */
  public String signature() {
    return signature;
  }

  /** Whether the method takes a value ({@link #FLOOR} and {@link #ADD_K}). */
  public boolean takesValue() {
    return !Double.isNaN(defaultValue);
  }

  /** The default value for methods that take one; NaN otherwise. */
  public double defaultValue() {
    return defaultValue;
  }

  /**
   * Looks a method up by its sacreBLEU name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SmoothMethod fromName(String name) {
    for (SmoothMethod m : values()) {
      if (m.signature.equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown smoothing method '" + name + "'; expected one of exp, floor, add-k, none");
  }
}
