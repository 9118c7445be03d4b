package org.seqlab.corpora.audio;

/** Analysis windows {@code w[n]}, {@code n = 0 .. N-1}, in their periodic (DFT-even) form. */
public enum Window {
  /** {@code 1}. */
  RECTANGULAR,
  /** {@code 0.5 - 0.5 cos(2 pi n / N)}. */
  HANN,
  /** {@code 0.54 - 0.46 cos(2 pi n / N)}. */
  HAMMING;

  /** The window of length {@code n >= 1}. */
  public double[] coefficients(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + n);
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double c = Math.cos(2 * Math.PI * i / n);
      w[i] = switch (this) {
        case RECTANGULAR -> 1;
        case HANN -> 0.5 - 0.5 * c;
        case HAMMING -> 0.54 - 0.46 * c;
      };
    }
    return w;
  }
}
