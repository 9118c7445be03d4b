package org.seqlab.embeddings.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastFloatTest {
  private static void same(String s) {
    float expect = Float.parseFloat(s);
    float got = FastFloat.parse(s, 0, s.length());
    assertEquals(Float.floatToRawIntBits(expect), Float.floatToRawIntBits(got), s);
  }

  @Test
  void agreesWithFloatParseFloatBitForBit() {
    SplittableRandom rnd = new SplittableRandom(42);
    for (int n = 0; n < 30_000; n++) {
      float f = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-8, 8)));
      same(Float.toString(f)); // Java's shortest round-trip spelling
      same(Double.toString(rnd.nextDouble(-1, 1))); // 16-17 digits: the slow path
      same(Double.toString((double) f)); // a float widened: many digits
      if (n % 10 == 0) { // String.format is slow; a tenth of the cases suffice
        same(String.format(Locale.ROOT, "%f", f)); // the C tool's %lf
        same(String.format(Locale.ROOT, "%.9g", f));
        same(String.format(Locale.ROOT, "%.15f", rnd.nextDouble(-3, 3))); // midpoint checks
      }
    }
  }

  @Test
  void floatMidpointsRoundHalfToEven() {
    // floats in [2^24, 2^25) are 2 apart, in [2^25, 2^26) 4 apart: these integers are exact midpoints,
    // short enough for the fast path, where double-then-float rounding must not round the wrong way
    for (long m = (1L << 24) + 1; m < (1L << 24) + 4001; m += 2) {
      same(Long.toString(m));
      same(Long.toString(m) + ".0");
      same("-" + m + "e0");
      same(m + "0e-1");
    }
    for (long m = (1L << 25) + 2; m < (1L << 25) + 8002; m += 4) {
      same(Long.toString(m));
      same(Long.toString(m + 1)); // just above a midpoint
    }
  }

  @Test
  void edgeCases() {
    for (String s :
        new String[] {
          "0", "-0", "-0.0", "+1.5", "1e-3", "-2E+1", "1.", ".5", "123456789012345", "1234567890123456789",
          "3.4028235e38", "3.5e38", "1e-45", "1.4e-45", "7e-46", "1e22", "1e23", "16777217", "NaN", "-Infinity",
          "0x1p3", "1.5f", "0.000000000000000000000001"
        }) {
      same(s);
    }
    // 2^24 + 1 = 16777217 lies exactly on a float midpoint: must round to even (16777216)
    assertEquals(16777216f, FastFloat.parse("16777217", 0, 8));
    assertThrows(NumberFormatException.class, () -> FastFloat.parse("1e", 0, 2));
    assertThrows(NumberFormatException.class, () -> FastFloat.parse("abc", 0, 3));
    assertThrows(NumberFormatException.class, () -> FastFloat.parse("-", 0, 1));
    assertEquals(2.5f, FastFloat.parse("x 2.5 y", 2, 5));
  }
}
