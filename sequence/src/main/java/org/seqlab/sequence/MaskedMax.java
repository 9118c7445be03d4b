package org.seqlab.sequence;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Variable;

/**
 * Max over each sequence's valid steps, {@code [B, T, D] -> [B, D]}: {@code y_{b,j} = max_{t <
 * len_b} x_{b,t,j}} (max-over-time pooling, Collobert et al. 2011); backward {@code dx_{b,t,j} =
 * dy_{b,j}} at the (first) arg-max step {@code t}, else 0.
 */
final class MaskedMax {
  private MaskedMax() {}

  static Variable apply(Variable x, int[] lengths) {
    long[] s = x.shape();
    int b = (int) s[0];
    int t = (int) s[1];
    int d = (int) s[2];
    if (lengths.length != b) {
      throw new IllegalArgumentException("got " + lengths.length + " lengths for a batch of " + b);
    }
    Masks.checkLengths(lengths, t);
    double[] xv = NativeArrays.toArray(x.value()); // [B*T*D]
    double[] y = new double[b * d];
    int[] arg = new int[b * d]; // step of each maximum
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        double best = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (int k = 0; k < lengths[i]; k++) {
          double v = xv[(i * t + k) * d + j];
          if (v > best) {
            best = v;
            at = k;
          }
        }
        y[i * d + j] = best;
        arg[i * d + j] = at;
      }
    }
    INDArray out = NativeArrays.create(y, x.value().dataType(), b, d);
    return x.tape().record(out, g -> {
      double[] gv = NativeArrays.toArray(g); // [B*D]
      double[] dx = new double[b * t * d];
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < d; j++) {
          dx[(i * t + arg[i * d + j]) * d + j] = gv[i * d + j];
        }
      }
      x.addGradOwned(NativeArrays.create(dx, g.dataType(), s));
    }, x);
  }
}
