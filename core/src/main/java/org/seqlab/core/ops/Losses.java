package org.seqlab.core.ops;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Variable;

/**
 * Softmax cross-entropy from logits, fused and numerically stable:
 *
 * <pre>
 *   loss_i = logsumexp(z_i) - z_i[y_i],     d loss_i / d z_i = softmax(z_i) - onehot(y_i)
 * </pre>
 *
 * <p>Positions with mask 0 contribute nothing and receive zero gradient.
 */
public final class Losses {
  /** How per-position losses are combined. */
  public enum Reduction {
    /** Sum over unmasked positions. */
    SUM,
    /** Sum over unmasked positions divided by their number (0 when there are none). */
    MEAN
  }

  private Losses() {}

  /**
   * Cross-entropy of integer targets under softmax(logits), reduced to a scalar of shape {@code [1]}.
   *
   * @param logits {@code [N, C]} or {@code [B, T, C]}
   * @param targets class ids, one per position ({@code N} or {@code B*T}, row-major)
   * @param mask 0/1 weights per position ({@code [N]} or {@code [B, T]}), or null for all ones
   */
  public static Variable crossEntropy(Variable logits, int[] targets, INDArray mask, Reduction reduction) {
    Prepared p = prepare(logits, targets, mask);
    double count = p.weights == null ? p.n : Arrays.stream(p.weights).sum();
    double total = 0;
    for (int i = 0; i < p.n; i++) {
      total += p.weight(i) * p.nll[i];
    }
    double divisor = reduction == Reduction.MEAN ? Math.max(count, 0) : 1;
    double value = reduction == Reduction.MEAN ? (count == 0 ? 0 : total / count) : total;
    INDArray out = Rows.vector1(logits.value().dataType(), value); // [1]
    return logits
        .tape()
        .record(
            out,
            g -> {
              double scale = g.getDouble(0) / (reduction == Reduction.MEAN ? (divisor == 0 ? 1 : divisor) : 1);
              logits.addGradOwned(p.gradient(i -> scale * p.weight(i)).reshape('c', logits.shape()));
            },
            logits);
  }

  /**
   * Per-position cross-entropy, shape {@code [N]}: masked positions are 0. Useful for sequence
   * log-probabilities and custom reductions.
   */
  public static Variable crossEntropyPerPosition(Variable logits, int[] targets, INDArray mask) {
    Prepared p = prepare(logits, targets, mask);
    double[] losses = new double[p.n];
    for (int i = 0; i < p.n; i++) {
      losses[i] = p.weight(i) * p.nll[i];
    }
    INDArray out = Nd4j.createFromArray(losses).castTo(logits.value().dataType());
    return logits
        .tape()
        .record(
            out,
            g -> {
              double[] gv = g.toDoubleVector();
              logits.addGradOwned(p.gradient(i -> gv[i] * p.weight(i)).reshape('c', logits.shape()));
            },
            logits);
  }

  private static Prepared prepare(Variable logits, int[] targets, INDArray mask) {
    INDArray z = Rows.asRows(logits.value()); // [N, C]
    int n = (int) z.size(0);
    long c = z.size(1);
    if (targets.length != n) {
      throw new IllegalArgumentException(
          "crossEntropy: " + targets.length + " targets for logits of shape "
              + Arrays.toString(logits.shape()) + " (" + n + " positions)");
    }
    double[] weights = null;
    if (mask != null) {
      if (mask.length() != n) {
        throw new IllegalArgumentException(
            "crossEntropy: mask shape " + Arrays.toString(mask.shape()) + " does not match "
                + n + " positions of logits " + Arrays.toString(logits.shape()));
      }
      weights = mask.reshape('c', new long[] {n}).toDoubleVector();
    }
    int[] flatIndex = new int[n]; // position i's target logit in the flattened [N * C] array
    for (int i = 0; i < n; i++) {
      int t = targets[i];
      if (t < 0 || t >= c) {
        if (weights != null && weights[i] == 0) {
          t = 0; // padding positions may carry any id; their loss is multiplied by 0
        } else {
          throw new IllegalArgumentException(
              "crossEntropy: target " + t + " at position " + i + " is outside [0, " + c + ")");
        }
      }
      flatIndex[i] = Math.toIntExact(i * c + t);
    }
    INDArray[] pz = Rows.softmaxAndLogZ(z);
    INDArray probs = pz[0]; // [N, C], kept for the backward pass
    INDArray logZ = pz[1]; // [N, 1]
    INDArray picked = Rows.gatherFlat(z, flatIndex); // [N]
    double[] nll = logZ.reshape(n).sub(picked).toDoubleVector();
    return new Prepared(probs, flatIndex, weights, nll, n);
  }

  private record Prepared(INDArray probs, int[] flatIndex, double[] weights, double[] nll, int n) {
    double weight(int i) {
      return weights == null ? 1 : weights[i];
    }

    /** {@code s_i (softmax(z_i) - onehot(y_i))} for row scales {@code s}: {@code [N, C]}. */
    INDArray gradient(IntToDoubleFunction rowScale) {
      double[] scale = new double[n];
      for (int i = 0; i < n; i++) {
        scale[i] = rowScale.applyAsDouble(i);
      }
      INDArray s = Nd4j.createFromArray(scale).castTo(probs.dataType()); // [N]
      INDArray p = probs.mulColumnVector(s.reshape(n, 1)); // [N, C]
      Rows.scatterAddFlat(p, flatIndex, s.negi());
      return p;
    }
  }
}
