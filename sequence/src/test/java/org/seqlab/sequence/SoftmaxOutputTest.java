package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;

class SoftmaxOutputTest {
  @Test
  void lossIsTheMaskedMeanOfMinusLogSoftmax() {
    ParameterSet params = new ParameterSet();
    SoftmaxOutput out = new SoftmaxOutput(params, "out", 3, 5, DataType.DOUBLE, 1);
    out.bias().value().assign(TestData.random(2, 1.0, 5));
    INDArray h = TestData.random(3, 1.0, 2, 2, 3); // [B, T, H]
    int[] y = {4, 0, 2, 99};
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1}, {1, 0}});
    double[][] w = out.weight().value().toDoubleMatrix();
    double[] b = out.bias().value().toDoubleVector();
    double[][] hs = h.reshape(4, 3).toDoubleMatrix();
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      double[] z = new double[5];
      double sum = 0;
      for (int k = 0; k < 5; k++) {
        z[k] = b[k];
        for (int j = 0; j < 3; j++) {
          z[k] += hs[i][j] * w[j][k];
        }
        sum += Math.exp(z[k]);
      }
      expected += Math.log(sum) - z[y[i]];
    }
    try (Tape tape = new Tape()) {
      assertEquals(expected / 3, out.loss(tape, tape.constant(h), y, mask).value().getDouble(0), 1e-12);
      INDArray logits = out.logits(h.reshape(4, 3));
      assertEquals(Math.log(Math.exp(logits.getDouble(0, 0))), logits.getDouble(0, 0), 1e-12);
    }
  }

  @Test
  void gradients() {
    ParameterSet params = new ParameterSet();
    SoftmaxOutput out = new SoftmaxOutput(params, "out", 3, 6, DataType.DOUBLE, 1);
    out.bias().value().assign(TestData.random(4, 0.5, 6));
    Parameter h = params.add("h", TestData.random(5, 1.0, 2, 3, 3));
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 0}, {1, 0, 0}});
    int[] y = {1, 5, -1, 0, 7, 7};
    GradientCheck.check(params.list(), tape -> out.loss(tape, tape.watch(h), y, mask)).assertOk(RecurrentGradientTest.TOL);
    GradientCheck.check(params.list(), tape -> out.loss(tape, tape.watch(h), new int[] {0, 1, 2, 3, 4, 5}, null))
        .assertOk(RecurrentGradientTest.TOL);
  }

  /** The FLOAT path sums bias gradients on Java threads in column blocks; it must match DOUBLE. */
  @Test
  void floatGradientsMatchDoubleOnesAcrossColumnBlocks() {
    int hid = 4;
    int v = 2500; // more than one 1024-column block
    double[][] gw = new double[2][];
    double[][] gb = new double[2][];
    DataType[] types = {DataType.DOUBLE, DataType.FLOAT};
    for (int k = 0; k < 2; k++) {
      ParameterSet params = new ParameterSet();
      SoftmaxOutput out = new SoftmaxOutput(params, "out", hid, v, types[k], 1);
      out.bias().value().assign(TestData.random(4, 0.5, v));
      INDArray h = TestData.random(5, 1.0, 3, 4, hid).castTo(types[k]);
      int[] y = new int[12];
      for (int i = 0; i < y.length; i++) {
        y[i] = (i * 977) % v;
      }
      INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 0}, {1, 1, 0, 0}, {1, 1, 1, 1}}).castTo(types[k]);
      try (Tape tape = new Tape()) {
        tape.backward(out.loss(tape, tape.constant(h), y, mask));
      }
      gw[k] = out.weight().grad().castTo(DataType.DOUBLE).data().asDouble();
      gb[k] = out.bias().grad().castTo(DataType.DOUBLE).data().asDouble();
    }
    double bsum = 0;
    for (int j = 0; j < v; j++) {
      assertEquals(gb[0][j], gb[1][j], 1e-6, "bias gradient " + j);
      bsum += Math.abs(gb[0][j]);
    }
    assertTrue(bsum > 0.1, "bias gradient is not trivially zero");
    for (int j = 0; j < gw[0].length; j++) {
      assertEquals(gw[0][j], gw[1][j], 1e-6, "weight gradient " + j);
    }
  }

  @Test
  void underflowedProbabilitiesStillGiveTheExactLoss() {
    ParameterSet params = new ParameterSet();
    SoftmaxOutput out = new SoftmaxOutput(params, "out", 1, 2, DataType.FLOAT, 1);
    out.weight().value().assign(Nd4j.createFromArray(new float[][] {{0f, 0f}}));
    out.bias().value().assign(Nd4j.createFromArray(0f, 200f)); // p[0] = e^-200 underflows in float
    try (Tape tape = new Tape()) {
      double loss = out.loss(tape, tape.constant(Nd4j.ones(DataType.FLOAT, 1, 1)), new int[] {0}, null).value().getDouble(0);
      assertEquals(200.0, loss, 1e-3);
    }
  }

  @Test
  void rejectsTargetsOutsideTheVocabulary() {
    SoftmaxOutput out = new SoftmaxOutput(new ParameterSet(), "out", 2, 3, DataType.DOUBLE, 1);
    try (Tape tape = new Tape()) {
      var h = tape.constant(TestData.random(1, 1.0, 2, 2));
      assertThrows(IllegalArgumentException.class, () -> out.loss(tape, h, new int[] {0, 3}, null));
      assertThrows(IllegalArgumentException.class, () -> out.loss(tape, h, new int[] {0}, null));
    }
    assertArrayEquals(new long[] {2, 3}, out.weight().shape());
  }
}
