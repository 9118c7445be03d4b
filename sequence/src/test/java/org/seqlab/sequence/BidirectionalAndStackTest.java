package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.MathOps;

class BidirectionalAndStackTest {
  private static final double TOL = RecurrentGradientTest.TOL;

  @Test
  void backwardDirectionReadsEachSequenceBackwardsWithinItsLength() {
    CellSpec spec = CellSpec.of(CellType.GRU, 2, 3);
    Bidirectional bi = Bidirectional.create(new ParameterSet(), "bi", spec, DataType.DOUBLE, 4);
    int[] lengths = {4, 2, 3};
    INDArray x = TestData.random(1, 1.0, 3, 4, 2);
    double[][][] xs = TestData.toArray3(x);
    try (Tape tape = new Tape()) {
      BidirectionalOutput out = bi.forward(tape, tape.constant(x), lengths);
      assertArrayEquals(new long[] {3, 4, 6}, out.outputs().shape());
      double[][][] y = TestData.toArray3(out.outputs().value());
      ReferenceCell fwd = new ReferenceCell(bi.forwardCell());
      ReferenceCell bwd = new ReferenceCell(bi.backwardCell());
      for (int b = 0; b < 3; b++) {
        int len = lengths[b];
        double[][] reversed = new double[len][];
        for (int k = 0; k < len; k++) {
          reversed[k] = xs[b][len - 1 - k];
        }
        ReferenceCell.Run f = fwd.run(xs[b], len, null, null);
        ReferenceCell.Run r = bwd.run(reversed, len, null, null);
        for (int k = 0; k < 4; k++) {
          double[] expected = new double[6];
          if (k < len) {
            System.arraycopy(f.outputs()[k], 0, expected, 0, 3);
            System.arraycopy(r.outputs()[len - 1 - k], 0, expected, 3, 3);
          }
          assertArrayEquals(expected, y[b][k], 1e-12, "sequence " + b + " step " + k);
        }
        assertArrayEquals(r.h(), ReferenceCell.row(out.backwardFinal().h().value(), b), 1e-12);
      }
    }
  }

  @Test
  void bidirectionalGradients() {
    ParameterSet params = new ParameterSet();
    Bidirectional bi = Bidirectional.create(params, "bi", new CellSpec(CellType.LSTM, 2, 3, false), DataType.DOUBLE, 2);
    Parameter x = params.add("x", TestData.random(3, 1.0, 3, 4, 2));
    int[] lengths = {2, 4, 3};
    GradientCheck.check(params.list(), tape -> {
      BidirectionalOutput o = bi.forward(tape, tape.watch(x), lengths);
      Variable loss = TestData.weightedSum(tape, o.outputs(), 4);
      return MathOps.add(loss, TestData.weightedSum(tape, o.backwardFinal().c(), 5));
    }).assertOk(TOL);
  }

  @Test
  void stackedWithDropoutAndInitialStatesGradients() {
    ParameterSet params = new ParameterSet();
    RecurrentConfig cfg = new RecurrentConfig(CellType.LSTM, 2, 3, 2, false, 0.3, false);
    StackedRecurrent stack = new StackedRecurrent(params, "rnn", cfg, DataType.DOUBLE, 6);
    Parameter x = params.add("x", TestData.random(7, 1.0, 2, 3, 2));
    Parameter h0 = params.add("h0", TestData.random(8, 0.5, 2, 3));
    Parameter c0 = params.add("c0", TestData.random(9, 0.5, 2, 3));
    int[] lengths = {3, 2};
    GradientCheck.check(params.list(), tape -> {
      List<CellState> init = List.of(new CellState(tape.watch(h0), tape.watch(c0)), new CellState(tape.watch(c0), tape.watch(h0)));
      StackedRecurrent.Output o = stack.forward(tape, tape.watch(x), lengths, init, true, 77);
      return MathOps.add(TestData.weightedSum(tape, o.outputs(), 10), TestData.weightedSum(tape, o.finalStates().get(0).h(), 11));
    }).assertOk(TOL);
  }

  @Test
  void stackedBidirectionalGruGradients() {
    ParameterSet params = new ParameterSet();
    RecurrentConfig cfg = new RecurrentConfig(CellType.GRU, 2, 2, 2, true, 0.0, false);
    StackedRecurrent stack = new StackedRecurrent(params, "rnn", cfg, DataType.DOUBLE, 12);
    Parameter x = params.add("x", TestData.random(13, 1.0, 2, 3, 2));
    GradientCheck.check(params.list(), tape -> {
      StackedRecurrent.Output o = stack.forward(tape, tape.watch(x), new int[] {1, 3}, null, false, 0);
      assertEquals(4, o.finalStates().size());
      return TestData.weightedSum(tape, o.outputs(), 14);
    }).assertOk(TOL);
  }

  @Test
  void dropoutIsSeededAndOnlyInTraining() {
    RecurrentConfig cfg = new RecurrentConfig(CellType.RNN_TANH, 2, 8, 2, false, 0.5, false);
    StackedRecurrent stack = new StackedRecurrent(new ParameterSet(), "rnn", cfg, DataType.DOUBLE, 1);
    INDArray x = TestData.random(2, 1.0, 2, 5, 2);
    try (Tape tape = new Tape()) {
      INDArray a = stack.forward(tape, tape.constant(x), null, null, true, 5).outputs().value();
      INDArray b = stack.forward(tape, tape.constant(x), null, null, true, 5).outputs().value();
      INDArray c = stack.forward(tape, tape.constant(x), null, null, true, 6).outputs().value();
      INDArray e1 = stack.forward(tape, tape.constant(x), null, null, false, 5).outputs().value();
      INDArray e2 = stack.forward(tape, tape.constant(x), null, null, false, 6).outputs().value();
      assertEquals(a, b);
      assertTrue(!a.equals(c));
      assertEquals(e1, e2);
    }
  }

  @Test
  void masksAndReversal() {
    INDArray m = Masks.fromLengths(new int[] {3, 1}, 4, DataType.DOUBLE);
    assertArrayEquals(new double[][] {{1, 1, 1, 0}, {1, 0, 0, 0}}, m.toDoubleMatrix());
    assertArrayEquals(new int[] {3, 1}, Masks.lengths(m));
    var e = assertThrows(IllegalArgumentException.class,
        () -> Masks.lengths(org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][] {{1, 0, 1}})));
    assertTrue(e.getMessage().contains("row 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Masks.fromLengths(new int[] {0}, 3, DataType.DOUBLE));
    INDArray x = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][][] {{{1}, {2}, {3}, {4}}, {{5}, {6}, {7}, {8}}});
    try (Tape tape = new Tape()) {
      INDArray r = Masks.reverse(tape.constant(x), new int[] {3, 4}).value();
      assertArrayEquals(new double[] {3, 2, 1, 4, 8, 7, 6, 5}, r.reshape(8).toDoubleVector(), 0);
    }
  }
}
