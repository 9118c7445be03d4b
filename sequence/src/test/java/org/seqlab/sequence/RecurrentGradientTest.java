package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.MathOps;

/**
 * Finite-difference gradient checks (double precision) of the fused recurrent ops: every cell, with
 * and without padding, with learned initial states, and with the loss reading the final state.
 */
class RecurrentGradientTest {
  /**
   * GradientCheck's error is relative, with a floor of 1e-4 on the denominator: 1e-5 admits the
   * ~1e-10 absolute noise of central differences on near-zero entries; a wrong term gives O(1).
   */
  static final double TOL = 1e-5;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    CellSpec[] specs = {
      CellSpec.of(CellType.RNN_TANH, 2, 3),
      CellSpec.of(CellType.RNN_RELU, 2, 3),
      CellSpec.of(CellType.GRU, 2, 3),
      CellSpec.of(CellType.LSTM, 2, 3),
      new CellSpec(CellType.LSTM, 2, 3, true)
    };
    for (CellSpec s : specs) {
      out.add(Arguments.of(s, false, false));
      out.add(Arguments.of(s, true, false));
      out.add(Arguments.of(s, true, true));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} masked={1} initialState={2}")
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(CellSpec spec, boolean masked, boolean initialState) {
    int b = 3;
    int t = 4;
    ParameterSet params = new ParameterSet();
    RecurrentCell cell = RecurrentCell.create(params, "cell", spec, DataType.DOUBLE, 3);
    Parameter x = params.add("x", TestData.random(4, 1.0, b, t, spec.inputSize()));
    boolean lstm = cell.hasCellState();
    Parameter h0 = initialState ? params.add("h0", TestData.random(5, 0.5, b, spec.hiddenSize())) : null;
    Parameter c0 = initialState && lstm ? params.add("c0", TestData.random(6, 0.5, b, spec.hiddenSize())) : null;
    INDArray mask = masked ? TestData.mask(new int[] {4, 1, 2}, t) : null;
    Recurrent layer = new Recurrent(cell);
    GradientCheck.check(params.list(), tape -> {
      CellState init = h0 == null ? null : new CellState(tape.watch(h0), c0 == null ? null : tape.watch(c0));
      RecurrentOutput out = layer.forward(tape, tape.watch(x), mask, init);
      Variable loss = TestData.weightedSum(tape, out.outputs(), 7);
      loss = MathOps.add(loss, TestData.weightedSum(tape, out.finalState().h(), 8));
      if (lstm) {
        loss = MathOps.add(loss, TestData.weightedSum(tape, out.finalState().c(), 9));
      }
      return loss;
    }).assertOk(TOL);
  }

  @ParameterizedTest(name = "{0} final state only")
  @MethodSource("specsOnly")
  void gradientFlowsWhenOnlyTheFinalStateIsUsed(CellSpec spec) {
    ParameterSet params = new ParameterSet();
    RecurrentCell cell = RecurrentCell.create(params, "cell", spec, DataType.DOUBLE, 13);
    Parameter x = params.add("x", TestData.random(14, 1.0, 2, 3, spec.inputSize()));
    INDArray mask = TestData.mask(new int[] {2, 3}, 3);
    GradientCheck.check(params.list(), tape -> {
      RecurrentOutput out = new Recurrent(cell).forward(tape, tape.watch(x), mask);
      Variable state = cell.hasCellState() ? out.finalState().c() : out.finalState().h();
      return TestData.weightedSum(tape, state, 15);
    }).assertOk(TOL);
  }

  static Stream<CellSpec> specsOnly() {
    return Stream.of(
        CellSpec.of(CellType.RNN_TANH, 2, 3),
        CellSpec.of(CellType.GRU, 2, 3),
        new CellSpec(CellType.LSTM, 2, 3, true));
  }
}
