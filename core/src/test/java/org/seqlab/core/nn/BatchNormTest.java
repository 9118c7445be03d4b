package org.seqlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

class BatchNormTest {
  private static final DataType D = DataType.DOUBLE;

  @Test
  void trainingNormalisesEachChannelAndUpdatesRunningStatistics() {
    ParameterSet ps = new ParameterSet();
    BatchNorm bn = new BatchNorm(ps, "bn", 2, 1e-12, 0.5, D);
    // 4 positions, channel 0 = {1, 2, 3, 6} (mean 3, biased var 3.5), channel 1 = {0, 0, 0, 4}
    double[] x = {1, 0, 2, 0, 3, 0, 6, 4};
    try (Tape t = new Tape()) {
      Variable y = bn.forward(t, t.constant(Nd4j.createFromArray(x).reshape('c', 1, 2, 2, 2)), true);
      double s0 = Math.sqrt(3.5);
      double s1 = Math.sqrt(3.0);
      assertArrayEquals(new double[] {-2 / s0, -1 / s1, -1 / s0, -1 / s1, 0, -1 / s1, 3 / s0, 3 / s1},
          values(y.value()), 1e-9);
    }
    // running = 0.5 * initial + 0.5 * batch, variance unbiased (x 4/3)
    assertArrayEquals(new double[] {1.5, 0.5}, values(bn.runningMean().value()), 1e-12);
    assertArrayEquals(new double[] {0.5 + 0.5 * 3.5 * 4 / 3, 0.5 + 0.5 * 3.0 * 4 / 3}, values(bn.runningVar().value()), 1e-12);
    assertTrue(bn.runningMean().frozen() && bn.runningVar().frozen());
  }

  @Test
  void inferenceUsesTheRunningStatistics() {
    ParameterSet ps = new ParameterSet();
    BatchNorm bn = new BatchNorm(ps, "bn", 2, 1e-12, 0.1, D);
    bn.runningMean().value().assign(Nd4j.createFromArray(1.0, -1.0));
    bn.runningVar().value().assign(Nd4j.createFromArray(4.0, 0.25));
    bn.gain().value().assign(Nd4j.createFromArray(2.0, 1.0));
    bn.bias().value().assign(Nd4j.createFromArray(0.0, 3.0));
    try (Tape t = new Tape()) {
      Variable y = bn.forward(t, t.constant(Nd4j.createFromArray(new double[][] {{3, 0}, {1, -1}})), false);
      assertArrayEquals(new double[] {2, 5, 0, 3}, values(y.value()), 1e-9);
    }
    assertArrayEquals(new double[] {1, -1}, values(bn.runningMean().value()), 0); // unchanged
  }

  @Test
  void gradientsMatchFiniteDifferencesInBothModes() {
    ParameterSet ps = new ParameterSet();
    BatchNorm bn = new BatchNorm(ps, "bn", 3, 1e-5, 0.1, D);
    bn.gain().value().assign(Fixtures.random(31, 3).addi(1.5));
    bn.bias().value().assign(Fixtures.random(32, 3));
    bn.runningVar().value().assign(Fixtures.random(33, 3).addi(1.5));
    Parameter x = Fixtures.param("x", 34, 2, 3, 2, 3); // [B, H, W, C]
    List<Parameter> all = List.of(x, bn.gain(), bn.bias());
    GradientCheck.check(all, t -> weightedSum(t, bn.forward(t, t.watch(x), true), 35)).assertOk(1e-6);
    GradientCheck.check(all, t -> weightedSum(t, bn.forward(t, t.watch(x), false), 36)).assertOk(1e-6);
    assertEquals(0.0, bn.runningMean().grad().sumNumber().doubleValue(), 0); // never receives gradient
  }

  @Test
  void rejectsBadShapesAndSettings() {
    ParameterSet ps = new ParameterSet();
    BatchNorm bn = new BatchNorm(ps, "bn", 3, 1e-5, 0.1, D);
    try (Tape t = new Tape()) {
      assertThrows(IllegalArgumentException.class, () -> bn.forward(t, t.constant(Nd4j.zeros(D, 4, 2)), true));
      assertThrows(IllegalArgumentException.class, () -> bn.forward(t, t.constant(Nd4j.zeros(D, 1, 3)), true));
    }
    assertThrows(IllegalArgumentException.class, () -> new BatchNorm(ps, "b2", 3, 0, 0.1, D));
    assertThrows(IllegalArgumentException.class, () -> new BatchNorm(ps, "b3", 3, 1e-5, 0, D));
  }
}
