package org.seqlab.core.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Variable;

/** Element-wise non-linearities and (log-)softmax over the last axis. */
public final class Activations {
  private Activations() {}

  /** {@code tanh(x)}; backward {@code g (1 - y^2)}. */
  public static Variable tanh(Variable x) {
    INDArray y = Transforms.tanh(x.value(), true);
    return x.tape().record(y, g -> x.addGradOwned(y.mul(y).rsubi(1).muli(g)), x);
  }

  /** {@code 1 / (1 + exp(-x))}; backward {@code g y (1 - y)}. */
  public static Variable sigmoid(Variable x) {
    INDArray y = Transforms.sigmoid(x.value(), true);
    return x.tape().record(y, g -> x.addGradOwned(y.rsub(1).muli(y).muli(g)), x);
  }

  /** {@code max(0, x)}; backward passes g where x > 0. */
  public static Variable relu(Variable x) {
    INDArray y = Transforms.relu(x.value(), true);
    return x.tape().record(y, g -> x.addGradOwned(x.value().gt(0).castTo(g.dataType()).muli(g)), x);
  }

  /**
   * Softmax over the last axis: {@code y_i = exp(x_i - max) / sum_j exp(x_j - max)}; backward
   * {@code y * (g - sum(g * y))}.
   */
  public static Variable softmax(Variable x) {
    INDArray x2 = Rows.asRows(x.value()); // [N, C]
    INDArray y = Rows.softmaxRows(x2).reshape('c', x.shape());
    return x.tape()
        .record(
            y,
            g -> {
              INDArray dot = g.mul(y).sum(true, g.rank() - 1);
              x.addGradOwned(g.sub(dot).muli(y));
            },
            x);
  }

  /**
   * Log-softmax over the last axis, {@code x - logsumexp(x)}; backward {@code g - softmax(x)
   * sum(g)}.
   */
  public static Variable logSoftmax(Variable x) {
    INDArray x2 = Rows.asRows(x.value()); // [N, C]
    INDArray logZ = Rows.logSumExpRows(x2); // [N, 1]
    INDArray y = x2.subColumnVector(logZ).reshape('c', x.shape());
    return x.tape()
        .record(
            y,
            g -> {
              INDArray p = Transforms.exp(y, true);
              INDArray gsum = g.sum(true, g.rank() - 1);
              x.addGradOwned(g.sub(p.muli(gsum)));
            },
            x);
  }

  /** {@code exp(x)}; backward {@code g y}. */
  public static Variable exp(Variable x) {
    INDArray y = Transforms.exp(x.value(), true);
    return x.tape().record(y, g -> x.addGradOwned(g.mul(y)), x);
  }

  /** Natural log; backward {@code g / x}. */
  public static Variable log(Variable x) {
    INDArray y = Transforms.log(x.value(), true);
    return x.tape().record(y, g -> x.addGradOwned(g.div(x.value())), x);
  }
}
