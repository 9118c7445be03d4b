package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The vector gate kernel against the scalar one on random rows, with hidden sizes that leave tails. */
class JavaKernelsTest {
  private static final double TOL = 1e-13;
  private static final JavaKernels SCALAR = JavaKernels.scalar();
  private static final JavaKernels BEST = JavaKernels.best();

  private static double[] random(SplittableRandom r, int n, double scale) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (r.nextDouble() * 2 - 1) * scale;
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 7, 8, 13, 64})
  void lstmForwardAndBackwardAgree(int hid) {
    // the test JVM has the vector module (surefire argLine), so BEST is the vector kernel
    assertNotSame(SCALAR, BEST, "expected the vector kernel under --add-modules jdk.incubator.vector");
    for (boolean peep : new boolean[] {false, true}) {
      SplittableRandom r = new SplittableRandom(hid * 31L + (peep ? 1 : 0));
      int off = 5; // rows do not start at 0 in the real buffers
      double[] z = random(r, off + 4 * hid, 3);
      double[] rec = random(r, off + 4 * hid, 3);
      double[] c = random(r, 2 * off + 2 * hid, 1);
      double[] p = peep ? random(r, 3 * hid, 0.5) : null;
      double[] z2 = z.clone();
      double[] c2 = c.clone();
      double[] h1 = new double[2 * off + 2 * hid];
      double[] h2 = h1.clone();
      double[] tc1 = new double[off + hid];
      double[] tc2 = tc1.clone();
      SCALAR.lstmForward(z, off, rec, off, c, off, off + hid, h1, tc1, off, p, hid);
      BEST.lstmForward(z2, off, rec, off, c2, off, off + hid, h2, tc2, off, p, hid);
      assertArrayEquals(z, z2, TOL);
      assertArrayEquals(c, c2, TOL);
      assertArrayEquals(h1, h2, TOL);
      assertArrayEquals(tc1, tc2, TOL);
      double[] dh = random(r, off + hid, 1);
      double[] dy = random(r, off + hid, 1);
      double[] dc1 = random(r, off + hid, 1);
      double[] dc2 = dc1.clone();
      double[] dz1 = new double[off + 4 * hid];
      double[] dz2 = dz1.clone();
      double[] dp1 = peep ? random(r, 3 * hid, 1) : null;
      double[] dp2 = peep ? dp1.clone() : null;
      SCALAR.lstmBackward(z, off, tc1, off, c, off, off + hid, dh, dc1, off, dy, off, dz1, p, dp1, hid);
      BEST.lstmBackward(z, off, tc1, off, c, off, off + hid, dh, dc2, off, dy, off, dz2, p, dp2, hid);
      assertArrayEquals(dz1, dz2, TOL);
      assertArrayEquals(dc1, dc2, TOL);
      if (peep) {
        assertArrayEquals(dp1, dp2, TOL);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 7, 8, 13, 64})
  void gruForwardAndBackwardAgree(int hid) {
    SplittableRandom r = new SplittableRandom(hid);
    int off = 3;
    double[] z = random(r, off + 3 * hid, 3);
    double[] z2 = z.clone();
    double[] rec = random(r, off + 3 * hid, 3);
    double[] bhh = random(r, 3 * hid, 1);
    double[] h1 = random(r, 2 * off + 2 * hid, 1);
    double[] h2 = h1.clone();
    double[] un1 = new double[off + hid];
    double[] un2 = un1.clone();
    SCALAR.gruForward(z, off, rec, off, bhh, un1, off, h1, off, off + hid, hid);
    BEST.gruForward(z2, off, rec, off, bhh, un2, off, h2, off, off + hid, hid);
    assertArrayEquals(z, z2, TOL);
    assertArrayEquals(h1, h2, TOL);
    assertArrayEquals(un1, un2, TOL);
    double[] dh = random(r, off + hid, 1);
    double[] dy = random(r, off + hid, 1);
    double[][] a = {new double[off + 3 * hid], new double[off + 3 * hid], random(r, 3 * hid, 1), new double[off + hid]};
    double[][] b = {a[0].clone(), a[1].clone(), a[2].clone(), a[3].clone()};
    SCALAR.gruBackward(z, off, un1, off, h1, off, dh, off, dy, off, a[0], a[1], a[2], a[3], hid);
    BEST.gruBackward(z, off, un1, off, h1, off, dh, off, dy, off, b[0], b[1], b[2], b[3], hid);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], TOL, "output " + i);
    }
    double[] x1 = random(r, off + hid, 4);
    double[] x2 = x1.clone();
    SCALAR.tanhAdd(x1, off, rec, off, hid);
    BEST.tanhAdd(x2, off, rec, off, hid);
    assertArrayEquals(x1, x2, TOL);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 8, 9, 100})
  void adamAndSoftmaxAgree(int n) {
    SplittableRandom r = new SplittableRandom(n);
    float[] w = new float[n];
    float[] g = new float[n];
    float[] m = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) r.nextGaussian();
      g[i] = (float) r.nextGaussian();
      m[i] = (float) (r.nextGaussian() * 0.1);
      v[i] = (float) r.nextDouble();
    }
    float[][] a = {w.clone(), m.clone(), v.clone()};
    float[][] b = {w.clone(), m.clone(), v.clone()};
    JavaKernels.AdamStep s = new JavaKernels.AdamStep(0.9f, 0.999f, 1e-8f, 1e-3f, 0.01f, 0.19f, 0.002f);
    SCALAR.adam(a[0], g, a[1], a[2], 0, n, s);
    BEST.adam(b[0], g, b[1], b[2], 0, n, s);
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(a[k], b[k], 1e-6f, "adam array " + k);
    }
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * 5);
    }
    float[] y = x.clone();
    double la = SCALAR.softmax(x, n);
    double lb = BEST.softmax(y, n);
    assertArrayEquals(x, y, 1e-6f);
    assertEquals(la, lb, 1e-5);
    double sum = 0;
    for (float p : y) {
      sum += p;
    }
    assertEquals(1.0, sum, 1e-5);
  }
}
