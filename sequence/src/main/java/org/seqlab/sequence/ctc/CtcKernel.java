package org.seqlab.sequence.ctc;

/**
 * Forward-backward over the blank-extended label sequence of one example, in plain Java doubles.
 *
 * <p>Two recursions compute the same quantities (see the package documentation for the equations):
 *
 * <ul>
 *   <li>{@link #scaled} keeps {@code alpha_t} and {@code beta_t} as probabilities renormalised to
 *       sum 1 at every step (Rabiner 1989; Graves 2012, section 7.3.1) and accumulates the
 *       normalisers in log space, so it needs one multiply-add per transition and no transcendental
 *       function in the inner loop;
 *   <li>{@link #logSpace} keeps every value as a logarithm and combines them with log-sum-exp.
 * </ul>
 *
 * <p>The scaled recursion is exact unless an entire step underflows (every state reachable at step
 * {@code t} has emission probability below ~1e-290 relative to the mass carried in, which takes
 * logit gaps of ~700 nats); it detects that and the caller reruns the example in log space. States
 * that cannot lie on a complete alignment at step {@code t} ({@code s > 2t + 1} or {@code s < S -
 * 2(len - t)}) are skipped by both.
 *
 * <p>Layout: {@code lp} and {@code y} are {@code [B*T*C]} batch-major log-softmax outputs and their
 * exponentials; the example's rows start at {@code off}. The gradient (with respect to the logits,
 * unscaled: {@code y_tk - sum_{s: l'_s = k} gamma_t(s)}) is written to {@code grad[off ..]} for the
 * {@code len} valid frames when {@code grad} is non-null.
 */
final class CtcKernel {
  /** Below this a normaliser is treated as an underflow. */
  private static final double TINY = 1e-290;

  private CtcKernel() {}

  /** Blank-extended labels {@code l'}: blank, l_1, blank, l_2, ..., blank. */
  static int[] extend(int[] labels, int blank) {
    int[] ext = new int[2 * labels.length + 1];
    java.util.Arrays.fill(ext, blank);
    for (int i = 0; i < labels.length; i++) {
      ext[2 * i + 1] = labels[i];
    }
    return ext;
  }

  /** {@code skip[s]}: the transition {@code s - 2 -> s} is allowed (l'_s is a label differing from l'_{s-2}). */
  static boolean[] skips(int[] ext, int blank) {
    boolean[] skip = new boolean[ext.length];
    for (int s = 2; s < ext.length; s++) {
      skip[s] = ext[s] != blank && ext[s] != ext[s - 2];
    }
    return skip;
  }

  /** Frames needed to emit {@code labels}: one per label plus one blank between equal neighbours. */
  static int minimumFrames(int[] labels) {
    int n = labels.length;
    for (int i = 1; i < labels.length; i++) {
      if (labels[i] == labels[i - 1]) {
        n++;
      }
    }
    return n;
  }

  private static int lo(int s, int len, int t) {
    return Math.max(0, s - 2 * (len - t));
  }

  private static int hi(int s, int t) {
    return Math.min(s - 1, 2 * t + 1);
  }

  /**
   * The scaled recursion.
   *
   * @return {@code -log p(labels | x)}, or NaN when a step underflowed (rerun with {@link #logSpace})
   */
  static double scaled(double[] y, int off, int len, int c, int[] labels, int blank, double[] grad) {
    int[] ext = extend(labels, blank);
    boolean[] skip = skips(ext, blank);
    int s = ext.length;
    double[] a = new double[len * s]; // [len, S] alpha_t / prod_{u<=t} c_u
    double logp = 0;
    for (int t = 0; t < len; t++) {
      int lo = lo(s, len, t);
      int hi = hi(s, t);
      int base = t * s;
      int row = off + t * c;
      double sum = 0;
      for (int k = lo; k <= hi; k++) {
        double v;
        if (t == 0) {
          v = 1;
        } else {
          int p = base - s + k;
          v = a[p] + (k > 0 ? a[p - 1] : 0) + (skip[k] ? a[p - 2] : 0);
        }
        v *= y[row + ext[k]];
        a[base + k] = v;
        sum += v;
      }
      if (!(sum > TINY)) {
        return Double.NaN;
      }
      double inv = 1 / sum;
      for (int k = lo; k <= hi; k++) {
        a[base + k] *= inv;
      }
      logp += Math.log(sum);
    }
    int last = (len - 1) * s;
    double fin = a[last + s - 1] + (s > 1 ? a[last + s - 2] : 0);
    if (!(fin > TINY)) {
      return Double.NaN;
    }
    logp += Math.log(fin);
    if (grad != null && !scaledGradient(y, off, len, c, ext, skip, a, grad)) {
      return Double.NaN;
    }
    return -logp;
  }

  private static boolean scaledGradient(
      double[] y, int off, int len, int c, int[] ext, boolean[] skip, double[] a, double[] grad) {
    int s = ext.length;
    double[] b = new double[s]; // beta_t (excluding the emission at t), renormalised
    double[] e = new double[s + 2]; // y_{t+1}(l'_k) beta_{t+1}(k), two zeros of padding
    b[s - 1] = 1;
    if (s > 1) {
      b[s - 2] = 1;
    }
    for (int t = len - 1; t >= 0; t--) {
      int lo = lo(s, len, t);
      int hi = hi(s, t);
      int row = off + t * c;
      if (t < len - 1) {
        int nlo = lo(s, len, t + 1);
        int nhi = hi(s, t + 1);
        java.util.Arrays.fill(e, 0);
        for (int k = nlo; k <= nhi; k++) {
          e[k] = b[k] * y[row + c + ext[k]];
        }
        double sum = 0;
        java.util.Arrays.fill(b, 0);
        for (int k = lo; k <= hi; k++) {
          double v = e[k] + e[k + 1] + (k + 2 < s && skip[k + 2] ? e[k + 2] : 0);
          b[k] = v;
          sum += v;
        }
        if (!(sum > TINY)) {
          return false;
        }
        double inv = 1 / sum;
        for (int k = lo; k <= hi; k++) {
          b[k] *= inv;
        }
      }
      double z = 0;
      int base = t * s;
      for (int k = lo; k <= hi; k++) {
        z += a[base + k] * b[k];
      }
      if (!(z > TINY)) {
        return false;
      }
      System.arraycopy(y, row, grad, row, c);
      double inv = 1 / z;
      for (int k = lo; k <= hi; k++) {
        grad[row + ext[k]] -= a[base + k] * b[k] * inv;
      }
    }
    return true;
  }

  /**
   * The log-space recursion: exact for any logits (including {@code -inf} log-probabilities).
   *
   * @return {@code -log p(labels | x)}, {@code +inf} when no alignment has non-zero probability
   */
  static double logSpace(double[] lp, double[] y, int off, int len, int c, int[] labels, int blank, double[] grad) {
    int[] ext = extend(labels, blank);
    boolean[] skip = skips(ext, blank);
    int s = ext.length;
    double ninf = Double.NEGATIVE_INFINITY;
    double[] la = new double[len * s]; // [len, S] log alpha_t(s), emission at t included
    java.util.Arrays.fill(la, ninf);
    for (int t = 0; t < len; t++) {
      int base = t * s;
      int row = off + t * c;
      for (int k = lo(s, len, t); k <= hi(s, t); k++) {
        double v;
        if (t == 0) {
          v = 0;
        } else {
          int p = base - s + k;
          v = logSumExp(la[p], k > 0 ? la[p - 1] : ninf, skip[k] ? la[p - 2] : ninf);
        }
        la[base + k] = v + lp[row + ext[k]];
      }
    }
    int last = (len - 1) * s;
    double logp = logSumExp(la[last + s - 1], s > 1 ? la[last + s - 2] : ninf, ninf);
    if (grad == null) {
      return -logp;
    }
    double[] lb = new double[s]; // log beta_t(s), emission at t excluded
    double[] e = new double[s + 2];
    java.util.Arrays.fill(lb, ninf);
    lb[s - 1] = 0;
    if (s > 1) {
      lb[s - 2] = 0;
    }
    for (int t = len - 1; t >= 0; t--) {
      int row = off + t * c;
      if (t < len - 1) {
        java.util.Arrays.fill(e, ninf);
        for (int k = 0; k < s; k++) {
          e[k] = lb[k] + lp[row + c + ext[k]];
        }
        java.util.Arrays.fill(lb, ninf);
        for (int k = lo(s, len, t); k <= hi(s, t); k++) {
          lb[k] = logSumExp(e[k], e[k + 1], k + 2 < s && skip[k + 2] ? e[k + 2] : ninf);
        }
      }
      System.arraycopy(y, row, grad, row, c);
      int base = t * s;
      for (int k = lo(s, len, t); k <= hi(s, t); k++) {
        grad[row + ext[k]] -= Math.exp(la[base + k] + lb[k] - logp);
      }
    }
    return -logp;
  }

  static double logSumExp(double a, double b, double c) {
    double m = Math.max(a, Math.max(b, c));
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m));
  }
}
