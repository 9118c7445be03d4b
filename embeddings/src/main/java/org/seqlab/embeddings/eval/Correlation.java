package org.seqlab.embeddings.eval;

import java.util.Arrays;

/**
 * Pearson and Spearman correlation coefficients. Spearman's rho is the Pearson correlation of the
 * ranks, with tied values given the average of the ranks they span (as {@code scipy.stats.spearmanr}
 * does), so {@code rho = 1 - 6 sum d^2 / (n (n^2 - 1))} holds only without ties.
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r of two equally long samples; NaN if either has zero variance. */
  public static double pearson(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }

  /** Spearman's rho with average ranks for ties; NaN if either sample is constant. */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    return pearson(ranks(x), ranks(y));
  }

  /** 1-based ranks of the values, ties sharing the average of their ranks. */
  public static double[] ranks(double[] x) {
    int n = x.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && Double.compare(x[order[j + 1]], x[order[i]]) == 0) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  private static void check(double[] x, double[] y) {
    if (x == null || y == null || x.length != y.length) {
      throw new IllegalArgumentException(
          "samples must have the same length, got " + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
    }
    if (x.length < 2) {
      throw new IllegalArgumentException("need at least 2 pairs for a correlation, got " + x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
        throw new IllegalArgumentException("samples must not contain NaN, found one at index " + i);
      }
    }
  }
}
