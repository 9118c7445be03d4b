package org.seqlab.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reverse-mode automatic differentiation tape.
 *
 * <p>Operations (see {@code org.seqlab.core.ops} and the layer classes) compute their output eagerly with INDArray
 * kernels and {@link #record(INDArray, Backward, Variable...) record} a hand-written backward pass.
 * {@link #backward(Variable)} runs those passes in reverse order and finally adds each watched
 * parameter's gradient into {@link Parameter#grad()}.
 *
 * <pre>{@code
 * try (Tape tape = new Tape()) {
 *   Variable w = tape.watch(weights);
 *   Variable y = MathOps.matmul(tape.constant(x), w);
 *   Variable loss = MathOps.sum(MathOps.mul(y, y));
 *   tape.backward(loss);          // weights.grad() now holds dL/dW
 * }
 * }</pre>
 *
 * <p>A tape is used by one thread and for one forward/backward pass; create a new one per batch.
 */
public final class Tape implements AutoCloseable {
  private record Node(Variable output, Backward backward) {}

  private final List<Node> nodes = new ArrayList<>();
  private final Map<Parameter, Variable> watched = new IdentityHashMap<>();
  private boolean backwardDone;
  private boolean closed;

  /** A value that receives no gradient (inputs, targets, masks). */
  public Variable constant(INDArray value) {
    checkOpen();
    return new Variable(this, Objects.requireNonNull(value, "value"), false);
  }

  /**
   * The variable for a trainable parameter. Watching the same parameter twice returns the same
   * variable, so its gradient contributions add up. A frozen parameter is returned as a constant.
   */
  public Variable watch(Parameter parameter) {
    checkOpen();
    Objects.requireNonNull(parameter, "parameter");
    if (parameter.frozen()) {
      return new Variable(this, parameter.value(), false);
    }
    return watched.computeIfAbsent(parameter, p -> new Variable(this, p.value(), true));
  }

  /**
   * Records an operation's output. The backward pass is kept only when some input requires a
   * gradient.
   *
   * @param output the forward result (owned by the tape from now on)
   * @param backward adds dL/d(input) to each input given dL/d(output)
   * @param inputs the variables the output was computed from
   * @return the output as a variable
   */
  public Variable record(INDArray output, Backward backward, Variable... inputs) {
    checkOpen();
    boolean needsGrad = false;
    for (Variable in : inputs) {
      if (in.tape() != this) {
        throw new IllegalArgumentException("input " + in + " was recorded on a different tape");
      }
      needsGrad |= in.requiresGrad();
    }
    Variable out = new Variable(this, output, needsGrad);
    if (needsGrad) {
      nodes.add(new Node(out, Objects.requireNonNull(backward, "backward")));
    }
    return out;
  }

  /** Backpropagates from a scalar (one-element) loss, seeding dL/dL = 1. */
  public void backward(Variable loss) {
    if (loss.value().length() != 1) {
      throw new IllegalArgumentException(
          "backward(loss) needs a one-element loss, got shape "
              + java.util.Arrays.toString(loss.shape())
              + "; use backward(output, seed) for non-scalar outputs");
    }
    INDArray seed = org.nd4j.linalg.factory.Nd4j.ones(loss.value().dataType(), loss.shape());
    backward(loss, seed);
  }

  /**
   * Backpropagates from {@code output} with the given upstream gradient, then adds the gradients of
   * watched parameters into their {@link Parameter#grad()} buffers.
   *
   * @param seed dL/d(output), same shape as the output
   * @throws IllegalStateException when called twice on the same tape
   */
  public void backward(Variable output, INDArray seed) {
    checkOpen();
    if (backwardDone) {
      throw new IllegalStateException("backward was already run on this tape; record a new tape");
    }
    if (output.tape() != this) {
      throw new IllegalArgumentException("output was recorded on a different tape");
    }
    backwardDone = true;
    if (!output.requiresGrad()) {
      return;
    }
    output.addGrad(seed);
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node node = nodes.get(i);
      INDArray g = node.output().grad();
      if (g != null) {
        node.backward().run(g);
        if (node.output() != output) {
          node.output().clearGrad();
        }
      }
    }
    for (Map.Entry<Parameter, Variable> e : watched.entrySet()) {
      INDArray g = e.getValue().grad();
      if (g != null) {
        e.getKey().addGrad(g);
      }
    }
  }

  /** Number of operations recorded with a backward pass. */
  public int size() {
    return nodes.size();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("tape is closed");
    }
  }

  /** Drops the recorded operations so their arrays can be freed. */
  @Override
  public void close() {
    nodes.clear();
    watched.clear();
    closed = true;
  }
}
