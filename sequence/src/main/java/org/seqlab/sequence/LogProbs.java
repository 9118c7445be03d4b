package org.seqlab.sequence;

/** Small numeric helpers over log-probabilities. */
final class LogProbs {
  private LogProbs() {}

  /** {@code log sum_i exp(z_i)}, stable for large and {@code -inf} entries. */
  static double logSumExp(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (double v : z) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s);
  }
}
