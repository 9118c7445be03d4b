package org.seqlab.core.nn;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.ops.Conv2dSpec;
import org.seqlab.core.ops.Convolution;

/**
 * A 2-D convolution layer over channels-last images, {@code [B, H, W, C] -> [B, H', W', O]} (see
 * {@link Convolution#conv2d}), with kernel {@code name.w: [K, K, C, O]} drawn He-normal (He et al.
 * 2015, {@code std = sqrt(2 / (K K C))}, for ReLU networks) and bias {@code name.b: [O]} starting at
 * zero.
 */
public final class Conv2d {
  private final Parameter weight;
  private final Parameter bias;
  private final Conv2dSpec spec;

  /**
   * @param in input channels {@code C}
   * @param out output channels {@code O}
   * @param seed initialises the kernel
   */
  public Conv2d(ParameterSet params, String name, int in, int out, Conv2dSpec spec, DataType type, long seed) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("Conv2d needs in, out >= 1 channels, got in=" + in + " out=" + out);
    }
    int k = spec.kernel();
    long fanIn = (long) k * k * in;
    this.weight = params.add(name + ".w", Init.normal(type, Math.sqrt(2.0 / fanIn), seed, k, k, in, out));
    this.bias = params.add(name + ".b", Init.zeros(type, out));
  }

  /** {@code [B, H, W, C] -> [B, H', W', O]}. */
  public Variable forward(Tape tape, Variable x) {
    return Convolution.conv2d(x, tape.watch(weight), tape.watch(bias), spec);
  }

  /** {@code [K, K, C, O]}. */
  public Parameter weight() {
    return weight;
  }

  /** {@code [O]}. */
  public Parameter bias() {
    return bias;
  }

  public Conv2dSpec spec() {
    return spec;
  }

  public int inChannels() {
    return (int) weight.shape()[2];
  }

  public int outChannels() {
    return (int) weight.shape()[3];
  }
}
