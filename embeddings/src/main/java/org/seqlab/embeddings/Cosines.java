package org.seqlab.embeddings;

/**
 * Dot-product kernels over a row-major {@code [N, D]} float matrix of unit vectors, in plain Java.
 * One query is a loop of dot products; many queries go through a blocked kernel that transposes a
 * chunk of the matrix into a {@code [D, C]} scratch (C = {@value #CHUNK} words, fits the L2 cache)
 * and accumulates {@code out[j] += q[d] * chunk[d][j]}, an axpy the JIT vectorises.
 */
final class Cosines {
  static final int CHUNK = 512;

  private Cosines() {}

  /** The dot product of row {@code row} of {@code m} ({@code [N, dim]}) with {@code q} ({@code [dim]}). */
  static float dot(float[] m, int row, int dim, float[] q) {
    int base = row * dim;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dim; d += 4) {
      s0 += m[base + d] * q[d];
      s1 += m[base + d + 1] * q[d + 1];
      s2 += m[base + d + 2] * q[d + 2];
      s3 += m[base + d + 3] * q[d + 3];
    }
    for (; d < dim; d++) {
      s0 += m[base + d] * q[d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Dot products of many queries with the first {@code limit} rows of {@code m}.
   *
   * @param m the matrix, {@code [N, dim]} row-major
   * @param queries {@code [R][dim]}
   * @param limit how many leading rows of m to score, {@code <= N}
   * @return {@code [R][limit]}: {@code out[r][j] = m[j] . queries[r]}
   */
  static float[][] rows(float[] m, int dim, float[][] queries, int limit) {
    float[][] out = new float[queries.length][limit];
    float[] chunk = new float[dim * CHUNK]; // [D, C]
    for (int j0 = 0; j0 < limit; j0 += CHUNK) {
      int c = Math.min(CHUNK, limit - j0);
      for (int j = 0; j < c; j++) {
        int base = (j0 + j) * dim;
        for (int d = 0; d < dim; d++) {
          chunk[d * CHUNK + j] = m[base + d];
        }
      }
      for (int r = 0; r < queries.length; r++) {
        axpyChunk(queries[r], chunk, dim, c, out[r], j0);
      }
    }
    return out;
  }

  private static void axpyChunk(float[] q, float[] chunk, int dim, int c, float[] out, int j0) {
    for (int d = 0; d < dim; d++) {
      float qd = q[d];
      int off = d * CHUNK;
      for (int j = 0; j < c; j++) {
        out[j0 + j] += qd * chunk[off + j];
      }
    }
  }

  /** Scales {@code v} to unit Euclidean length in place; a zero vector stays zero. Returns the old norm. */
  static double normalize(float[] v) {
    double ss = 0;
    for (float x : v) {
      ss += (double) x * x;
    }
    double norm = Math.sqrt(ss);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return norm;
  }
}
