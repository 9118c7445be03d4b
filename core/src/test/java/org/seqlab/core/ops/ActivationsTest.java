package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.param;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

class ActivationsTest {
  @Test
  void elementwiseForwardValues() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(-1.0, 0.0, 0.5));
      assertArrayEquals(new double[] {Math.tanh(-1), 0, Math.tanh(0.5)}, values(Activations.tanh(x).value()), 1e-15);
      assertArrayEquals(
          new double[] {1 / (1 + Math.E), 0.5, 1 / (1 + Math.exp(-0.5))}, values(Activations.sigmoid(x).value()), 1e-15);
      assertArrayEquals(new double[] {0, 0, 0.5}, values(Activations.relu(x).value()), 0);
      assertArrayEquals(new double[] {Math.exp(-1), 1, Math.exp(0.5)}, values(Activations.exp(x).value()), 1e-15);
    }
  }

  @Test
  void softmaxByHandAndStableForHugeLogits() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {1000, 1000, 1000}}));
      double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
      double[] p = values(Activations.softmax(x).value());
      assertArrayEquals(
          new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 1 / 3.0, 1 / 3.0, 1 / 3.0}, p, 1e-15);
      double[] lp = values(Activations.logSoftmax(x).value());
      assertArrayEquals(
          new double[] {1 - Math.log(z), 2 - Math.log(z), 3 - Math.log(z), -Math.log(3), -Math.log(3), -Math.log(3)},
          lp,
          1e-12);
    }
  }

  @Test
  void floatSoftmaxRowsSumToOne() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(org.seqlab.core.Fixtures.random(3, 2, 5, 7).muli(50).castTo(DataType.FLOAT));
      Variable p = Activations.softmax(x);
      assertEquals(DataType.FLOAT, p.value().dataType());
      double[] sums = values(p.value().sum(2));
      for (double s : sums) {
        assertEquals(1.0, s, 1e-5);
      }
      assertTrue(values(Activations.logSoftmax(x).value())[0] <= 0);
    }
  }

  @Test
  void gradientsIncludingExpAndLog() {
    Parameter x = param("x", 4, 2, 3, 4);
    GradientCheck.check(List.of(x), t -> weightedSum(t, Activations.exp(t.watch(x)), 1)).assertOk(1e-6);
    Parameter pos = new Parameter("pos", org.seqlab.core.Fixtures.random(5, 3, 4).addi(2));
    GradientCheck.check(List.of(pos), t -> weightedSum(t, Activations.log(t.watch(pos)), 2)).assertOk(1e-6);
    // softmax followed by log must equal logSoftmax's gradient path
    GradientCheck.check(
            List.of(x), t -> weightedSum(t, Activations.log(Activations.softmax(t.watch(x))), 3))
        .assertOk(1e-6);
  }
}
