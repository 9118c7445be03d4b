package org.seqlab.sequence.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

/** The CTC loss value against brute-force enumeration, hand-computed cases, reductions and errors. */
class CtcLossTest {
  static double[][][] randomLogits(long seed, int b, int t, int c, double scale) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] z = new double[b][t][c];
    for (double[][] m : z) {
      for (double[] r : m) {
        for (int k = 0; k < c; k++) {
          r[k] = (rng.nextDouble() * 2 - 1) * scale;
        }
      }
    }
    return z;
  }

  static double[] losses(CtcConfig cfg, double[][][] z, int[][] targets, int[] lens) {
    return new CtcLoss(cfg.withReduction(CtcReduction.NONE)).losses(Nd4j.createFromArray(z), targets, lens);
  }

  @Test
  void matchesBruteForceOnEveryTargetOfTinyCases() {
    // T = 5 frames, C = 3 classes: every target of length 0..3 over the two labels, every blank index
    for (int blank = 0; blank < 3; blank++) {
      double[][][] z = randomLogits(11 + blank, 1, 5, 3, 2.0);
      int[] labels = blank == 0 ? new int[] {1, 2} : blank == 1 ? new int[] {0, 2} : new int[] {0, 1};
      for (int len = 0; len <= 3; len++) {
        for (int code = 0; code < (1 << len); code++) {
          int[] target = new int[len];
          for (int j = 0; j < len; j++) {
            target[j] = labels[(code >> j) & 1];
          }
          for (int frames = 1; frames <= 5; frames++) {
            double expected = BruteForceCtc.loss(z[0], frames, target, blank);
            double got = losses(CtcConfig.defaults().withBlank(blank), z, new int[][] {target}, new int[] {frames})[0];
            double logSpace = new CtcLoss(CtcConfig.defaults().withBlank(blank).withReduction(CtcReduction.NONE), true)
                .losses(Nd4j.createFromArray(z), new int[][] {target}, new int[] {frames})[0];
            if (Double.isInfinite(expected)) {
              assertEquals(Double.POSITIVE_INFINITY, got, "blank " + blank + " target " + java.util.Arrays.toString(target));
            } else {
              assertEquals(expected, got, 1e-12, "blank " + blank + " frames " + frames + " target " + java.util.Arrays.toString(target));
              assertEquals(expected, logSpace, 1e-12);
            }
          }
        }
      }
    }
  }

  @Test
  void handComputedTwoFrameCase() {
    // uniform logits, C = 2 (blank 0, label 1), T = 2, target [1]: alignments 11, ∅1, 1∅ -> p = 3/4
    double[][][] z = new double[1][2][2];
    double loss = losses(CtcConfig.defaults(), z, new int[][] {{1}}, null)[0];
    assertEquals(-Math.log(0.75), loss, 1e-15);
    // target [1, 1] needs 3 frames: infeasible on 2
    assertEquals(Double.POSITIVE_INFINITY, losses(CtcConfig.defaults(), z, new int[][] {{1, 1}}, null)[0]);
    // empty target: only ∅∅, p = 1/4
    assertEquals(-Math.log(0.25), losses(CtcConfig.defaults(), z, new int[][] {{}}, null)[0], 1e-15);
  }

  @Test
  void batchWithOwnLengthsEqualsExamplesAlone() {
    double[][][] z = randomLogits(5, 3, 7, 4, 3.0);
    int[][] targets = {{1, 2, 2}, {3}, {}};
    int[] lens = {7, 4, 2};
    double[] batch = losses(CtcConfig.defaults(), z, targets, lens);
    for (int i = 0; i < 3; i++) {
      double[][][] one = {java.util.Arrays.copyOf(z[i], lens[i])};
      assertEquals(losses(CtcConfig.defaults(), one, new int[][] {targets[i]}, null)[0], batch[i], 1e-12);
      // frames past the length must not matter
      double[][][] junk = randomLogits(99, 3, 7, 4, 50.0);
      for (int t = 0; t < lens[i]; t++) {
        junk[i][t] = z[i][t];
      }
      assertEquals(batch[i], losses(CtcConfig.defaults(), junk, targets, lens)[i], 1e-12);
    }
  }

  @Test
  void reductions() {
    double[][][] z = randomLogits(6, 3, 6, 4, 2.0);
    int[][] targets = {{1, 2}, {3, 3, 1}, {}};
    double[] per = losses(CtcConfig.defaults(), z, targets, null);
    try (Tape tape = new Tape()) {
      Variable x = tape.constant(Nd4j.createFromArray(z));
      assertEquals(per[0] + per[1] + per[2], value(tape, x, targets, CtcReduction.SUM), 1e-12);
      assertEquals((per[0] + per[1] + per[2]) / 3, value(tape, x, targets, CtcReduction.MEAN), 1e-12);
      assertEquals((per[0] / 2 + per[1] / 3 + per[2] / 1) / 3, value(tape, x, targets, CtcReduction.MEAN_BY_TARGET_LENGTH), 1e-12);
      Variable none = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.NONE)).forward(x, targets, null).loss();
      assertArrayEquals(per, none.value().toDoubleVector(), 1e-12);
    }
  }

  private static double value(Tape tape, Variable x, int[][] targets, CtcReduction r) {
    return new CtcLoss(CtcConfig.defaults().withReduction(r)).forward(x, targets, null).loss().value().getDouble(0);
  }

  @Test
  void infeasibleTargetsAreReportedAndOptionallyZeroed() {
    double[][][] z = randomLogits(7, 2, 3, 3, 1.0);
    int[][] targets = {{1, 1, 2}, {2}}; // [1, 1, 2] needs 4 frames
    try (Tape tape = new Tape()) {
      Variable x = tape.constant(Nd4j.createFromArray(z));
      CtcLoss.Output kept = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.SUM)).forward(x, targets, null);
      assertArrayEquals(new int[] {0}, kept.infeasible());
      assertEquals(Double.POSITIVE_INFINITY, kept.loss().value().getDouble(0));
      CtcLoss.Output zeroed = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.SUM).withZeroInfinity(true))
          .forward(x, targets, null);
      assertArrayEquals(new int[] {0}, zeroed.infeasible());
      assertEquals(Double.POSITIVE_INFINITY, zeroed.perExample()[0]);
      assertEquals(zeroed.perExample()[1], zeroed.loss().value().getDouble(0), 1e-12);
    }
  }

  @Test
  void extremeLogitsFallBackToLogSpaceAndStayFinite() {
    // a label whose probability is ~e^-2000 at every frame: the scaled recursion underflows
    double[][][] z = new double[1][4][3];
    for (int t = 0; t < 4; t++) {
      z[0][t] = new double[] {0, -2000, 0};
    }
    double got = losses(CtcConfig.defaults(), z, new int[][] {{1}}, null)[0];
    double exact = new CtcLoss(CtcConfig.defaults().withReduction(CtcReduction.NONE), true)
        .losses(Nd4j.createFromArray(z), new int[][] {{1}}, null)[0];
    assertTrue(Double.isFinite(got) && got > 1999, "loss " + got);
    assertEquals(exact, got, 1e-9);
    // p = sum over the frame u carrying the label of y_u(1) prod_{t != u} y_t(∅ or 2 pattern) = 4 e^-2000 / (2 + e^-2000)^4 * ...
    double logY1 = -2000 - Math.log(2 + Math.exp(-2000)); // log y_t(1)
    double logY0 = -Math.log(2); // log y_t(0)
    // alignments: the label occupies a run [u, v] of frames, the rest are blanks: 10 runs
    double expected = -(logY1 + 3 * logY0 + Math.log(4)); // runs of length 1 dominate (others have e^-4000)
    assertEquals(expected, got, 1e-9);
  }

  @Test
  void threadsDoNotChangeResults() {
    double[][][] z = randomLogits(8, 9, 12, 5, 2.0);
    int[][] targets = new int[9][];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 9; i++) {
      targets[i] = rng.ints(rng.nextInt(5), 1, 5).toArray();
    }
    assertArrayEquals(losses(CtcConfig.defaults(), z, targets, null), losses(CtcConfig.defaults().withThreads(3), z, targets, null), 0);
  }

  @Test
  void floatLogitsGiveTheDoubleLossToFloatPrecision() {
    double[][][] z = randomLogits(9, 2, 10, 6, 2.0);
    int[][] targets = {{1, 2, 3}, {5, 5}};
    INDArray f = Nd4j.createFromArray(z).castTo(DataType.FLOAT);
    double[] lf = new CtcLoss(CtcConfig.defaults()).losses(f, targets, null);
    double[] ld = new CtcLoss(CtcConfig.defaults()).losses(f.castTo(DataType.DOUBLE), targets, null);
    assertArrayEquals(ld, lf, 1e-12);
  }

  @Test
  void badInputsNameTheProblem() {
    INDArray z = Nd4j.zeros(DataType.DOUBLE, 2, 3, 4);
    CtcLoss ctc = new CtcLoss(CtcConfig.defaults());
    assertMessage("label 0 at position 1", () -> ctc.losses(z, new int[][] {{1, 0}, {}}, null));
    assertMessage("label 4 at position 0", () -> ctc.losses(z, new int[][] {{4}, {}}, null));
    assertMessage("1 targets for a batch of 2", () -> ctc.losses(z, new int[][] {{1}}, null));
    assertMessage("input length 4 of example 1", () -> ctc.losses(z, new int[][] {{1}, {2}}, new int[] {3, 4}));
    assertMessage("blank index 7", () -> new CtcLoss(CtcConfig.defaults().withBlank(7)).losses(z, new int[][] {{1}, {2}}, null));
    assertMessage("[B, T, C]", () -> ctc.losses(Nd4j.zeros(DataType.DOUBLE, 3, 4), new int[][] {{1}}, null));
    assertMessage("blank must be >= 0", () -> CtcConfig.defaults().withBlank(-1));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(part), ex.getMessage());
  }
}
