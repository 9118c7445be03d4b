package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.param;
import static org.seqlab.core.Fixtures.values;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.Losses.Reduction;

class LossesTest {
  private static final double[][] Z = {{0.5, -1, 2}, {1, 1, 1}, {-3, 0, 0.25}};
  private static final int[] Y = {2, 0, 1};

  /** -log softmax(z)[y] computed directly. */
  private static double nll(double[] z, int y) {
    double s = 0;
    for (double v : z) {
      s += Math.exp(v);
    }
    return Math.log(s) - z[y];
  }

  @Test
  void sumAndMeanValuesByHand() {
    try (Tape t = new Tape()) {
      Variable z = t.constant(Nd4j.createFromArray(Z));
      double all = nll(Z[0], 2) + nll(Z[1], 0) + nll(Z[2], 1);
      assertEquals(all, Losses.crossEntropy(z, Y, null, Reduction.SUM).value().getDouble(0), 1e-12);
      assertEquals(all / 3, Losses.crossEntropy(z, Y, null, Reduction.MEAN).value().getDouble(0), 1e-12);
      INDArray mask = Nd4j.createFromArray(1.0, 0.0, 1.0);
      double masked = nll(Z[0], 2) + nll(Z[2], 1);
      assertEquals(masked, Losses.crossEntropy(z, Y, mask, Reduction.SUM).value().getDouble(0), 1e-12);
      assertEquals(masked / 2, Losses.crossEntropy(z, Y, mask, Reduction.MEAN).value().getDouble(0), 1e-12);
      assertArrayEquals(
          new double[] {nll(Z[0], 2), 0, nll(Z[2], 1)},
          values(Losses.crossEntropyPerPosition(z, Y, mask).value()),
          1e-12);
    }
  }

  @Test
  void meanGradientScalesTheUpstreamGradientByHand() {
    Parameter z = new Parameter("z", Nd4j.createFromArray(Z));
    INDArray mask = Nd4j.createFromArray(1.0, 0.0, 1.0);
    try (Tape t = new Tape()) {
      Variable loss = Losses.crossEntropy(t.watch(z), Y, mask, Reduction.MEAN);
      t.backward(MathOps.scale(loss, 3)); // upstream gradient 3
    }
    double[] expected = new double[9];
    for (int i : new int[] {0, 2}) {
      double s = 0;
      for (double v : Z[i]) {
        s += Math.exp(v);
      }
      for (int c = 0; c < 3; c++) {
        expected[i * 3 + c] = 1.5 * (Math.exp(Z[i][c]) / s - (c == Y[i] ? 1 : 0)); // 3 / 2 unmasked
      }
    }
    assertArrayEquals(expected, values(z.grad()), 1e-12);
  }

  @Test
  void gradientChecksForBatchMajorLogits() {
    Parameter z = param("z", 1, 2, 4, 5); // [B, T, C]
    int[] targets = {0, 4, 2, 1, 3, 3, 0, 2};
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 0}, {1, 1, 0, 0}});
    for (Reduction r : Reduction.values()) {
      // the reduced loss passes through a non-linear op, so its upstream gradient is not 1
      GradientCheck.check(
              List.of(z), t -> Activations.sigmoid(MathOps.scale(Losses.crossEntropy(t.watch(z), targets, mask, r), 2)))
          .assertOk(1e-6);
      GradientCheck.check(List.of(z), t -> Losses.crossEntropy(t.watch(z), targets, null, r)).assertOk(1e-6);
    }
    GradientCheck.check(
            List.of(z), t -> Fixtures.weightedSum(t, Losses.crossEntropyPerPosition(t.watch(z), targets, mask), 2))
        .assertOk(1e-6);
  }

  @Test
  void fullyMaskedBatchGivesZeroLossAndGradient() {
    Parameter z = param("z", 2, 2, 3);
    INDArray mask = Nd4j.zeros(DataType.DOUBLE, 2);
    try (Tape t = new Tape()) {
      Variable loss = Losses.crossEntropy(t.watch(z), new int[] {-1, 99}, mask, Reduction.MEAN);
      assertEquals(0, loss.value().getDouble(0), 0);
      t.backward(loss);
    }
    assertArrayEquals(new double[6], values(z.grad()), 0);
  }

  @Test
  void stableForHugeLogitsAndFloatAgreesWithDouble() {
    INDArray big = Fixtures.random(3, 6, 7).muli(1e4);
    int[] y = {0, 1, 2, 3, 4, 5};
    try (Tape t = new Tape()) {
      double d = Losses.crossEntropy(t.constant(big), y, null, Reduction.SUM).value().getDouble(0);
      assertTrue(Double.isFinite(d) && d >= 0, "loss " + d);
      INDArray small = Fixtures.random(4, 6, 7);
      double dd = Losses.crossEntropy(t.constant(small), y, null, Reduction.MEAN).value().getDouble(0);
      double ff = Losses.crossEntropy(t.constant(small.castTo(DataType.FLOAT)), y, null, Reduction.MEAN).value().getDouble(0);
      assertEquals(dd, ff, 1e-6);
    }
  }

  @Test
  void badTargetsAndMasksAreRejected() {
    try (Tape t = new Tape()) {
      Variable z = t.constant(Nd4j.createFromArray(Z));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(z, new int[] {0, 3, 1}, null, Reduction.SUM));
      assertTrue(e.getMessage().contains("target 3") && e.getMessage().contains("position 1"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(z, new int[] {0, 1}, null, Reduction.SUM));
      assertThrows(
          IllegalArgumentException.class,
          () -> Losses.crossEntropy(z, Y, Nd4j.ones(DataType.DOUBLE, 4), Reduction.SUM));
      // a padded position may carry any id when its mask is 0
      INDArray mask = Nd4j.createFromArray(1.0, 0.0, 1.0);
      Losses.crossEntropy(z, new int[] {2, -1, 1}, mask, Reduction.SUM);
    }
  }
}
