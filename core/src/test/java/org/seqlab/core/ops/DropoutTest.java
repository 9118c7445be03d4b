package org.seqlab.core.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;

import java.util.Arrays;
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

class DropoutTest {
  @Test
  void evalModeAndZeroRateAreTheIdentity() {
    try (Tape t = new Tape()) {
      Variable x = t.constant(Nd4j.ones(DataType.DOUBLE, 3));
      assertSame(x, Dropout.apply(x, 0.5, 1, false));
      assertSame(x, Dropout.apply(x, 0.0, 1, true));
      assertThrows(IllegalArgumentException.class, () -> Dropout.apply(x, 1.0, 1, true));
      assertThrows(IllegalArgumentException.class, () -> Dropout.apply(x, -0.1, 1, true));
    }
  }

  @Test
  void maskIsSeededScaledAndKeepsTheRightFraction() {
    long[] shape = {100, 1000};
    double[] a = values(Dropout.mask(DataType.FLOAT, shape, 0.3, 7));
    assertArrayEquals(a, values(Dropout.mask(DataType.FLOAT, shape, 0.3, 7)), 0);
    assertArrayEquals(a, values(Dropout.mask(DataType.DOUBLE, shape, 0.3, 7)), 1e-6);
    assertFalse(Arrays.equals(a, values(Dropout.mask(DataType.FLOAT, shape, 0.3, 8))));
    long kept = Arrays.stream(a).filter(v -> v != 0).count();
    // binomial(1e5, 0.7): sd = sqrt(1e5 * 0.21) = 145; allow 5 sd
    assertEquals(70_000, kept, 5 * 145);
    assertTrue(Arrays.stream(a).allMatch(v -> v == 0 || Math.abs(v - 1 / 0.7) < 1e-6));
  }

  @Test
  void forwardAndGradientUseTheSameMask() {
    Parameter x = new Parameter("x", Fixtures.random(1, 4, 6));
    INDArray mask = Dropout.mask(DataType.DOUBLE, new long[] {4, 6}, 0.4, 19);
    try (Tape t = new Tape()) {
      Variable y = Dropout.apply(t.watch(x), 0.4, 19, true);
      assertArrayEquals(values(x.value().mul(mask)), values(y.value()), 0);
      t.backward(y, Nd4j.ones(DataType.DOUBLE, 4, 6));
    }
    assertArrayEquals(values(mask), values(x.grad()), 0);
    GradientCheck.check(List.of(x), t -> Fixtures.weightedSum(t, Dropout.apply(t.watch(x), 0.4, 19, true), 2))
        .assertOk(1e-6);
  }
}
