package org.seqlab.metrics;

import java.util.regex.Pattern;

/**
 * The tokenisers sacreBLEU 2.x applies before counting n-grams. Each maps a line to a string whose
 * whitespace-separated pieces are the tokens.
 */
public enum BleuTokenizer {
  /** mteval-v13a, the WMT standard (sacreBLEU's default). */
  THIRTEEN_A("13a") {
    @Override
    void raw(String line, CharBuffers buf) {
      Mteval13a.tokenize(line, buf);
    }
  },
  /**
   * mteval-v14 international: {@code (\P{N})(\p{P})} to {@code "\1 \2 "}, then {@code
   * (\p{P})(\P{N})} to {@code " \1 \2"}, then {@code (\p{S})} to {@code " \1 "}. Java's {@code
   * \p{P}}/{@code \p{S}}/{@code \p{N}} are the Unicode general categories (no {@code
   * UNICODE_CHARACTER_CLASS} needed), as in Python's {@code regex} module, but the Unicode version
   * is the JDK's (13.0 on Java 17): characters assigned later (e.g. U+2E53, Unicode 14) are
   * punctuation to sacreBLEU and unassigned here.
   */
  INTL("intl") {
    @Override
    void raw(String line, CharBuffers buf) {
      String s = INTL_PUNCT_AFTER_NON_NUMBER.matcher(line).replaceAll("$1 $2 ");
      s = INTL_PUNCT_BEFORE_NON_NUMBER.matcher(s).replaceAll(" $1 $2");
      buf.setResult(INTL_SYMBOL.matcher(s).replaceAll(" $1 "));
    }
  },
  /** Every code point is a token (for languages without spaces). */
  CHAR("char") {
    @Override
    void raw(String line, CharBuffers buf) {
      buf.ensure(2 * line.length());
      char[] a = buf.a;
      int len = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (i > 0 && !(Character.isLowSurrogate(c) && Character.isHighSurrogate(line.charAt(i - 1)))) {
          a[len++] = ' ';
        }
        a[len++] = c;
      }
      buf.out = a;
      buf.outLength = len;
    }
  },
  /** No tokenisation: the input is already tokenised. */
  NONE("none") {
    @Override
    void raw(String line, CharBuffers buf) {
      buf.setResult(line);
    }

    @Override
    public String apply(String line) {
      return line;
    }
  };

  private static final Pattern INTL_PUNCT_AFTER_NON_NUMBER = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern INTL_PUNCT_BEFORE_NON_NUMBER = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern INTL_SYMBOL = Pattern.compile("(\\p{S})");

  private final String signature;

  BleuTokenizer(String signature) {
    this.signature = signature;
  }

  /**
   * Tokenises one line as sacreBLEU does: the result's single-space-separated pieces are the
   * tokens ({@link #NONE} returns the line unchanged).
   */
  public String apply(String line) {
    CharBuffers buf = new CharBuffers();
    raw(line, buf);
    return PyText.normalizeSpaces(buf.result());
  }

  /**
   * Writes the tokenised line, before whitespace normalisation (splitting it gives the same
   * tokens), to {@code buf.out[0, buf.outLength)}.
   */
  abstract void raw(String line, CharBuffers buf);

  /** The name sacreBLEU uses in signatures and on its command line ({@code 13a}, {@code intl}, ...). */
  public String signature() {
    return signature;
  }

  /**
   * Looks a tokeniser up by its sacreBLEU name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BleuTokenizer fromName(String name) {
    for (BleuTokenizer t : values()) {
      if (t.signature.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown BLEU tokenizer '" + name + "'; expected one of 13a, intl, char, none");
  }
}
