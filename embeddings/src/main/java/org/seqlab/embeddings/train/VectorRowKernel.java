package org.seqlab.embeddings.train;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} on the Vector API (loaded only through {@link RowKernel#best()}, so the class is
 * never touched when the incubator module is absent). Loops run over full vectors, then a scalar
 * tail.
 */
final class VectorRowKernel implements RowKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }

  @Override
  public float dot(float[] x, float[] y) {
    int n = x.length;
    int bound = S.loopBound(n);
    FloatVector acc = FloatVector.zero(S);
    int d = 0;
    for (; d < bound; d += S.length()) {
      acc = FloatVector.fromArray(S, x, d).fma(FloatVector.fromArray(S, y, d), acc);
    }
    float s = sum(acc);
    for (; d < n; d++) {
      s += x[d] * y[d];
    }
    return s;
  }

  @Override
  public void dots(float[] x, float[][] rows, int n, float[] out, int off) {
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      dot4(x, rows[k], rows[k + 1], rows[k + 2], rows[k + 3], out, off + k);
    }
    if (k + 2 <= n) {
      dot2(x, rows[k], rows[k + 1], out, off + k);
      k += 2;
    }
    if (k < n) {
      out[off + k] = dot(x, rows[k]);
    }
  }

  private static void dot2(float[] x, float[] a, float[] b, float[] out, int o) {
    int n = x.length;
    int bound = S.loopBound(n);
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, d);
      s0 = v.fma(FloatVector.fromArray(S, a, d), s0);
      s1 = v.fma(FloatVector.fromArray(S, b, d), s1);
    }
    float r0 = sum(s0);
    float r1 = sum(s1);
    for (; d < n; d++) {
      r0 += x[d] * a[d];
      r1 += x[d] * b[d];
    }
    out[o] = r0;
    out[o + 1] = r1;
  }

  private static void dot4(float[] x, float[] a, float[] b, float[] c, float[] e, float[] out, int o) {
    int n = x.length;
    int bound = S.loopBound(n);
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector v = FloatVector.fromArray(S, x, d);
      s0 = v.fma(FloatVector.fromArray(S, a, d), s0);
      s1 = v.fma(FloatVector.fromArray(S, b, d), s1);
      s2 = v.fma(FloatVector.fromArray(S, c, d), s2);
      s3 = v.fma(FloatVector.fromArray(S, e, d), s3);
    }
    float r0 = sum(s0);
    float r1 = sum(s1);
    float r2 = sum(s2);
    float r3 = sum(s3);
    for (; d < n; d++) {
      float v = x[d];
      r0 += v * a[d];
      r1 += v * b[d];
      r2 += v * c[d];
      r3 += v * e[d];
    }
    out[o] = r0;
    out[o + 1] = r1;
    out[o + 2] = r2;
    out[o + 3] = r3;
  }

  @Override
  public void combineInto(float[] y, float[][] rows, int n, float[] g, int gOff, int gStride) {
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      combine4(y, rows[k], rows[k + 1], rows[k + 2], rows[k + 3], g[gOff + k * gStride],
          g[gOff + (k + 1) * gStride], g[gOff + (k + 2) * gStride], g[gOff + (k + 3) * gStride]);
    }
    if (k + 2 <= n) {
      combine2(y, rows[k], rows[k + 1], g[gOff + k * gStride], g[gOff + (k + 1) * gStride]);
      k += 2;
    }
    if (k < n) {
      axpy(g[gOff + k * gStride], rows[k], y);
    }
  }

  private static void combine2(float[] y, float[] a, float[] b, float g0, float g1) {
    int n = y.length;
    int bound = S.loopBound(n);
    FloatVector v0 = FloatVector.broadcast(S, g0);
    FloatVector v1 = FloatVector.broadcast(S, g1);
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector acc = FloatVector.fromArray(S, y, d);
      acc = FloatVector.fromArray(S, a, d).fma(v0, acc);
      acc = FloatVector.fromArray(S, b, d).fma(v1, acc);
      acc.intoArray(y, d);
    }
    for (; d < n; d++) {
      y[d] += g0 * a[d] + g1 * b[d];
    }
  }

  private static void combine4(float[] y, float[] a, float[] b, float[] c, float[] e,
      float g0, float g1, float g2, float g3) {
    int n = y.length;
    int bound = S.loopBound(n);
    FloatVector v0 = FloatVector.broadcast(S, g0);
    FloatVector v1 = FloatVector.broadcast(S, g1);
    FloatVector v2 = FloatVector.broadcast(S, g2);
    FloatVector v3 = FloatVector.broadcast(S, g3);
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector acc = FloatVector.fromArray(S, y, d);
      acc = FloatVector.fromArray(S, a, d).fma(v0, acc);
      acc = FloatVector.fromArray(S, b, d).fma(v1, acc);
      acc = FloatVector.fromArray(S, c, d).fma(v2, acc);
      acc = FloatVector.fromArray(S, e, d).fma(v3, acc);
      acc.intoArray(y, d);
    }
    for (; d < n; d++) {
      y[d] += g0 * a[d] + g1 * b[d] + g2 * c[d] + g3 * e[d];
    }
  }

  private static void axpy(float g, float[] x, float[] y) {
    int n = y.length;
    int bound = S.loopBound(n);
    FloatVector gv = FloatVector.broadcast(S, g);
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector.fromArray(S, x, d).fma(gv, FloatVector.fromArray(S, y, d)).intoArray(y, d);
    }
    for (; d < n; d++) {
      y[d] += g * x[d];
    }
  }

  @Override
  public void add(float[] x, float[] y) {
    int n = y.length;
    int bound = S.loopBound(n);
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector.fromArray(S, y, d).add(FloatVector.fromArray(S, x, d)).intoArray(y, d);
    }
    for (; d < n; d++) {
      y[d] += x[d];
    }
  }

  @Override
  public void adagrad(float[] w, float[] c, float[] gw, float[] gc, float f) {
    int n = w.length;
    int bound = S.loopBound(n);
    int d = 0;
    for (; d < bound; d += S.length()) {
      FloatVector cv = FloatVector.fromArray(S, c, d);
      FloatVector wv = FloatVector.fromArray(S, w, d);
      FloatVector gwv = FloatVector.fromArray(S, gw, d);
      FloatVector gcv = FloatVector.fromArray(S, gc, d);
      FloatVector t1 = cv.mul(f);
      FloatVector t2 = wv.mul(f);
      wv.sub(t1.div(gwv.sqrt())).intoArray(w, d);
      cv.sub(t2.div(gcv.sqrt())).intoArray(c, d);
      t1.fma(t1, gwv).intoArray(gw, d);
      t2.fma(t2, gcv).intoArray(gc, d);
    }
    for (; d < n; d++) {
      float t1 = f * c[d];
      float t2 = f * w[d];
      w[d] -= t1 / (float) Math.sqrt(gw[d]);
      c[d] -= t2 / (float) Math.sqrt(gc[d]);
      gw[d] += t1 * t1;
      gc[d] += t2 * t2;
    }
  }

  /**
   * The lanes of {@code v} added in lane order. {@code reduceLanes(ADD)} leaves the order open, and
   * the JIT's intrinsic and the interpreter's fallback add in different orders on newer JDKs, so the
   * same seed would not give the same vectors in one JVM; lane extraction is exact.
   */
  static float sum(FloatVector v) {
    float s = 0;
    for (int i = 0; i < v.length(); i++) {
      s += v.lane(i);
    }
    return s;
  }
}
