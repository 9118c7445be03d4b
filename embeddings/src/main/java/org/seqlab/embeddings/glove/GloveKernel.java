package org.seqlab.embeddings.glove;

import org.seqlab.embeddings.train.RowKernel;

/**
 * One worker's GloVe update, as glove.c: for a record {@code (i, j, x)}
 *
 * <pre>
 *   diff  = w_i . c_j + b_i + b~_j - log x
 *   fdiff = f(x) diff,  f(x) = min(1, (x / xMax)^alpha)        cost += 0.5 f(x) diff^2
 *   w_i  -= eta fdiff c_j / sqrt(G_i)    G_i  += (fdiff c_j)^2   (element-wise; old c_j, old w_i)
 *   c_j  -= eta fdiff w_i / sqrt(G~_j)   G~_j += (fdiff w_i)^2
 *   b_i  -= eta fdiff / sqrt(g_i)        g_i  += fdiff^2        (likewise b~_j)
 * </pre>
 *
 * where glove.c folds {@code eta} into {@code fdiff} before the squared-gradient sums, as done here.
 */
final class GloveKernel {
  private final GloveState s;
  private final float xMax;
  private final double logXMax;
  private final double alpha;
  private final float eta;
  private final RowKernel ops;

  GloveKernel(GloveState state, GloveConfig config, RowKernel ops) {
    this.ops = ops;
    this.s = state;
    this.xMax = (float) config.xMax();
    this.logXMax = Math.log(config.xMax());
    this.alpha = config.alpha();
    this.eta = (float) config.eta();
  }

  /** Trains on records {@code [from, to)}; returns their summed cost (before the updates). */
  double block(CooccurrenceCounts records, int from, int to) {
    int[] rows = records.rowsUnsafe();
    int[] cols = records.colsUnsafe();
    float[] values = records.valuesUnsafe();
    double cost = 0;
    for (int r = from; r < to; r++) {
      int i = rows[r];
      int j = cols[r];
      float x = values[r];
      float[] w = s.w[i];
      float[] c = s.c[j];
      double logX = Math.log(x);
      float diff = ops.dot(w, c) + s.bw[i] + s.bc[j] - (float) logX;
      float weight = x > xMax ? 1f : (float) Math.exp(alpha * (logX - logXMax));
      float fdiff = weight * diff;
      if (!Float.isFinite(fdiff)) {
        continue;
      }
      cost += 0.5 * fdiff * diff;
      fdiff *= eta;
      ops.adagrad(w, c, s.gw[i], s.gc[j], fdiff);
      s.bw[i] -= fdiff / (float) Math.sqrt(s.gbw[i]);
      s.bc[j] -= fdiff / (float) Math.sqrt(s.gbc[j]);
      float f2 = fdiff * fdiff;
      s.gbw[i] += f2;
      s.gbc[j] += f2;
    }
    return cost;
  }
}
