package org.seqlab.metrics;

/**
 * sacreBLEU's {@code 13a} tokeniser (mteval-v13a) without regular expressions.
 *
 * <p>After removing {@code <skipped>}, joining {@code -\n} line breaks and unescaping {@code
 * &quot; &amp; &lt; &gt;} (in that order), sacreBLEU pads the line with a space on each side and
 * applies four regex substitutions in turn, each scanning left to right with non-overlapping
 * matches:
 *
 * <ol>
 *   <li>{@code ([\{-\~\[-\` -\&\(-\+\:-\@\/])} to {@code " \1 "}: ASCII symbols are padded;
 *   <li>{@code ([^0-9])([\.,])} to {@code "\1 \2 "}: a period or comma after a non-digit;
 *   <li>{@code ([\.,])([^0-9])} to {@code " \1 \2"}: a period or comma before a non-digit;
 *   <li>{@code ([0-9])(-)} to {@code "\1 \2 "}: a dash after a digit.
 * </ol>
 *
 * Each pattern matches one or two fixed characters, so a left-to-right scan that consumes both
 * characters of a match reproduces the regex engine's leftmost, non-overlapping matching. (A
 * surrogate pair never equals a digit, period, comma or dash, so working on UTF-16 units gives
 * the same text as working on code points.) {@code TokenizerTest} checks the equivalence with
 * the regex form on random strings.
 */
final class Mteval13a {
  private static final boolean[] SYMBOL = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      SYMBOL[c] =
          (c >= '{' && c <= '~')
              || (c >= '[' && c <= '`')
              || (c >= ' ' && c <= '&')
              || (c >= '(' && c <= '+')
              || (c >= ':' && c <= '@')
              || c == '/';
    }
  }

  private Mteval13a() {}

  /** Tokenises {@code line} into {@code buf.out[0, buf.outLength)}; tokens are space-separated. */
  static void tokenize(String line, CharBuffers buf) {
    String s = line;
    if (s.indexOf('<') >= 0) {
      s = s.replace("<skipped>", "");
    }
    if (s.indexOf('\n') >= 0) {
      s = s.replace("-\n", "").replace("\n", " ");
    }
    if (s.indexOf('&') >= 0) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    int n = s.length();
    // pass 1 at most triples the padded line (3n + 2); each later pass at most doubles it
    buf.ensure(24 * n + 16);
    char[] a = buf.a;
    char[] b = buf.b;
    int len = 0;
    a[len++] = ' ';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isSymbol(c)) {
        a[len++] = ' ';
        a[len++] = c;
        a[len++] = ' ';
      } else {
        a[len++] = c;
      }
    }
    a[len++] = ' ';
    len = periodCommaAfterNonDigit(a, len, b);
    len = periodCommaBeforeNonDigit(b, len, a);
    len = dashAfterDigit(a, len, b);
    buf.out = b;
    buf.outLength = len;
  }

  /** The character class {@code [\{-\~\[-\` -\&\(-\+\:-\@\/]}. */
  static boolean isSymbol(char c) {
    return c < 128 && SYMBOL[c];
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isPeriodOrComma(char c) {
    return c == '.' || c == ',';
  }

  // ([^0-9])([\.,]) -> "\1 \2 "
  private static int periodCommaAfterNonDigit(char[] in, int n, char[] out) {
    int len = 0;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (i + 1 < n && !isDigit(c) && isPeriodOrComma(in[i + 1])) {
        out[len++] = c;
        out[len++] = ' ';
        out[len++] = in[i + 1];
        out[len++] = ' ';
        i += 2;
      } else {
        out[len++] = c;
        i++;
      }
    }
    return len;
  }

  // ([\.,])([^0-9]) -> " \1 \2"
  private static int periodCommaBeforeNonDigit(char[] in, int n, char[] out) {
    int len = 0;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (i + 1 < n && isPeriodOrComma(c) && !isDigit(in[i + 1])) {
        out[len++] = ' ';
        out[len++] = c;
        out[len++] = ' ';
        out[len++] = in[i + 1];
        i += 2;
      } else {
        out[len++] = c;
        i++;
      }
    }
    return len;
  }

  // ([0-9])(-) -> "\1 \2 "
  private static int dashAfterDigit(char[] in, int n, char[] out) {
    int len = 0;
    int i = 0;
    while (i < n) {
      char c = in[i];
      if (i + 1 < n && isDigit(c) && in[i + 1] == '-') {
        out[len++] = c;
        out[len++] = ' ';
        out[len++] = '-';
        out[len++] = ' ';
        i += 2;
      } else {
        out[len++] = c;
        i++;
      }
    }
    return len;
  }
}
