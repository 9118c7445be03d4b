package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.MathOps;

/**
 * Batches wide enough that the per-row gate loops are split across threads (a chunk holds at least
 * 16,384 gate values: 64 rows of an {@code H = 64} LSTM), against the scalar reference (forward) and
 * against the same batch run as two halves too narrow to split (parameter gradients add up over
 * sequences). Two chunks are forced, as the test JVMs run with one compute thread.
 */
class WideBatchTest {
  private static AutoCloseable twoThreads;

  @BeforeAll
  static void splitLoops() {
    twoThreads = Parallel.overrideThreads(2);
  }

  @AfterAll
  static void restore() throws Exception {
    twoThreads.close();
  }

  private static final int B = 130;
  private static final int T = 3;

  static Stream<CellSpec> specs() {
    return Stream.of(CellSpec.of(CellType.LSTM, 3, 64), new CellSpec(CellType.LSTM, 3, 64, true), CellSpec.of(CellType.GRU, 3, 86));
  }

  private static int[] lengths() {
    int[] l = new int[B];
    for (int s = 0; s < B; s++) {
      l[s] = 1 + s % T;
    }
    return l;
  }

  @ParameterizedTest
  @MethodSource("specs")
  void wideBatchMatchesTheReference(CellSpec spec) {
    RecurrentCell cell = RecurrentCell.create(new ParameterSet(), "rnn", spec, DataType.DOUBLE, 21);
    int[] lengths = lengths();
    INDArray x = TestData.random(22, 1.0, B, T, spec.inputSize());
    try (Tape tape = new Tape()) {
      RecurrentOutput out = new Recurrent(cell).forward(tape, tape.constant(x), TestData.mask(lengths, T));
      double[][][] y = TestData.toArray3(out.outputs().value());
      double[][][] xs = TestData.toArray3(x);
      ReferenceCell ref = new ReferenceCell(cell);
      double[] zeros = new double[spec.hiddenSize()];
      for (int s = 0; s < B; s++) {
        ReferenceCell.Run r = ref.run(xs[s], lengths[s], zeros, cell.hasCellState() ? zeros : null);
        for (int k = 0; k < T; k++) {
          assertArrayEquals(r.outputs()[k], y[s][k], 1e-12, "sequence " + s + " step " + k);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void wideBatchGradientsEqualTheSumOverHalves(CellSpec spec) {
    ParameterSet params = new ParameterSet();
    RecurrentCell cell = RecurrentCell.create(params, "rnn", spec, DataType.DOUBLE, 23);
    INDArray x = TestData.random(24, 1.0, B, T, spec.inputSize());
    INDArray mask = TestData.mask(lengths(), T);
    INDArray weights = TestData.random(25, 1.0, B, T, spec.hiddenSize());

    List<double[]> whole = gradients(params, cell, x, mask, weights, 0, B);
    List<double[]> first = gradients(params, cell, x, mask, weights, 0, B / 2);
    List<double[]> second = gradients(params, cell, x, mask, weights, B / 2, B);
    for (int p = 0; p < whole.size(); p++) {
      double[] sum = first.get(p).clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += second.get(p)[i];
      }
      assertArrayEquals(sum, whole.get(p), 1e-10, params.list().get(p).name());
    }
  }

  /** Parameter gradients of {@code sum(y * weights)} over the sequences {@code [from, to)}. */
  private static List<double[]> gradients(
      ParameterSet params, RecurrentCell cell, INDArray x, INDArray mask, INDArray weights, int from, int to) {
    params.zeroGrad();
    try (Tape tape = new Tape()) {
      INDArray xs = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()).dup();
      INDArray ms = mask.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
      INDArray ws = weights.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()).dup();
      RecurrentOutput out = new Recurrent(cell).forward(tape, tape.constant(xs), ms);
      Variable loss = MathOps.sum(MathOps.mul(out.outputs(), tape.constant(ws)));
      tape.backward(loss);
    }
    List<double[]> grads = new ArrayList<>();
    for (Parameter p : params.list()) {
      grads.add(p.grad().dup().data().asDouble());
    }
    return grads;
  }
}
