package org.seqlab.corpora.audio;

/**
 * Cuts a signal into overlapping frames: frame {@code f} holds samples {@code [f * hop, f * hop +
 * length)}, and the last frame is zero-padded, so {@code ceil(max(n - length, 0) / hop) + 1} frames
 * cover {@code n > 0} samples ({@code 0} frames for an empty signal).
 */
public final class Framing {
  private Framing() {}

  /** Number of frames for {@code n} samples. */
  public static int frameCount(int n, int length, int hop) {
    check(length, hop);
    if (n <= 0) {
      return 0;
    }
    return n <= length ? 1 : (n - length + hop - 1) / hop + 1;
  }

  /**
   * @param x the signal
   * @param length samples per frame, {@code >= 1}
   * @param hop samples between frame starts, {@code >= 1}
   * @param window multiplied into each frame (length {@code length}), or null
   * @return {@code [frames][length]}
   */
  public static double[][] frames(double[] x, int length, int hop, double[] window) {
    int count = frameCount(x.length, length, hop);
    if (window != null && window.length != length) {
      throw new IllegalArgumentException("window has " + window.length + " coefficients, frames have " + length);
    }
    double[][] out = new double[count][length];
    for (int f = 0; f < count; f++) {
      int start = f * hop;
      int n = Math.min(length, x.length - start);
      for (int i = 0; i < n; i++) {
        out[f][i] = window == null ? x[start + i] : x[start + i] * window[i];
      }
    }
    return out;
  }

  private static void check(int length, int hop) {
    if (length < 1 || hop < 1) {
      throw new IllegalArgumentException("frame length and hop must be >= 1, got " + length + " and " + hop);
    }
  }
}
