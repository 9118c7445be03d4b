package org.seqlab.corpora;

import java.util.Objects;

/**
 * A source sentence and its translation, as raw text.
 *
 * @param source the source-language sentence
 * @param target the target-language sentence
 */
public record SentencePair(String source, String target) {
  public SentencePair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }

  /** The pair with source and target swapped (for example fra→eng from an eng→fra file). */
  public SentencePair reversed() {
    return new SentencePair(target, source);
  }

  /** Both sides split by their tokenizers. */
  public TokenizedPair tokenize(Tokenizer sourceTokenizer, Tokenizer targetTokenizer) {
    return new TokenizedPair(sourceTokenizer.tokenize(source), targetTokenizer.tokenize(target));
  }
}
