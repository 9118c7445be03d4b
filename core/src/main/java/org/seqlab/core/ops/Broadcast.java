package org.seqlab.core.ops;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NumPy-style broadcasting for the binary ops, and the reduction of a broadcast gradient back to an
 * operand's shape (a sum over the axes the operand was stretched along).
 */
final class Broadcast {
  /** The element-wise binary operations. */
  enum Kind {
    ADD,
    SUB,
    MUL,
    DIV
  }

  private Broadcast() {}

  /**
   * {@code a (op) b} with NumPy broadcasting, a new array. (ND4J's own broadcasting path measured as
   * fast as an explicit broadcast kernel, so this is a plain dispatch.)
   */
  static INDArray apply(Kind kind, INDArray a, INDArray b) {
    return switch (kind) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> a.div(b);
    };
  }

  /**
   * @param g gradient with the broadcast (output) shape
   * @param shape the operand's shape, broadcast-compatible with {@code g}'s
   * @return {@code g} summed over the axes the operand was broadcast along, reshaped to {@code shape}
   *     ({@code g} itself when the shapes are equal)
   */
  static INDArray reduceTo(INDArray g, long[] shape) {
    long[] gs = g.shape();
    if (Arrays.equals(gs, shape)) {
      return g;
    }
    int offset = gs.length - shape.length;
    if (offset < 0) {
      throw new IllegalArgumentException(
          "cannot reduce gradient of shape " + Arrays.toString(gs) + " to " + Arrays.toString(shape));
    }
    int[] axes =
        IntStream.range(0, gs.length).filter(i -> i < offset || (shape[i - offset] == 1 && gs[i] != 1)).toArray();
    INDArray r = axes.length == 0 ? g.dup('c') : g.sum(false, axes);
    return r.reshape('c', shape);
  }

  static void checkBroadcastable(String op, long[] a, long[] b) {
    int n = Math.max(a.length, b.length);
    for (int i = 0; i < n; i++) {
      long x = i < n - a.length ? 1 : a[i - (n - a.length)];
      long y = i < n - b.length ? 1 : b[i - (n - b.length)];
      if (x != y && x != 1 && y != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
    }
  }
}
