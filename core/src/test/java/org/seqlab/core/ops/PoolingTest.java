package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.seqlab.core.Fixtures.values;
import static org.seqlab.core.Fixtures.weightedSum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Fixtures;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

class PoolingTest {
  private static final double TOL = 1e-6;

  /** 1x4x4x2: channel 0 holds 1..16, channel 1 holds -(1..16). */
  private static double[] twoChannelImage() {
    double[] v = new double[32];
    for (int i = 0; i < 16; i++) {
      v[2 * i] = i + 1;
      v[2 * i + 1] = -(i + 1);
    }
    return v;
  }

  @Test
  void maxPoolPicksEachChannelsMaximumAndRoutesTheGradientThere() {
    Parameter x = new Parameter("x", Nd4j.createFromArray(twoChannelImage()).reshape('c', 1, 4, 4, 2));
    try (Tape t = new Tape()) {
      Variable y = Pooling.maxPool2d(t.watch(x), Conv2dSpec.pool(2));
      assertArrayEquals(new long[] {1, 2, 2, 2}, y.shape());
      // channel 0: bottom-right of each window (6, 8, 14, 16); channel 1: top-left (-1, -3, -9, -11)
      assertArrayEquals(new double[] {6, -1, 8, -3, 14, -9, 16, -11}, values(y.value()), 0);
      t.backward(MathOps.sum(y));
    }
    double[] g = values(x.grad());
    double[] expected = new double[32];
    for (int pix : new int[] {5, 7, 13, 15}) {
      expected[2 * pix] = 1;
    }
    for (int pix : new int[] {0, 2, 8, 10}) {
      expected[2 * pix + 1] = 1;
    }
    assertArrayEquals(expected, g, 0);
  }

  @Test
  void averagePoolIgnoresPaddingInTheCount() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(twoChannelImage()).reshape('c', 1, 4, 4, 2));
      Variable y = Pooling.avgPool2d(x, new Conv2dSpec(3, 2, 1));
      // channel 0 windows: {1,2,5,6}, {2,3,4,6,7,8}, {5,6,9,10,13,14}, {6,7,8,10,11,12,14,15,16}
      double[] ch0 = {14 / 4.0, 30 / 6.0, 57 / 6.0, 99 / 9.0};
      assertArrayEquals(new double[] {ch0[0], -ch0[0], ch0[1], -ch0[1], ch0[2], -ch0[2], ch0[3], -ch0[3]},
          values(y.value()), 1e-12);
    }
  }

  @Test
  void globalAveragePoolAveragesThePixelsOfEachChannel() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.createFromArray(twoChannelImage()).reshape('c', 1, 4, 4, 2));
      Variable y = Pooling.globalAvgPool(x);
      assertArrayEquals(new long[] {1, 2}, y.shape());
      assertArrayEquals(new double[] {8.5, -8.5}, values(y.value()), 1e-12);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    // Pooling is piecewise linear, so central differences have no truncation error and a step of
    // 1e-4 only keeps round-off (~1e-15 / 2 eps) below the tolerance for near-zero gradients; no two
    // values of a max window of this fixture lie within 1e-4 of each other, so no step crosses a tie.
    double eps = 1e-4;
    Parameter x = Fixtures.param("x", 21, 2, 5, 6, 3);
    for (Conv2dSpec spec : List.of(Conv2dSpec.pool(2), new Conv2dSpec(3, 2, 1), new Conv2dSpec(3, 1, 1))) {
      GradientCheck.check(List.of(x), t -> weightedSum(t, Pooling.maxPool2d(t.watch(x), spec), 22), eps, 42)
          .assertOk(TOL);
      GradientCheck.check(List.of(x), t -> weightedSum(t, Pooling.avgPool2d(t.watch(x), spec), 23), eps, 42)
          .assertOk(TOL);
    }
    GradientCheck.check(List.of(x), t -> weightedSum(t, Pooling.globalAvgPool(t.watch(x)), 24), eps, 42)
        .assertOk(TOL);
  }

  @Test
  void rejectsNonImages() {
    try (Tape t = new Tape()) {
      Variable v = t.constant(Nd4j.zeros(DataType.DOUBLE, 3, 4));
      assertThrows(IllegalArgumentException.class, () -> Pooling.maxPool2d(v, Conv2dSpec.pool(2)));
      assertThrows(IllegalArgumentException.class, () -> Pooling.globalAvgPool(v));
    }
  }
}
