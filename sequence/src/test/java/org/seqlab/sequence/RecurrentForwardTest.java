package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;

/** The fused kernels against the naive scalar reference, with padding and initial states. */
class RecurrentForwardTest {
  static Stream<CellSpec> specs() {
    return Stream.of(
        CellSpec.of(CellType.RNN_TANH, 3, 4),
        CellSpec.of(CellType.RNN_RELU, 3, 4),
        CellSpec.of(CellType.GRU, 3, 4),
        CellSpec.of(CellType.LSTM, 3, 4),
        new CellSpec(CellType.LSTM, 3, 4, true));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void matchesTheScalarReferenceWithPaddingAndInitialState(CellSpec spec) {
    int b = 3;
    int t = 5;
    int[] lengths = {5, 2, 3};
    RecurrentCell cell = RecurrentCell.create(new ParameterSet(), "rnn", spec, DataType.DOUBLE, 11);
    INDArray x = TestData.random(1, 1.0, b, t, spec.inputSize());
    INDArray h0 = TestData.random(2, 0.5, b, spec.hiddenSize());
    INDArray c0 = TestData.random(3, 0.5, b, spec.hiddenSize());
    boolean lstm = spec.type() == CellType.LSTM;
    try (Tape tape = new Tape()) {
      CellState init = new CellState(tape.constant(h0), lstm ? tape.constant(c0) : null);
      RecurrentOutput out = new Recurrent(cell).forward(tape, tape.constant(x), TestData.mask(lengths, t), init);
      assertArrayEquals(new long[] {b, t, spec.hiddenSize()}, out.outputs().shape());
      double[][][] y = TestData.toArray3(out.outputs().value());
      ReferenceCell ref = new ReferenceCell(cell);
      double[][][] xs = TestData.toArray3(x);
      for (int s = 0; s < b; s++) {
        ReferenceCell.Run r = ref.run(xs[s], lengths[s], ReferenceCell.row(h0, s), lstm ? ReferenceCell.row(c0, s) : null);
        for (int k = 0; k < t; k++) {
          assertArrayEquals(r.outputs()[k], y[s][k], 1e-12, "sequence " + s + " step " + k);
        }
        assertArrayEquals(r.h(), ReferenceCell.row(out.finalState().h().value(), s), 1e-12);
        if (lstm) {
          assertArrayEquals(r.c(), ReferenceCell.row(out.finalState().c().value(), s), 1e-12);
        } else {
          assertNull(out.finalState().c());
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void paddedBatchEqualsEachSequenceAlone(CellSpec spec) {
    RecurrentCell cell = RecurrentCell.create(new ParameterSet(), "rnn", spec, DataType.DOUBLE, 5);
    int[] lengths = {4, 1, 3};
    INDArray x = TestData.random(9, 1.0, 3, 4, spec.inputSize());
    try (Tape tape = new Tape()) {
      RecurrentOutput padded = new Recurrent(cell).forward(tape, tape.constant(x), TestData.mask(lengths, 4));
      for (int s = 0; s < 3; s++) {
        INDArray alone = x.get(
            org.nd4j.linalg.indexing.NDArrayIndex.interval(s, s + 1),
            org.nd4j.linalg.indexing.NDArrayIndex.interval(0, lengths[s]),
            org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
        RecurrentOutput single = new Recurrent(cell).forward(tape, tape.constant(alone), null);
        assertArrayEquals(
            single.finalState().h().value().toDoubleVector(),
            ReferenceCell.row(padded.finalState().h().value(), s), 1e-12);
        double[][][] y = TestData.toArray3(padded.outputs().value());
        for (int k = lengths[s]; k < 4; k++) {
          assertArrayEquals(new double[spec.hiddenSize()], y[s][k], 0.0, "padded output " + s + "," + k);
        }
      }
    }
  }

  @Test
  void lstmForgetBiasStartsAtOne() {
    RecurrentCell cell = RecurrentCell.create(new ParameterSet(), "l", CellSpec.of(CellType.LSTM, 2, 3), DataType.DOUBLE, 1);
    double[] b = cell.bias().value().toDoubleVector();
    for (int j = 0; j < 3; j++) {
      assertEquals(1.0, b[6 + j], 0.0); // block order [o, i, f, g]
      assertTrue(Math.abs(b[j]) <= 1 / Math.sqrt(3));
    }
  }

  @Test
  void rejectsBadShapesWithBothShapes() {
    RecurrentCell cell = RecurrentCell.create(new ParameterSet(), "g", CellSpec.of(CellType.GRU, 3, 4), DataType.DOUBLE, 1);
    try (Tape tape = new Tape()) {
      var x = tape.constant(TestData.random(1, 1, 2, 5, 2));
      var e = assertThrows(IllegalArgumentException.class, () -> new Recurrent(cell).forward(tape, x, null));
      assertTrue(e.getMessage().contains("[2, 5, 2]") && e.getMessage().contains("3]"), e.getMessage());
      var ok = tape.constant(TestData.random(1, 1, 2, 5, 3));
      var m = TestData.mask(new int[] {5, 5, 5}, 5);
      e = assertThrows(IllegalArgumentException.class, () -> new Recurrent(cell).forward(tape, ok, m));
      assertTrue(e.getMessage().contains("[2, 5]") && e.getMessage().contains("[3, 5]"), e.getMessage());
      var lstmState = new CellState(tape.constant(TestData.random(1, 1, 2, 4)), tape.constant(TestData.random(1, 1, 2, 4)));
      assertThrows(IllegalArgumentException.class, () -> new Recurrent(cell).forward(tape, ok, null, lstmState));
    }
    assertThrows(IllegalArgumentException.class, () -> new CellSpec(CellType.GRU, 3, 4, true));
    assertThrows(IllegalArgumentException.class, () -> CellSpec.of(CellType.GRU, 0, 4));
  }
}
