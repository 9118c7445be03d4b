package org.seqlab.core;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * A value recorded on a {@link Tape}, with the gradient that flows into it during
 * {@link Tape#backward(Variable)}.
 *
 * <p>The value must not be modified in place once other operations have used it: their backward
 * passes may read it.
 */
public final class Variable {
  private final Tape tape;
  private final INDArray value;
  private final boolean requiresGrad;
  private INDArray grad;

  Variable(Tape tape, INDArray value, boolean requiresGrad) {
    this.tape = tape;
    this.value = value;
    this.requiresGrad = requiresGrad;
  }

  /** The tape this variable was recorded on. */
  public Tape tape() {
    return tape;
  }

  /** The forward value. */
  public INDArray value() {
    return value;
  }

  /** The shape of {@link #value()}. */
  public long[] shape() {
    return value.shape();
  }

  /** Whether a gradient flows into this variable (it depends on a watched parameter). */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /**
   * The accumulated gradient dL/d(this), or {@code null} when no gradient reached it (or it does
   * not require one).
   */
  public INDArray grad() {
    return grad;
  }

  /**
   * Adds {@code g} to this variable's gradient. For use by {@link Backward} implementations; the
   * array is copied on first use, so callers may reuse {@code g} afterwards.
   *
   * @param g gradient contribution, exactly the shape of {@link #value()}
   * @throws IllegalArgumentException when the shapes differ
   */
  public void addGrad(INDArray g) {
    if (!requiresGrad) {
      return;
    }
    if (!Arrays.equals(g.shape(), value.shape())) {
      throw new IllegalArgumentException(
          "gradient shape "
              + Arrays.toString(g.shape())
              + " does not match value shape "
              + Arrays.toString(value.shape()));
    }
    if (grad == null) {
      grad = g.dup('c');
    } else {
      grad.addi(g);
    }
  }

  /**
   * Like {@link #addGrad(INDArray)} but takes ownership of {@code g} instead of copying it on first
   * use. Only for arrays the caller has just allocated and will not touch again (for example the
   * result of {@code gradOutput.mul(x)}); never for {@code gradOutput} itself or an array handed to
   * another input.
   *
   * @param g gradient contribution, exactly the shape of {@link #value()}
   */
  public void addGradOwned(INDArray g) {
    if (!requiresGrad) {
      return;
    }
    if (grad == null && g.ordering() == 'c' && !g.isView() && Arrays.equals(g.shape(), value.shape())) {
      grad = g;
    } else {
      addGrad(g);
    }
  }

  /**
   * Adds {@code g} to the region {@code index} of this variable's gradient (allocating a zero
   * gradient on first use). Lets slicing ops such as a time step of {@code [B, T, H]} accumulate
   * into their source without materialising a full-size gradient per slice.
   *
   * @param index one index per axis of {@link #value()}
   * @param g gradient contribution with the region's shape
   * @throws IllegalArgumentException when the shapes differ
   */
  public void addGradAt(INDArrayIndex[] index, INDArray g) {
    if (!requiresGrad) {
      return;
    }
    if (grad == null) {
      grad = Nd4j.zeros(value.dataType(), value.shape());
    }
    INDArray region = grad.get(index);
    if (!Arrays.equals(g.shape(), region.shape())) {
      throw new IllegalArgumentException(
          "gradient shape " + Arrays.toString(g.shape()) + " does not match the region "
              + Arrays.toString(index) + " of shape " + Arrays.toString(region.shape()));
    }
    region.addi(g);
  }

  void clearGrad() {
    grad = null;
  }

  @Override
  public String toString() {
    return "Variable" + Arrays.toString(value.shape()) + (requiresGrad ? " (grad)" : "");
  }
}
