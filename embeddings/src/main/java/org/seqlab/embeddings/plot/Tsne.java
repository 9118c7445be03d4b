package org.seqlab.embeddings.plot;

import java.util.SplittableRandom;

/**
 * Exact t-SNE (van der Maaten &amp; Hinton 2008, "Visualizing Data using t-SNE"), {@code O(n^2)} per
 * step, for up to {@value #MAX_POINTS} points.
 *
 * <p>Input affinities: {@code p_{j|i} = exp(-beta_i |x_i - x_j|^2) / sum_k exp(-beta_i |x_i - x_k|^2)}
 * with beta_i found by bisection so that {@code 2^H(P_i)} equals the perplexity; then {@code p_ij =
 * (p_{j|i} + p_{i|j}) / 2n}. Output affinities use a Student-t kernel, {@code q_ij = (1 + |y_i -
 * y_j|^2)^-1 / sum_{k != l} (1 + |y_k - y_l|^2)^-1}, and gradient descent minimises {@code KL(P || Q)}
 * with gradient {@code 4 sum_j (p_ij - q_ij)(y_i - y_j)(1 + |y_i - y_j|^2)^-1}.
 */
final class Tsne {
  static final int MAX_POINTS = 1000;
  private static final int EXAGGERATION_STEPS = 250;

  /** @param y the embedding {@code [n][2]}; @param kl the final KL(P || Q) */
  record Result(double[][] y, double kl) {}

  private Tsne() {}

  static Result run(double[][] x, TsneConfig c) {
    int n = x.length;
    if (n < 2 || n > MAX_POINTS) {
      throw new IllegalArgumentException("exact t-SNE takes 2 to " + MAX_POINTS + " points, got " + n);
    }
    if (c.perplexity() >= n) {
      throw new IllegalArgumentException("perplexity must be below the number of points " + n + ", got " + c.perplexity());
    }
    double[][] p = affinities(x, c.perplexity());
    SplittableRandom rnd = new SplittableRandom(c.seed());
    double[][] y = new double[n][2];
    for (double[] row : y) {
      row[0] = 1e-4 * gaussian(rnd);
      row[1] = 1e-4 * gaussian(rnd);
    }
    double[][] vel = new double[n][2];
    double[][] gains = new double[n][2];
    for (double[] g : gains) {
      g[0] = 1;
      g[1] = 1;
    }
    double[][] grad = new double[n][2];
    double[][] num = new double[n][n];
    for (int it = 0; it < c.iterations(); it++) {
      double exag = it < EXAGGERATION_STEPS ? c.earlyExaggeration() : 1;
      double momentum = it < EXAGGERATION_STEPS ? 0.5 : 0.8;
      gradient(p, y, exag, num, grad);
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < 2; d++) {
          boolean sameSign = (grad[i][d] > 0) == (vel[i][d] > 0);
          gains[i][d] = Math.max(0.01, sameSign ? gains[i][d] * 0.8 : gains[i][d] + 0.2);
          vel[i][d] = momentum * vel[i][d] - c.learningRate() * gains[i][d] * grad[i][d];
          y[i][d] += vel[i][d];
        }
      }
      center(y);
    }
    return new Result(y, kl(p, y));
  }

  /** Symmetrised input affinities P, {@code [n][n]}, summing to 1. */
  static double[][] affinities(double[][] x, double perplexity) {
    int n = x.length;
    double[][] d2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < x[i].length; k++) {
          double t = x[i][k] - x[j][k];
          s += t * t;
        }
        d2[i][j] = s;
        d2[j][i] = s;
      }
    }
    double[][] cond = new double[n][];
    for (int i = 0; i < n; i++) {
      cond[i] = conditional(d2[i], i, Math.log(perplexity));
    }
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i][j] = Math.max((cond[i][j] + cond[j][i]) / (2.0 * n), 1e-12);
      }
      p[i][i] = 0;
    }
    return p;
  }

  /** p_{j|i} for one i, with beta bisected so that the entropy (nats) is {@code logPerp}. */
  private static double[] conditional(double[] d2, int i, double logPerp) {
    int n = d2.length;
    double[] pr = new double[n];
    double beta = 1;
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        min = Math.min(min, d2[j]);
      }
    }
    for (int step = 0; step < 100; step++) {
      double sum = 0;
      double dot = 0;
      for (int j = 0; j < n; j++) {
        pr[j] = j == i ? 0 : Math.exp(-beta * (d2[j] - min)); // shifted by min for stability
        sum += pr[j];
        dot += pr[j] * (d2[j] - min);
      }
      double h = Math.log(sum) + beta * dot / sum;
      for (int j = 0; j < n; j++) {
        pr[j] /= sum;
      }
      if (Math.abs(h - logPerp) < 1e-5) {
        break;
      }
      if (h > logPerp) {
        lo = beta;
        beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = (beta + lo) / 2;
      }
    }
    return pr;
  }

  /** The KL gradient {@code [n][2]} into grad, with P scaled by exag; num is scratch {@code [n][n]}. */
  static void gradient(double[][] p, double[][] y, double exag, double[][] num, double[][] grad) {
    int n = y.length;
    double z = 0;
    for (int i = 0; i < n; i++) {
      num[i][i] = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = y[i][0] - y[j][0];
        double dy = y[i][1] - y[j][1];
        double q = 1 / (1 + dx * dx + dy * dy);
        num[i][j] = q;
        num[j][i] = q;
        z += 2 * q;
      }
    }
    for (int i = 0; i < n; i++) {
      double gx = 0;
      double gy = 0;
      for (int j = 0; j < n; j++) {
        double m = (exag * p[i][j] - num[i][j] / z) * num[i][j];
        gx += m * (y[i][0] - y[j][0]);
        gy += m * (y[i][1] - y[j][1]);
      }
      grad[i][0] = 4 * gx;
      grad[i][1] = 4 * gy;
    }
  }

  /** KL(P || Q) of an embedding. */
  static double kl(double[][] p, double[][] y) {
    int n = y.length;
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          z += 1 / (1 + sq(y[i][0] - y[j][0]) + sq(y[i][1] - y[j][1]));
        }
      }
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double q = Math.max(1 / (1 + sq(y[i][0] - y[j][0]) + sq(y[i][1] - y[j][1])) / z, 1e-12);
          kl += p[i][j] * Math.log(p[i][j] / q);
        }
      }
    }
    return kl;
  }

  private static double sq(double x) {
    return x * x;
  }

  private static void center(double[][] y) {
    double mx = 0;
    double my = 0;
    for (double[] r : y) {
      mx += r[0] / y.length;
      my += r[1] / y.length;
    }
    for (double[] r : y) {
      r[0] -= mx;
      r[1] -= my;
    }
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
