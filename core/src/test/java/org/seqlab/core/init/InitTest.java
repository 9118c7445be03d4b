package org.seqlab.core.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class InitTest {
  private static double mean(double[] v) {
    return Arrays.stream(v).sum() / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length;
  }

  @Test
  void sameSeedSameValuesDifferentSeedDifferentValues() {
    double[] a = values(Init.xavierUniform(DataType.FLOAT, 30, 20, 5));
    assertArrayEquals(a, values(Init.xavierUniform(DataType.FLOAT, 30, 20, 5)), 0);
    assertFalse(Arrays.equals(a, values(Init.xavierUniform(DataType.FLOAT, 30, 20, 6))));
    assertArrayEquals(values(Init.normal(DataType.DOUBLE, 1, 3, 7, 11)), values(Init.normal(DataType.DOUBLE, 1, 3, 7, 11)), 0);
    assertEquals(DataType.FLOAT, Init.heNormal(DataType.FLOAT, 4, 5, 1).dataType());
    assertArrayEquals(new long[] {4, 5}, Init.heNormal(DataType.FLOAT, 4, 5, 1).shape());
  }

  // n = 100k draws: the sample mean has sd sigma / 316 and the sample variance a relative sd of
  // about sqrt(2 / n) = 0.45% (normal) or less (uniform), so the bounds below are > 4 sd wide.
  @Test
  void uniformAndNormalStatistics() {
    double[] u = values(Init.uniform(DataType.DOUBLE, 0.5, 1, 100, 1000));
    assertTrue(Arrays.stream(u).allMatch(x -> x >= -0.5 && x < 0.5));
    assertEquals(0, mean(u), 0.005);
    assertEquals(0.25 / 3, variance(u), 0.0833 * 0.02);
    double[] n = values(Init.normal(DataType.DOUBLE, 2, 2, 100_000));
    assertEquals(0, mean(n), 0.03);
    assertEquals(4, variance(n), 4 * 0.02);
    long beyond = Arrays.stream(n).filter(x -> Math.abs(x) > 4).count(); // P(|z| > 2) = 4.55%
    assertEquals(4550, beyond, 4 * 66);
  }

  @Test
  void glorotAndHeScales() {
    double[] xu = values(Init.xavierUniform(DataType.DOUBLE, 300, 100, 3)); // limit sqrt(6 / 400)
    double limit = Math.sqrt(6.0 / 400);
    assertTrue(Arrays.stream(xu).allMatch(x -> Math.abs(x) <= limit));
    assertEquals(2.0 / 400, variance(xu), 2.0 / 400 * 0.03);
    double[] xn = values(Init.xavierNormal(DataType.DOUBLE, 300, 100, 4));
    assertEquals(2.0 / 400, variance(xn), 2.0 / 400 * 0.03);
    double[] he = values(Init.heNormal(DataType.DOUBLE, 200, 500, 5));
    assertEquals(2.0 / 200, variance(he), 2.0 / 200 * 0.03);
    assertArrayEquals(new double[] {0, 0, 0}, values(Init.zeros(DataType.FLOAT, 3)), 0);
    assertArrayEquals(new double[] {1, 1}, values(Init.ones(DataType.DOUBLE, 1, 2)), 0);
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Init.uniform(DataType.FLOAT, -1, 1, 2));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Init.normal(DataType.FLOAT, 1, 1, 2, 0));
  }
}
