package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {
  @Test
  void jacobiSolvesRandomSymmetricMatrix() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 9;
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = rnd.nextDouble(-1, 1);
        a[j][i] = a[i][j];
      }
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = a[i].clone();
    }
    double[][] vecs = new double[n][n];
    double[] vals = Pca.jacobi(copy, vecs);
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        double av = 0;
        for (int j = 0; j < n; j++) {
          av += a[i][j] * vecs[j][k];
        }
        assertEquals(vals[k] * vecs[i][k], av, 1e-10, "A v = lambda v, pair " + k);
      }
    }
    double trace = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      trace += a[i][i];
      sum += vals[i];
    }
    assertEquals(trace, sum, 1e-10);
  }

  @Test
  void recoversPlantedAxes() {
    // points = 3 s u + 1 t w + small noise, with u, w orthonormal in R^4: variances 9 var(s), var(t)
    double[] u = {0.5, 0.5, 0.5, 0.5};
    double[] w = {0.5, -0.5, 0.5, -0.5};
    double[][] rows = {
      combo(u, 3, w, 1), combo(u, -3, w, 1), combo(u, 3, w, -1), combo(u, -3, w, -1), combo(u, 0, w, 0)
    };
    for (double[] r : rows) {
      r[0] += 10; // an offset the centring must remove
    }
    Pca p = Pca.fit(rows, 2);
    // var along u: (4 * 9) / (5 - 1) = 9; along w: 4 / 4 = 1
    assertEquals(9.0, p.variances()[0], 1e-9);
    assertEquals(1.0, p.variances()[1], 1e-9);
    assertEquals(10.0, p.totalVariance(), 1e-9);
    assertEquals(1.0, Math.abs(dot(p.components()[0], u)), 1e-9);
    assertEquals(1.0, Math.abs(dot(p.components()[1], w)), 1e-9);
    double[] c = p.project(rows[0]);
    assertEquals(3.0, Math.abs(c[0]), 1e-9);
    assertEquals(1.0, Math.abs(c[1]), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(new double[][] {{1, 2}}, 1));
    assertThrows(IllegalArgumentException.class, () -> Pca.fit(rows, 5));
  }

  private static double[] combo(double[] u, double a, double[] w, double b) {
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = a * u[i] + b * w[i];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
