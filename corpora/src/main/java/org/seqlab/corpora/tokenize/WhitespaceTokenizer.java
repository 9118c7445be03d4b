package org.seqlab.corpora.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqlab.corpora.Tokenizer;

/**
 * Splits on runs of {@link Character#isWhitespace(char)} characters, optionally lower-casing with
 * {@link Locale#ROOT}. Immutable and thread-safe.
 */
public final class WhitespaceTokenizer implements Tokenizer {
  private final boolean lowerCase;

  /** @param lowerCase lower-case every token with {@link Locale#ROOT} */
  public WhitespaceTokenizer(boolean lowerCase) {
    this.lowerCase = lowerCase;
  }

  /** Case-preserving. */
  public WhitespaceTokenizer() {
    this(false);
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        String t = text.substring(start, i);
        out.add(lowerCase ? t.toLowerCase(Locale.ROOT) : t);
      }
    }
    return out;
  }

  @Override
  public String signature() {
    return "tok:whitespace|lc:" + (lowerCase ? "yes" : "no");
  }

  @Override
  public String toString() {
    return signature();
  }
}
