package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both row kernels against a plain double-precision reference, on odd lengths (vector tails). */
class RowKernelTest {
  private static float[] row(SplittableRandom r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return x;
  }

  private static List<RowKernel> kernels() {
    return List.of(RowKernel.scalar(), RowKernel.best());
  }

  @Test
  void dotsAndCombinationsMatchReference() {
    SplittableRandom r = new SplittableRandom(1);
    for (RowKernel k : kernels()) {
      for (int n : new int[] {1, 7, 8, 13, 100, 301}) {
        float[] x = row(r, n);
        float[][] rows = {row(r, n), row(r, n), row(r, n), row(r, n), row(r, n), row(r, n)};
        float[] out = new float[8];
        k.dots(x, rows, 6, out, 2);
        for (int j = 0; j < 6; j++) {
          double ref = 0;
          for (int d = 0; d < n; d++) {
            ref += (double) x[d] * rows[j][d];
          }
          assertEquals(ref, out[2 + j], 1e-5 * n, k.name() + " dot n=" + n);
          assertEquals(ref, k.dot(x, rows[j]), 1e-5 * n, k.name() + " dot n=" + n);
        }
        float[] g = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f, 9f};
        float[] y = x.clone();
        k.combineInto(y, rows, 5, g, 1, 1); // uses g[1..5]
        for (int d = 0; d < n; d++) {
          double ref = x[d];
          for (int j = 0; j < 5; j++) {
            ref += (double) g[1 + j] * rows[j][d];
          }
          assertEquals(ref, y[d], 1e-5, k.name() + " combine n=" + n);
        }
      }
    }
  }

  @Test
  void adagradMatchesReference() {
    SplittableRandom r = new SplittableRandom(2);
    for (RowKernel k : kernels()) {
      int n = 37;
      float[] w = row(r, n);
      float[] c = row(r, n);
      float[] gw = new float[n];
      float[] gc = new float[n];
      for (int d = 0; d < n; d++) {
        gw[d] = 1 + (float) r.nextDouble();
        gc[d] = 1 + (float) r.nextDouble();
      }
      float[] w0 = w.clone();
      float[] c0 = c.clone();
      float[] gw0 = gw.clone();
      float[] gc0 = gc.clone();
      k.adagrad(w, c, gw, gc, 0.3f);
      for (int d = 0; d < n; d++) {
        double t1 = 0.3 * c0[d];
        double t2 = 0.3 * w0[d];
        assertEquals(w0[d] - t1 / Math.sqrt(gw0[d]), w[d], 1e-6, k.name());
        assertEquals(c0[d] - t2 / Math.sqrt(gc0[d]), c[d], 1e-6, k.name());
        assertEquals(gw0[d] + t1 * t1, gw[d], 1e-6, k.name());
        assertEquals(gc0[d] + t2 * t2, gc[d], 1e-6, k.name());
      }
    }
  }

  @Test
  void vectorKernelIsPickedWhenTheModuleIsPresent() {
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    assertEquals(present, RowKernel.best().name().startsWith("vector"), RowKernel.best().name());
  }
}
