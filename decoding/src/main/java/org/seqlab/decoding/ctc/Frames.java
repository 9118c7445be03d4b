package org.seqlab.decoding.ctc;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Converts network outputs to the per-frame log-probabilities the decoders read. */
public final class Frames {
  private Frames() {}

  /**
   * Row-wise log-softmax of one example's logits.
   *
   * @param logits {@code [B, T, C]} unnormalised scores
   * @param b the example
   * @param length frames to take, in {@code [0, T]}
   * @return {@code [length][C]} log-probabilities
   */
  public static double[][] logSoftmax(INDArray logits, int b, int length) {
    if (logits.rank() != 3) {
      throw new IllegalArgumentException("logits must be [B, T, C], got " + Arrays.toString(logits.shape()));
    }
    if (b < 0 || b >= logits.size(0) || length < 0 || length > logits.size(1)) {
      throw new IllegalArgumentException(
          "example " + b + " / length " + length + " outside logits " + Arrays.toString(logits.shape()));
    }
    int c = (int) logits.size(2);
    double[][] out = new double[length][];
    INDArray ex = logits.slice(b).castTo(DataType.DOUBLE); // [T, C]
    for (int t = 0; t < length; t++) {
      out[t] = logSoftmax(ex.getRow(t).toDoubleVector());
      if (out[t].length != c) {
        throw new IllegalStateException("row of " + out[t].length + " classes, expected " + c);
      }
    }
    return out;
  }

  /** {@code z - logsumexp(z)}. */
  public static double[] logSoftmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double s = 0;
    for (double v : z) {
      s += Math.exp(v - max);
    }
    double logZ = max + Math.log(s);
    double[] out = new double[z.length];
    for (int k = 0; k < z.length; k++) {
      out[k] = z[k] - logZ;
    }
    return out;
  }

  static void check(double[][] logProbs, int blank) {
    if (logProbs == null) {
      throw new IllegalArgumentException("logProbs must not be null");
    }
    int c = logProbs.length == 0 ? -1 : logProbs[0].length;
    for (int t = 0; t < logProbs.length; t++) {
      if (logProbs[t] == null || logProbs[t].length != c) {
        throw new IllegalArgumentException(
            "frame " + t + " has " + (logProbs[t] == null ? "no row" : logProbs[t].length + " classes") + ", frame 0 has " + c);
      }
    }
    if (c != -1 && (blank < 0 || blank >= c)) {
      throw new IllegalArgumentException("blank " + blank + " is outside the " + c + " classes");
    }
  }
}
