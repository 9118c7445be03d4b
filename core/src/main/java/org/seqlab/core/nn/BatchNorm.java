package org.seqlab.core.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;

/**
 * Batch normalisation over the last (channel) axis (Ioffe and Szegedy 2015): each channel is
 * normalised with the statistics of all {@code N} other positions of the batch, for a
 * channels-last image {@code [B, H, W, C]} the {@code N = B H W} pixels.
 *
 * <pre>
 *   training:   mu = mean_n x,  var = mean_n (x - mu)^2,  xhat = (x - mu) / sqrt(var + eps)
 *               y = gain * xhat + bias
 *               dx = rstd / N * (N dxhat - sum_n dxhat - xhat sum_n (dxhat xhat)),   dxhat = g * gain
 *               running = (1 - m) running + m * batch   (the variance unbiased, N / (N - 1))
 *   inference:  y = gain * (x - running_mean) / sqrt(running_var + eps) + bias,   dx = g * gain * rstd
 * </pre>
 *
 * <p>Parameters: {@code name.gain} (ones) and {@code name.bias} (zeros), trained; {@code
 * name.running_mean} (zeros) and {@code name.running_var} (ones), <em>frozen</em> parameters so they
 * are saved and loaded with the model but never touched by optimizers. A training-mode forward
 * pass updates the running statistics in place (single-threaded training); an inference-mode pass
 * only reads them, so concurrent inference is safe.
 */
public final class BatchNorm {
  private final Parameter gain;
  private final Parameter bias;
  private final Parameter runningMean;
  private final Parameter runningVar;
  private final double eps;
  private final double momentum;

  /**
   * @param channels size {@code C} of the last axis
   * @param eps added to the variance, {@code > 0} (1e-5 as in PyTorch)
   * @param momentum weight of the batch statistics in the running averages, in {@code (0, 1]} (0.1)
   */
  public BatchNorm(ParameterSet params, String name, int channels, double eps, double momentum, DataType type) {
    if (channels < 1 || !(eps > 0) || !(momentum > 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "BatchNorm needs channels >= 1, eps > 0 and momentum in (0, 1], got " + channels + ", " + eps + ", " + momentum);
    }
    this.gain = params.add(name + ".gain", Init.ones(type, channels));
    this.bias = params.add(name + ".bias", Init.zeros(type, channels));
    this.runningMean = params.add(name + ".running_mean", Init.zeros(type, channels));
    this.runningVar = params.add(name + ".running_var", Init.ones(type, channels));
    runningMean.setFrozen(true);
    runningVar.setFrozen(true);
    this.eps = eps;
    this.momentum = momentum;
  }

  /**
   * @param x {@code [..., C]}
   * @param training normalise with batch statistics (and update the running ones) rather than with
   *     the running statistics
   * @return the same shape as {@code x}
   */
  public Variable forward(Tape tape, Variable x, boolean training) {
    long c = gain.shape()[0];
    long[] shape = x.shape();
    if (shape.length < 2 || shape[shape.length - 1] != c) {
      throw new IllegalArgumentException("BatchNorm of " + c + " channels got input " + Arrays.toString(shape));
    }
    long n = x.value().length() / c;
    if (training && n < 2) {
      throw new IllegalArgumentException(
          "BatchNorm in training needs at least 2 positions per channel, got input " + Arrays.toString(shape));
    }
    return training ? train(tape, x, n) : infer(tape, x);
  }

  private Variable train(Tape tape, Variable x, long n) {
    Variable g = tape.watch(gain);
    Variable b = tape.watch(bias);
    long[] shape = x.shape();
    INDArray x2 = x.value().reshape('c', n, gain.shape()[0]); // [N, C]
    INDArray mu = x2.mean(0); // [C]
    INDArray xc = x2.subRowVector(mu); // [N, C]
    INDArray var = xc.mul(xc).mean(0); // [C]
    INDArray rstd = Transforms.pow(var.add(eps), -0.5, false); // [C]
    INDArray xhat = xc.muliRowVector(rstd); // [N, C]
    INDArray y = xhat.mulRowVector(g.value()).addiRowVector(b.value()).reshape('c', shape);
    runningMean.value().muli(1 - momentum).addi(mu.mul(momentum));
    runningVar.value().muli(1 - momentum).addi(var.mul(momentum * n / (n - 1.0)));
    return tape.record(y, grad -> {
      INDArray g2 = grad.reshape('c', n, gain.shape()[0]); // [N, C]
      if (g.requiresGrad()) {
        g.addGradOwned(g2.mul(xhat).sum(0));
      }
      if (b.requiresGrad()) {
        b.addGradOwned(g2.sum(0));
      }
      if (x.requiresGrad()) {
        INDArray dxhat = g2.mulRowVector(g.value()); // [N, C]
        INDArray s1 = dxhat.sum(0); // [C]
        INDArray s2 = dxhat.mul(xhat).sum(0); // [C]
        INDArray dx = dxhat.muli(n).subiRowVector(s1).subi(xhat.mulRowVector(s2)); // [N, C]
        x.addGradOwned(dx.muliRowVector(rstd.div(n)).reshape('c', shape));
      }
    }, x, g, b);
  }

  private Variable infer(Tape tape, Variable x) {
    Variable g = tape.watch(gain);
    Variable b = tape.watch(bias);
    long[] shape = x.shape();
    long c = gain.shape()[0];
    INDArray x2 = x.value().reshape('c', x.value().length() / c, c); // [N, C]
    INDArray rstd = Transforms.pow(runningVar.value().add(eps), -0.5, false); // [C]
    INDArray xhat = x2.subRowVector(runningMean.value()).muliRowVector(rstd); // [N, C]
    INDArray y = xhat.mulRowVector(g.value()).addiRowVector(b.value()).reshape('c', shape);
    return tape.record(y, grad -> {
      INDArray g2 = grad.reshape('c', xhat.shape()); // [N, C]
      if (g.requiresGrad()) {
        g.addGradOwned(g2.mul(xhat).sum(0));
      }
      if (b.requiresGrad()) {
        b.addGradOwned(g2.sum(0));
      }
      if (x.requiresGrad()) {
        x.addGradOwned(g2.mulRowVector(rstd.mul(g.value())).reshape('c', shape));
      }
    }, x, g, b);
  }

  /** {@code [C]}, trained. */
  public Parameter gain() {
    return gain;
  }

  /** {@code [C]}, trained. */
  public Parameter bias() {
    return bias;
  }

  /** {@code [C]}, frozen; updated by training-mode passes. */
  public Parameter runningMean() {
    return runningMean;
  }

  /** {@code [C]}, frozen; updated by training-mode passes. */
  public Parameter runningVar() {
    return runningVar;
  }
}
