package org.seqlab.embeddings;

import java.util.Arrays;

/**
 * Principal component analysis in plain Java: the rows are centred, the {@code [D, D]} covariance
 * {@code C = X^T X / (n - 1)} is diagonalised by cyclic Jacobi rotations (exact and deterministic,
 * no random start), and the eigenvectors with the largest eigenvalues are the components. Each
 * component's sign is fixed so that its largest-magnitude entry is positive. Meant for small inputs
 * (D up to a few hundred): word subsets to plot, definitional pairs for a bias direction.
 *
 * @param mean the column means, {@code [D]}
 * @param components unit principal directions, {@code [k][D]}, by decreasing variance
 * @param variances the variance along each component (the eigenvalues), {@code [k]}
 * @param totalVariance the trace of C, so {@code variances[i] / totalVariance} is the explained ratio
 */
public record Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {
  private static final int MAX_SWEEPS = 100;

  /**
   * Fits k components.
   *
   * @param rows {@code [n][D]}, n {@code >= 2}
   * @param k the number of components, {@code 1 <= k <= D}
   */
  public static Pca fit(double[][] rows, int k) {
    if (rows == null || rows.length < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 rows, got " + (rows == null ? "null" : rows.length));
    }
    int dim = rows[0].length;
    if (k < 1 || k > dim) {
      throw new IllegalArgumentException("k must be in [1, " + dim + "], got " + k);
    }
    double[] mean = new double[dim];
    for (double[] r : rows) {
      if (r.length != dim) {
        throw new IllegalArgumentException("all rows must have shape [" + dim + "], got [" + r.length + "]");
      }
      for (int d = 0; d < dim; d++) {
        mean[d] += r[d] / rows.length;
      }
    }
    double[][] cov = covariance(rows, mean);
    double trace = 0;
    for (int a = 0; a < dim; a++) {
      trace += cov[a][a];
    }
    double[][] vecs = new double[dim][dim]; // columns are eigenvectors
    double[] vals = jacobi(cov, vecs);
    Integer[] order = new Integer[dim];
    for (int i = 0; i < dim; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(vals[y], vals[x]));
    double[][] comps = new double[k][dim];
    double[] var = new double[k];
    for (int i = 0; i < k; i++) {
      int col = order[i];
      var[i] = Math.max(0, vals[col]);
      int big = 0;
      for (int d = 0; d < dim; d++) {
        comps[i][d] = vecs[d][col];
        if (Math.abs(comps[i][d]) > Math.abs(comps[i][big])) {
          big = d;
        }
      }
      if (comps[i][big] < 0) {
        for (int d = 0; d < dim; d++) {
          comps[i][d] = -comps[i][d];
        }
      }
    }
    return new Pca(mean, comps, var, trace);
  }

  /** The sample covariance {@code [D, D]} of the rows around {@code mean}. */
  private static double[][] covariance(double[][] rows, double[] mean) {
    int dim = mean.length;
    double[][] cov = new double[dim][dim];
    double[] c = new double[dim];
    for (double[] r : rows) {
      for (int d = 0; d < dim; d++) {
        c[d] = r[d] - mean[d];
      }
      for (int a = 0; a < dim; a++) {
        for (int b = a; b < dim; b++) {
          cov[a][b] += c[a] * c[b] / (rows.length - 1);
        }
      }
    }
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    return cov;
  }

  /** Coordinates of a row on the components: {@code (x - mean) . component_i}, {@code [k]}. */
  public double[] project(double[] x) {
    double[] out = new double[components.length];
    for (int i = 0; i < components.length; i++) {
      double s = 0;
      for (int d = 0; d < x.length; d++) {
        s += (x[d] - mean[d]) * components[i][d];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * Cyclic Jacobi eigenvalue algorithm for a symmetric matrix (destroyed). Returns the eigenvalues;
   * {@code vecs} receives the eigenvectors as columns.
   */
  static double[] jacobi(double[][] a, double[][] vecs) {
    int n = a.length;
    for (int i = 0; i < n; i++) {
      Arrays.fill(vecs[i], 0);
      vecs[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double diag = 0;
      for (int p = 0; p < n; p++) {
        diag += a[p][p] * a[p][p];
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-30 * Math.max(diag, 1e-300)) {
        break;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] != 0) {
            rotate(a, vecs, p, q);
          }
        }
      }
    }
    double[] vals = new double[n];
    for (int i = 0; i < n; i++) {
      vals[i] = a[i][i];
    }
    return vals;
  }

  /** One Jacobi rotation zeroing a[p][q] (Golub &amp; Van Loan, algorithm 8.4.2). */
  private static void rotate(double[][] a, double[][] v, int p, int q) {
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
