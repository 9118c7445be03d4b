package org.seqlab.sequence.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;

/**
 * Parity with ND4J 1.0.0-M2.1's raw {@code ctc_loss} and {@code ctc_loss_grad} custom ops (inputs:
 * int labels {@code [B, Lmax]}, log-softmax {@code [B, T, C]}, int target lengths, int input
 * lengths; integer argument: the blank). Where both are defined they agree to float or double
 * precision, the gradient included (ND4J's is with respect to the logits too). ND4J is wrong on two
 * edge cases, pinned in {@link #nd4jEdgeCaseDefects()}.
 */
class Nd4jCtcParityTest {
  private static INDArray[] nd4j(double[][][] z, int[][] targets, int[] lens, int blank, DataType dt) {
    int b = z.length;
    INDArray logits = Nd4j.createFromArray(z);
    INDArray logp = logits.sub(Transforms.log(Transforms.exp(logits, true).sum(true, 2), false)).castTo(dt); // [B, T, C]
    int maxLen = 1;
    for (int[] t : targets) {
      maxLen = Math.max(maxLen, t.length);
    }
    INDArray labels = Nd4j.zeros(DataType.INT32, b, maxLen);
    int[] tl = new int[b];
    for (int i = 0; i < b; i++) {
      tl[i] = targets[i].length;
      for (int j = 0; j < targets[i].length; j++) {
        labels.putScalar(i, j, targets[i][j]);
      }
    }
    INDArray loss = Nd4j.create(dt, b);
    INDArray grad = Nd4j.create(dt, logp.shape());
    for (String op : new String[] {"ctc_loss", "ctc_loss_grad"}) {
      Nd4j.exec(DynamicCustomOp.builder(op)
          .addInputs(labels, logp, Nd4j.createFromArray(tl), Nd4j.createFromArray(lens))
          .addIntegerArguments(blank)
          .addOutputs(op.equals("ctc_loss") ? loss : grad)
          .build());
    }
    return new INDArray[] {loss, grad};
  }

  @Test
  void lossesAndGradientsAgree() {
    double[][][] z = CtcLossTest.randomLogits(31, 4, 40, 6, 4.0);
    int[][] base = {{1, 2, 2, 3, 5, 4}, {4}, {1, 3, 1, 3, 1, 3, 1, 3, 1, 3}, {5, 5, 5}};
    int[] lens = {40, 17, 33, 6};
    for (int blank : new int[] {0, 5}) {
      int[][] targets = new int[4][];
      for (int i = 0; i < 4; i++) {
        targets[i] = base[i].clone();
        for (int j = 0; j < targets[i].length; j++) {
          if (targets[i][j] == blank) {
            targets[i][j] = 0; // blank 5: label 5 becomes 0
          }
        }
      }
      Parameter p = new Parameter("z", Nd4j.createFromArray(z));
      CtcLoss.Output out;
      try (Tape tape = new Tape()) {
        out = new CtcLoss(CtcConfig.defaults().withBlank(blank).withReduction(CtcReduction.SUM)).forward(tape.watch(p), targets, lens);
        tape.backward(out.loss());
      }
      double[] ourGrad = p.grad().reshape(p.grad().length()).toDoubleVector();
      INDArray[] dbl = nd4j(z, targets, lens, blank, DataType.DOUBLE);
      assertArrayEquals(out.perExample(), dbl[0].toDoubleVector(), 1e-9, "double losses, blank " + blank);
      assertArrayEquals(ourGrad, dbl[1].reshape(dbl[1].length()).toDoubleVector(), 1e-9, "double gradient, blank " + blank);
      INDArray[] flt = nd4j(z, targets, lens, blank, DataType.FLOAT);
      double[] fl = flt[0].toDoubleVector();
      for (int i = 0; i < 4; i++) {
        assertEquals(out.perExample()[i], fl[i], 1e-5 * out.perExample()[i], "float loss " + i);
      }
      assertArrayEquals(ourGrad, flt[1].castTo(DataType.DOUBLE).reshape(flt[1].length()).toDoubleVector(), 1e-4);
    }
  }

  @Test
  void bothReportInfinityForRepeatsThatDoNotFit() {
    double[][][] z = CtcLossTest.randomLogits(32, 1, 2, 3, 1.0);
    INDArray[] r = nd4j(z, new int[][] {{1, 1}}, new int[] {2}, 0, DataType.DOUBLE);
    assertEquals(Double.POSITIVE_INFINITY, r[0].getDouble(0));
    assertEquals(Double.POSITIVE_INFINITY, new CtcLoss(CtcConfig.defaults()).losses(Nd4j.createFromArray(z), new int[][] {{1, 1}}, null)[0]);
  }

  /**
   * Known ND4J defects (M2.1), recorded so that a fixed release shows up here: a target longer than
   * its input gets a finite loss instead of {@code +inf}, and an empty target gets {@code -inf}
   * instead of {@code -sum_t log y_t(blank)}. Our values are checked against brute force in {@link
   * CtcLossTest}.
   */
  @Test
  void nd4jEdgeCaseDefects() {
    double[][][] tooLong = CtcLossTest.randomLogits(1, 1, 4, 3, 1.0);
    double nd4jTooLong = nd4j(tooLong, new int[][] {{1, 2, 1}}, new int[] {2}, 0, DataType.DOUBLE)[0].getDouble(0);
    assertTrue(Double.isFinite(nd4jTooLong), "ND4J now reports " + nd4jTooLong + " for a 3-label target on 2 frames");
    assertEquals(Double.POSITIVE_INFINITY,
        new CtcLoss(CtcConfig.defaults()).losses(Nd4j.createFromArray(tooLong), new int[][] {{1, 2, 1}}, new int[] {2})[0]);

    double[][][] z = CtcLossTest.randomLogits(1, 1, 3, 3, 1.0);
    double nd4jEmpty = nd4j(z, new int[][] {{}}, new int[] {3}, 0, DataType.DOUBLE)[0].getDouble(0);
    assertEquals(Double.NEGATIVE_INFINITY, nd4jEmpty);
    double ours = new CtcLoss(CtcConfig.defaults()).losses(Nd4j.createFromArray(z), new int[][] {{}}, null)[0];
    assertEquals(BruteForceCtc.loss(z[0], 3, new int[0], 0), ours, 1e-12);
  }
}
