package org.seqlab.metrics;

import java.util.Arrays;

/**
 * Two reusable character buffers for tokenisers that rewrite a line in several passes, and the
 * pass result ({@link #out}, {@link #outLength}). Not thread-safe: one per scoring call.
 */
final class CharBuffers {
  char[] a = new char[512];
  char[] b = new char[512];
  /** The result of the last tokenisation: one of the buffers, valid until the next call. */
  char[] out = a;
  int outLength;

  /** Makes both buffers hold at least {@code n} characters. */
  void ensure(int n) {
    if (a.length < n) {
      a = Arrays.copyOf(a, Math.max(n, a.length * 2));
    }
    if (b.length < n) {
      b = Arrays.copyOf(b, Math.max(n, b.length * 2));
    }
  }

  /** Stores {@code s} as the result. */
  void setResult(String s) {
    ensure(s.length());
    s.getChars(0, s.length(), a, 0);
    out = a;
    outLength = s.length();
  }

  /** The result as a string. */
  String result() {
    return new String(out, 0, outLength);
  }
}
