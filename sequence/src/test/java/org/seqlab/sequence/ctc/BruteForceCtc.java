package org.seqlab.sequence.ctc;

import java.util.ArrayList;
import java.util.List;

/** CTC by enumeration of all {@code C^T} alignments: the reference for tiny cases. */
final class BruteForceCtc {
  private BruteForceCtc() {}

  /** Collapses an alignment: merge repeats, then drop blanks. */
  static int[] collapse(int[] path, int blank) {
    List<Integer> out = new ArrayList<>();
    int prev = -1;
    for (int p : path) {
      if (p != prev && p != blank) {
        out.add(p);
      }
      prev = p;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code -log sum_{π: B(π) = target} prod_t softmax(z_t)(π_t)} over the first {@code len} frames.
   *
   * @param z {@code [T][C]} logits
   */
  static double loss(double[][] z, int len, int[] target, int blank) {
    int c = z[0].length;
    double[][] p = new double[len][c];
    for (int t = 0; t < len; t++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z[t]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        p[t][k] = Math.exp(z[t][k] - max);
        sum += p[t][k];
      }
      for (int k = 0; k < c; k++) {
        p[t][k] /= sum;
      }
    }
    int[] path = new int[len];
    double total = 0;
    long count = (long) Math.pow(c, len);
    for (long code = 0; code < count; code++) {
      long r = code;
      double prob = 1;
      for (int t = 0; t < len; t++) {
        path[t] = (int) (r % c);
        r /= c;
        prob *= p[t][path[t]];
      }
      if (java.util.Arrays.equals(collapse(path, blank), target)) {
        total += prob;
      }
    }
    return -Math.log(total);
  }
}
