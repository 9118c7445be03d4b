package org.seqlab.core;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A named, trainable array and its gradient buffer.
 *
 * <p>The gradient accumulates over every {@link Tape#backward(Variable)} until {@link #zeroGrad()}
 * is called (normally by the optimizer step). Optimizers update {@link #value()} in place.
 */
public final class Parameter {
  private final String name;
  private final INDArray value;
  private final INDArray grad;
  private boolean frozen;

  /**
   * @param name unique name within its {@link ParameterSet}, e.g. {@code "encoder.gru.w_ih"}
   * @param value initial value (taken, not copied; 'c' order)
   */
  public Parameter(String name, INDArray value) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank");
    }
    this.value = Objects.requireNonNull(value, "value").ordering() == 'c' ? value : value.dup('c');
    this.grad = this.value.ulike();
    this.grad.assign(0);
  }

  public String name() {
    return name;
  }

  /** The current value, updated in place by optimizers. */
  public INDArray value() {
    return value;
  }

  /** The accumulated gradient, same shape as {@link #value()}. */
  public INDArray grad() {
    return grad;
  }

  public long[] shape() {
    return value.shape();
  }

  public long size() {
    return value.length();
  }

  /** A frozen parameter receives no gradient and is skipped by optimizers. */
  public boolean frozen() {
    return frozen;
  }

  public void setFrozen(boolean frozen) {
    this.frozen = frozen;
  }

  public void zeroGrad() {
    grad.assign(0);
  }

  @Override
  public String toString() {
    return name + Arrays.toString(value.shape()) + (frozen ? " (frozen)" : "");
  }
}
