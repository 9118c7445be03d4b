package org.seqlab.sequence;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Variable;

/**
 * Mean over each sequence's valid steps, {@code [B, T, D] -> [B, D]}: {@code y_b = (1 / len_b)
 * sum_{t < len_b} x_{b,t}}; backward {@code dx_{b,t} = dy_b / len_b} for {@code t < len_b}, else 0.
 */
final class MaskedMean {
  private MaskedMean() {}

  static Variable apply(Variable x, int[] lengths) {
    long[] s = x.shape();
    int b = (int) s[0];
    int t = (int) s[1];
    int d = (int) s[2];
    Masks.checkLengths(lengths, t);
    double[] xv = NativeArrays.toArray(x.value()); // [B*T*D]
    double[] y = new double[b * d];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < lengths[i]; k++) {
        for (int j = 0; j < d; j++) {
          y[i * d + j] += xv[(i * t + k) * d + j] / lengths[i];
        }
      }
    }
    INDArray out = NativeArrays.create(y, x.value().dataType(), b, d);
    return x.tape().record(out, g -> {
      double[] gv = NativeArrays.toArray(g); // [B*D]
      double[] dx = new double[b * t * d];
      for (int i = 0; i < b; i++) {
        for (int k = 0; k < lengths[i]; k++) {
          for (int j = 0; j < d; j++) {
            dx[(i * t + k) * d + j] = gv[i * d + j] / lengths[i];
          }
        }
      }
      x.addGradOwned(NativeArrays.create(dx, g.dataType(), s));
    }, x);
  }
}
