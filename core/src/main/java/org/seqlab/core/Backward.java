package org.seqlab.core;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The hand-written backward pass of one recorded operation.
 *
 * <p>Called once, in reverse recording order, with the gradient of the loss with respect to the
 * operation's output. Implementations add their contribution to each input that
 * {@link Variable#requiresGrad() requires a gradient} with {@link Variable#addGrad(INDArray)}; they
 * must never keep or modify {@code gradOutput} after returning.
 */
@FunctionalInterface
public interface Backward {
  /**
   * @param gradOutput dL/d(output), same shape as the output
   */
  void run(INDArray gradOutput);
}
