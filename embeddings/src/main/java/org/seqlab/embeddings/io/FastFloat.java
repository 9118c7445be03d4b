package org.seqlab.embeddings.io;

/**
 * Decimal-to-float conversion for the common case of vector files, several times faster than
 * {@link Float#parseFloat} on JDK 17, with the same result.
 *
 * <p>Plain decimals {@code [+-]digits[.digits][(e|E)[+-]digits]} with at most 15 significant
 * digits and a decimal exponent in [-22, 22] take Clinger's fast path: the significand and the
 * power of ten are exact doubles, so their product or quotient is the correctly rounded double.
 * Rounding that double to float could differ from rounding the decimal directly only when the double
 * lies within one double-ulp of a float rounding midpoint; those rare values, and every other
 * spelling (more digits, NaN, hex, suffixes), go to {@link Float#parseFloat}.
 */
final class FastFloat {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FastFloat() {}

  /**
   * Parses {@code s[from, to)}.
   *
   * @throws NumberFormatException if it is not a number
   */
  static float parse(CharSequence s, int from, int to) {
    int i = from;
    boolean neg = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    long mant = 0;
    int sig = 0;
    int exp = 0;
    int digits = 0;
    for (; i < to && isDigit(s.charAt(i)); i++, digits++) {
      if (mant != 0 || s.charAt(i) != '0') {
        mant = mant * 10 + (s.charAt(i) - '0');
        sig++;
      }
      if (sig > 15) {
        return slow(s, from, to);
      }
    }
    if (i < to && s.charAt(i) == '.') {
      for (i++; i < to && isDigit(s.charAt(i)); i++, digits++) {
        if (mant != 0 || s.charAt(i) != '0') {
          mant = mant * 10 + (s.charAt(i) - '0');
          sig++;
        }
        exp--;
        if (sig > 15) {
          return slow(s, from, to);
        }
      }
    }
    if (digits == 0) {
      return slow(s, from, to);
    }
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      long e = exponent(s, i + 1, to);
      if (e == Long.MIN_VALUE) {
        return slow(s, from, to);
      }
      exp += (int) e;
      i = to;
    }
    if (i != to) {
      return slow(s, from, to);
    }
    if (mant == 0) {
      return neg ? -0f : 0f;
    }
    if (exp < -22 || exp > 22) {
      return slow(s, from, to);
    }
    double d = exp >= 0 ? mant * POW10[exp] : mant / POW10[-exp];
    float f = (float) d;
    double up = ((double) f + (double) Math.nextUp(f)) / 2;
    double down = ((double) f + (double) Math.nextDown(f)) / 2;
    double ulp = Math.ulp(d);
    if (Math.abs(d - up) <= ulp || Math.abs(d - down) <= ulp || Float.isInfinite(f)) {
      return slow(s, from, to);
    }
    return neg ? -f : f;
  }

  /** The signed exponent spelled by {@code s[i, to)}, or Long.MIN_VALUE if malformed or huge. */
  private static long exponent(CharSequence s, int i, int to) {
    boolean neg = false;
    if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (i == to || to - i > 4) {
      return Long.MIN_VALUE;
    }
    long e = 0;
    for (; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return Long.MIN_VALUE;
      }
      e = e * 10 + (s.charAt(i) - '0');
    }
    return neg ? -e : e;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static float slow(CharSequence s, int from, int to) {
    return Float.parseFloat(s.subSequence(from, to).toString());
  }
}
