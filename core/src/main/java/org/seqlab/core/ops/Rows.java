package org.seqlab.core.ops;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Row-wise kernels on {@code [N, C]} matrices shared by softmax and the cross-entropy loss. */
final class Rows {
  private Rows() {}

  /** A one-element vector {@code [v]} of the given type, in one ND4J call for FLOAT and DOUBLE. */
  static INDArray vector1(DataType type, double v) {
    return switch (type) {
      case DOUBLE -> Nd4j.createFromArray(new double[] {v});
      case FLOAT -> Nd4j.createFromArray(new float[] {(float) v});
      default -> Nd4j.createFromArray(new double[] {v}).castTo(type);
    };
  }

  /** {@code x} viewed (or copied) as {@code [N, C]} with C the last axis. */
  static INDArray asRows(INDArray x) {
    long c = x.size(x.rank() - 1);
    return x.reshape('c', x.length() / c, c);
  }

  /** Numerically stable {@code log(sum(exp(x)))} per row: {@code [N, C] -> [N, 1]}. */
  static INDArray logSumExpRows(INDArray x2) {
    INDArray max = x2.max(true, 1); // [N, 1]
    INDArray e = Transforms.exp(x2.subColumnVector(max), false); // [N, C]
    return Transforms.log(e.sum(true, 1), false).addi(max); // [N, 1]
  }

  /**
   * Softmax and log-normaliser per row of {@code [N, C]} in one pass.
   *
   * @return {@code {softmax [N, C] (a new array), logsumexp [N, 1]}}
   */
  static INDArray[] softmaxAndLogZ(INDArray x2) {
    INDArray max = x2.max(true, 1); // [N, 1]
    INDArray e = Transforms.exp(x2.subColumnVector(max), false); // [N, C]
    INDArray sum = e.sum(true, 1); // [N, 1]
    e.diviColumnVector(sum);
    return new INDArray[] {e, Transforms.log(sum, false).addi(max)};
  }

  /** Softmax per row of {@code [N, C]}, a new array. */
  static INDArray softmaxRows(INDArray x2) {
    INDArray max = x2.max(true, 1); // [N, 1]
    INDArray e = Transforms.exp(x2.subColumnVector(max), false); // [N, C]
    return e.diviColumnVector(e.sum(true, 1));
  }

  /** {@code x.flat[index[i]]} for every i, one native call: {@code [index.length]}. */
  static INDArray gatherFlat(INDArray x, int[] index) {
    INDArray flat = x.reshape('c', new long[] {x.length()}); // [N * C]
    INDArray out = Nd4j.create(x.dataType(), index.length); // [K]
    DynamicCustomOp op =
        DynamicCustomOp.builder("gather")
            .addInputs(flat, Nd4j.createFromArray(index))
            .addOutputs(out)
            .addIntegerArguments(0)
            .build();
    Nd4j.exec(op);
    return out;
  }

  /**
   * {@code x.flat[index[i]] += updates[i]} in place, for a c-ordered {@code x} whose flat view
   * shares its buffer. The indices must be distinct (one per row in the callers here).
   */
  static void scatterAddFlat(INDArray x, int[] index, INDArray updates) {
    INDArray flat = x.reshape('c', new long[] {x.length()}); // [N * C], a view of x's buffer
    DynamicCustomOp op =
        DynamicCustomOp.builder("scatter_add")
            .addInputs(flat, Nd4j.createFromArray(index), updates)
            .addOutputs(flat)
            .build();
    Nd4j.exec(op);
  }
}
