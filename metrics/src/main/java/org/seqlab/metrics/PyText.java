package org.seqlab.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Python string semantics that sacreBLEU relies on: {@code str.isspace}, {@code str.split()}, {@code
 * str.rstrip()} and {@code f"{x:.Nf}"} formatting (correctly rounded, ties to even on the exact
 * binary value, unlike {@link String#format}).
 */
final class PyText {
  private PyText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
    if (c > ' ' && c < 0x7F) {
      return false; // printable ASCII, the common case
    }
    return switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029,
          0x202F, 0x205F, 0x3000 -> true;
      default -> c >= 0x2000 && c <= 0x200A;
    };
  }

  /** Python's {@code s.split()}: split on runs of whitespace, no empty strings. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** Python's {@code s.rstrip()}. */
  static String rstrip(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code " ".join(s.split())}. */
  static String normalizeSpaces(String s) {
    return String.join(" ", split(s));
  }

  /** Python's {@code f"{x:.{digits}f}"} for finite x. */
  static String fixed(double x, int digits) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    // Python keeps the sign of a negative number that rounds to zero ("-0.0")
    if (x < 0 && !s.startsWith("-")) {
      s = "-" + s;
    } else if (x == 0 && 1 / x < 0) {
      s = "-" + s;
    }
    return s;
  }
}
