package org.seqlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.ops.MathOps;

/** A dense layer {@code y = x W + b} with {@code W: [in, out]}, {@code b: [out]}. */
public final class Linear {
  private final Parameter weight;
  private final Parameter bias;

  /**
   * Creates the layer's parameters ({@code name.w}, {@code name.b}) in {@code params}, Glorot
   * uniform weights and zero bias.
   */
  public Linear(ParameterSet params, String name, int in, int out, DataType type, long seed) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("Linear sizes must be > 0, got in=" + in + " out=" + out);
    }
    this.weight = params.add(name + ".w", Init.xavierUniform(type, in, out, seed));
    this.bias = params.add(name + ".b", Init.zeros(type, out));
  }

  /** Wraps existing parameters ({@code W: [in, out]}, {@code b: [out]}). */
  public Linear(Parameter weight, Parameter bias) {
    if (weight.shape().length != 2 || bias.shape().length != 1 || bias.shape()[0] != weight.shape()[1]) {
      throw new IllegalArgumentException(
          "Linear needs W [in, out] and b [out], got " + weight + " and " + bias);
    }
    this.weight = weight;
    this.bias = bias;
  }

  /** {@code [..., in] -> [..., out]}. */
  public Variable forward(Tape tape, Variable x) {
    return MathOps.add(MathOps.matmul(x, tape.watch(weight)), tape.watch(bias));
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }
}
