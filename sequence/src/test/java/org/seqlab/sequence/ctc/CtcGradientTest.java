package org.seqlab.sequence.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.MathOps;

/** Finite-difference gradient checks of the CTC loss in double precision. */
class CtcGradientTest {
  /** GradientCheck's relative error (floor 1e-4 on the denominator); a correct op scores ~1e-9. */
  static final double TOL = 1e-6;

  private static final int[][] TARGETS = {{1, 2, 2}, {3}, {}, {2, 1, 3, 1}};
  private static final int[] LENGTHS = {7, 3, 2, 6};

  @ParameterizedTest
  @EnumSource(CtcReduction.class)
  void gradientMatchesFiniteDifferences(CtcReduction reduction) {
    Parameter z = new Parameter("z", Nd4j.createFromArray(CtcLossTest.randomLogits(21, 4, 7, 4, 2.0)));
    CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withReduction(reduction));
    INDArray weights = Nd4j.createFromArray(0.7, -1.3, 0.4, 2.1); // a non-uniform upstream gradient
    GradientCheck.check(List.of(z), tape -> {
      Variable loss = ctc.forward(tape.watch(z), TARGETS, LENGTHS).loss();
      return reduction == CtcReduction.NONE ? MathOps.sum(MathOps.mul(loss, tape.constant(weights))) : MathOps.scale(loss, 1.7);
    }).assertOk(TOL);
  }

  @Test
  void gradientWithAnotherBlankAndLogSpaceRecursion() {
    Parameter z = new Parameter("z", Nd4j.createFromArray(CtcLossTest.randomLogits(22, 2, 6, 4, 3.0)));
    int[][] targets = {{0, 1, 1}, {2, 0}};
    for (boolean logSpace : new boolean[] {false, true}) {
      CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withBlank(3).withReduction(CtcReduction.SUM), logSpace);
      GradientCheck.check(List.of(z), tape -> ctc.forward(tape.watch(z), targets, null).loss()).assertOk(TOL);
    }
  }

  @Test
  void scaledAndLogSpaceGradientsAgree() {
    double[][][] logits = CtcLossTest.randomLogits(23, 3, 20, 6, 6.0);
    int[][] targets = {{1, 2, 3, 3, 4, 5, 1}, {5}, {2, 2, 2, 2}};
    assertArrayEquals(grad(logits, targets, false), grad(logits, targets, true), 1e-12);
  }

  @Test
  void paddedFramesGetZeroGradientAndZeroedInfeasibleExamplesToo() {
    double[][][] logits = CtcLossTest.randomLogits(24, 2, 5, 3, 1.0);
    Parameter z = new Parameter("z", Nd4j.createFromArray(logits));
    int[][] targets = {{1, 1, 2}, {2}}; // example 0 needs 4 frames but gets 3
    try (Tape tape = new Tape()) {
      CtcLoss ctc = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.SUM).withZeroInfinity(true));
      tape.backward(ctc.forward(tape.watch(z), targets, new int[] {3, 2}).loss());
    }
    double[][][] g = toArray(z.grad());
    for (int t = 0; t < 5; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(0.0, g[0][t][k], "infeasible example, frame " + t);
        if (t >= 2) {
          assertEquals(0.0, g[1][t][k], "padded frame " + t);
        }
      }
    }
    double rowSum = g[1][0][0] + g[1][0][1] + g[1][0][2];
    assertEquals(0.0, rowSum, 1e-12, "softmax gradients sum to 0 per frame");
    assertTrue(Math.abs(g[1][0][2]) > 1e-3);
  }

  @Test
  void infeasibleExampleWithoutZeroingGetsNanGradient() {
    Parameter z = new Parameter("z", Nd4j.createFromArray(CtcLossTest.randomLogits(25, 1, 2, 3, 1.0)));
    try (Tape tape = new Tape()) {
      tape.backward(new CtcLoss(CtcConfig.defaults()).forward(tape.watch(z), new int[][] {{1, 1}}, null).loss());
    }
    assertTrue(Double.isNaN(z.grad().getDouble(0)));
  }

  static double[] grad(double[][][] logits, int[][] targets, boolean logSpace) {
    Parameter z = new Parameter("z", Nd4j.createFromArray(logits));
    try (Tape tape = new Tape()) {
      tape.backward(new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.SUM), logSpace).forward(tape.watch(z), targets, null).loss());
    }
    return z.grad().reshape(z.grad().length()).toDoubleVector();
  }

  static double[][][] toArray(INDArray x) {
    long[] s = x.shape();
    double[][][] out = new double[(int) s[0]][(int) s[1]][(int) s[2]];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        for (int k = 0; k < s[2]; k++) {
          out[i][j][k] = x.getDouble(i, j, k);
        }
      }
    }
    return out;
  }
}
