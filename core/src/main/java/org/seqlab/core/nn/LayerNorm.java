package org.seqlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;

/**
 * Layer normalisation over the last axis (Ba et al. 2016): {@code y = gain * (x - mu) / sqrt(var +
 * eps) + bias}, with the biased variance. Fused forward and backward:
 *
 * <pre>
 *   dx = rstd / H * (H * dxhat - sum(dxhat) - xhat * sum(dxhat * xhat)),  dxhat = g * gain
 * </pre>
 */
public final class LayerNorm {
  private final Parameter gain;
  private final Parameter bias;
  private final double eps;

  public LayerNorm(ParameterSet params, String name, int size, double eps, DataType type) {
    if (size <= 0 || !(eps > 0)) {
      throw new IllegalArgumentException("LayerNorm needs size > 0 and eps > 0, got " + size + ", " + eps);
    }
    this.gain = params.add(name + ".gain", Init.ones(type, size));
    this.bias = params.add(name + ".bias", Init.zeros(type, size));
    this.eps = eps;
  }

  /** {@code [..., H] -> [..., H]}. */
  public Variable forward(Tape tape, Variable x) {
    long h = gain.shape()[0];
    long[] shape = x.shape();
    if (shape[shape.length - 1] != h) {
      throw new IllegalArgumentException(
          "LayerNorm of size " + h + " got input " + java.util.Arrays.toString(shape));
    }
    Variable g = tape.watch(gain);
    Variable b = tape.watch(bias);
    INDArray x2 = x.value().reshape('c', x.value().length() / h, h); // [N, H]
    INDArray mu = x2.mean(true, 1); // [N, 1]
    INDArray xc = x2.subColumnVector(mu);
    INDArray var = xc.mul(xc).mean(true, 1);
    INDArray rstd = Transforms.pow(var.addi(eps), -0.5, false); // [N, 1]
    INDArray xhat = xc.muliColumnVector(rstd); // [N, H]
    INDArray y = xhat.mulRowVector(g.value()).addiRowVector(b.value()).reshape('c', shape);
    return tape.record(
        y,
        grad -> {
          INDArray g2 = grad.reshape('c', xhat.shape()); // [N, H]
          if (g.requiresGrad()) {
            g.addGradOwned(g2.mul(xhat).sum(0));
          }
          if (b.requiresGrad()) {
            b.addGradOwned(g2.sum(0));
          }
          if (x.requiresGrad()) {
            INDArray dxhat = g2.mulRowVector(g.value()); // [N, H]
            INDArray s1 = dxhat.sum(true, 1);
            INDArray s2 = dxhat.mul(xhat).sum(true, 1);
            INDArray dx = dxhat.mul(h).subiColumnVector(s1).subi(xhat.mulColumnVector(s2));
            x.addGradOwned(dx.muliColumnVector(rstd).divi(h).reshape('c', shape));
          }
        },
        x,
        g,
        b);
  }
}
