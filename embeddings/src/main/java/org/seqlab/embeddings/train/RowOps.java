package org.seqlab.embeddings.train;

/**
 * Row kernels on separate {@code float[]} rows, all indexed from 0. HotSpot's C2 (JDK 17) vectorises
 * an element-wise loop only when all its arrays share one index expression, which is why the
 * trainers keep each embedding as its own array instead of a slice of one big matrix. Float sums are
 * not reassociated by the JIT, so the dot products use several independent accumulators instead.
 */
public final class RowOps {
  /** These methods as a {@link RowKernel}. */
  static final RowKernel KERNEL = new RowKernel() {
    @Override
    public float dot(float[] x, float[] y) {
      return RowOps.dot(x, y);
    }

    @Override
    public void dots(float[] x, float[][] rows, int n, float[] out, int off) {
      RowOps.dots(x, rows, n, out, off);
    }

    @Override
    public void combineInto(float[] y, float[][] rows, int n, float[] g, int gOff, int gStride) {
      RowOps.combineInto(y, rows, n, g, gOff, gStride);
    }

    @Override
    public void add(float[] x, float[] y) {
      RowOps.add(x, y);
    }

    @Override
    public void adagrad(float[] w, float[] c, float[] gw, float[] gc, float f) {
      RowOps.adagrad(w, c, gw, gc, f);
    }

    @Override
    public String name() {
      return "scalar";
    }
  };

  private RowOps() {}

  /** See {@link RowKernel#adagrad}; reads the old values of both rows before writing. */
  public static void adagrad(float[] w, float[] c, float[] gw, float[] gc, float f) {
    int n = w.length;
    for (int d = 0; d < n; d++) {
      float t1 = f * c[d];
      float t2 = f * w[d];
      w[d] -= t1 / (float) Math.sqrt(gw[d]);
      c[d] -= t2 / (float) Math.sqrt(gc[d]);
      gw[d] += t1 * t1;
      gc[d] += t2 * t2;
    }
  }

  /** The rows concatenated: a row-major {@code [rows.length, D]} copy. */
  public static float[] flatten(float[][] rows) {
    int dim = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[Math.multiplyExact(rows.length, dim)];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * dim, dim);
    }
    return flat;
  }

  /** Splits a row-major {@code [n, dim]} array into n row arrays. */
  public static float[][] rows(float[] flat, int dim) {
    if (dim < 1 || flat.length % dim != 0) {
      throw new IllegalArgumentException("flat length " + flat.length + " is not a multiple of dim " + dim);
    }
    float[][] rows = new float[flat.length / dim][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = java.util.Arrays.copyOfRange(flat, r * dim, (r + 1) * dim);
    }
    return rows;
  }

  /** {@code out[k] = x . rows[k]} for k in [0, n); four rows per pass over x. */
  public static void dots(float[] x, float[][] rows, int n, float[] out, int outOffset) {
    int k = 0;
    for (; k + 4 <= n; k += 4) {
      dot4(x, rows[k], rows[k + 1], rows[k + 2], rows[k + 3], out, outOffset + k);
    }
    if (k + 2 <= n) {
      float[] a = rows[k];
      float[] b = rows[k + 1];
      float s0 = 0;
      float s1 = 0;
      float t0 = 0;
      float t1 = 0;
      int d = 0;
      for (; d + 1 < x.length; d += 2) {
        s0 += x[d] * a[d];
        s1 += x[d] * b[d];
        t0 += x[d + 1] * a[d + 1];
        t1 += x[d + 1] * b[d + 1];
      }
      if (d < x.length) {
        s0 += x[d] * a[d];
        s1 += x[d] * b[d];
      }
      out[outOffset + k] = s0 + t0;
      out[outOffset + k + 1] = s1 + t1;
      k += 2;
    }
    if (k < n) {
      out[outOffset + k] = dot(x, rows[k]);
    }
  }

  /** Four dot products of x with a, b, c, e; two steps per iteration for eight accumulators. */
  public static void dot4(float[] x, float[] a, float[] b, float[] c, float[] e, float[] out, int o) {
    int n = x.length;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float t0 = 0;
    float t1 = 0;
    float t2 = 0;
    float t3 = 0;
    int d = 0;
    for (; d + 1 < n; d += 2) {
      float v = x[d];
      float w = x[d + 1];
      s0 += v * a[d];
      s1 += v * b[d];
      s2 += v * c[d];
      s3 += v * e[d];
      t0 += w * a[d + 1];
      t1 += w * b[d + 1];
      t2 += w * c[d + 1];
      t3 += w * e[d + 1];
    }
    if (d < n) {
      float v = x[d];
      s0 += v * a[d];
      s1 += v * b[d];
      s2 += v * c[d];
      s3 += v * e[d];
    }
    out[o] = s0 + t0;
    out[o + 1] = s1 + t1;
    out[o + 2] = s2 + t2;
    out[o + 3] = s3 + t3;
  }

  /** One dot product with eight accumulators. */
  public static float dot(float[] x, float[] y) {
    int n = x.length;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int d = 0;
    for (; d + 7 < n; d += 8) {
      s0 += x[d] * y[d];
      s1 += x[d + 1] * y[d + 1];
      s2 += x[d + 2] * y[d + 2];
      s3 += x[d + 3] * y[d + 3];
      s4 += x[d + 4] * y[d + 4];
      s5 += x[d + 5] * y[d + 5];
      s6 += x[d + 6] * y[d + 6];
      s7 += x[d + 7] * y[d + 7];
    }
    for (; d < n; d++) {
      s0 += x[d] * y[d];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /**
   * {@code y += sum_k g[gOff + k * gStride] * rows[k]} for k in [0, n), four rows per pass over y
   * (vectorised).
   */
  public static void combineInto(float[] y, float[][] rows, int n, float[] g, int gOff, int gStride) {
    int k = 0;
    int dim = y.length;
    for (; k + 4 <= n; k += 4) {
      float g0 = g[gOff + k * gStride];
      float g1 = g[gOff + (k + 1) * gStride];
      float g2 = g[gOff + (k + 2) * gStride];
      float g3 = g[gOff + (k + 3) * gStride];
      float[] a = rows[k];
      float[] b = rows[k + 1];
      float[] c = rows[k + 2];
      float[] e = rows[k + 3];
      for (int d = 0; d < dim; d++) {
        y[d] += g0 * a[d] + g1 * b[d] + g2 * c[d] + g3 * e[d];
      }
    }
    for (; k + 2 <= n; k += 2) {
      float g0 = g[gOff + k * gStride];
      float g1 = g[gOff + (k + 1) * gStride];
      float[] a = rows[k];
      float[] b = rows[k + 1];
      for (int d = 0; d < dim; d++) {
        y[d] += g0 * a[d] + g1 * b[d];
      }
    }
    if (k < n) {
      axpy(g[gOff + k * gStride], rows[k], y);
    }
  }

  /** {@code y += g * x}. */
  public static void axpy(float g, float[] x, float[] y) {
    int n = y.length;
    for (int d = 0; d < n; d++) {
      y[d] += g * x[d];
    }
  }

  /** {@code y += x}. */
  public static void add(float[] x, float[] y) {
    int n = y.length;
    for (int d = 0; d < n; d++) {
      y[d] += x[d];
    }
  }
}
