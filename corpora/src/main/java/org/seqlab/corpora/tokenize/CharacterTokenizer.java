package org.seqlab.corpora.tokenize;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.Tokenizer;

/**
 * One token per Unicode code point, so a surrogate pair such as an emoji stays one token (combining
 * marks are separate code points and stay separate tokens). With {@code keepWhitespace} false,
 * whitespace code points ({@link Character#isWhitespace(int)}) are dropped; character language models
 * keep them, since spaces and newlines are what they must predict. Immutable and thread-safe.
 */
public final class CharacterTokenizer implements Tokenizer {
  private final boolean keepWhitespace;

  /** @param keepWhitespace emit spaces, tabs and newlines as tokens too */
  public CharacterTokenizer(boolean keepWhitespace) {
    this.keepWhitespace = keepWhitespace;
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (keepWhitespace || !Character.isWhitespace(cp)) {
        out.add(text.substring(i, next));
      }
      i = next;
    }
    return out;
  }

  public boolean keepsWhitespace() {
    return keepWhitespace;
  }

  @Override
  public String signature() {
    return "tok:char|ws:" + (keepWhitespace ? "keep" : "drop");
  }

  @Override
  public String toString() {
    return signature();
  }
}
