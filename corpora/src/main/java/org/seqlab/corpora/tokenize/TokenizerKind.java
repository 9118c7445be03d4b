package org.seqlab.corpora.tokenize;

import org.seqlab.corpora.Tokenizer;

/** The tokenizers by name, for command lines and configs. */
public enum TokenizerKind {
  /** {@link WhitespaceTokenizer}. */
  WHITESPACE,
  /** {@link CharacterTokenizer}, whitespace kept. */
  CHARACTER,
  /** {@link CoreNlpTokenizer}, PTB3 escaping off. */
  CORENLP,
  /** {@link LuceneTokenizer} over {@code StandardAnalyzer}, no stop words. */
  LUCENE;

  /** The tokenizer with its defaults (case kept, except Lucene's standard lower-casing). */
  public Tokenizer create() {
    return switch (this) {
      case WHITESPACE -> new WhitespaceTokenizer(false);
      case CHARACTER -> new CharacterTokenizer(true);
      case CORENLP -> new CoreNlpTokenizer();
      case LUCENE -> new LuceneTokenizer();
    };
  }

  /**
   * The tokenizer, lower-casing or not. For {@link #CHARACTER} lower-casing is not an option of the
   * tokenizer; lower-case the text first.
   *
   * @throws IllegalArgumentException for {@link #CHARACTER} with {@code lowerCase} true
   */
  public Tokenizer create(boolean lowerCase) {
    return switch (this) {
      case WHITESPACE -> new WhitespaceTokenizer(lowerCase);
      case CHARACTER -> {
        if (lowerCase) {
          throw new IllegalArgumentException(
              "lowerCase must be false for CHARACTER, got true; lower-case the text before tokenizing");
        }
        yield new CharacterTokenizer(true);
      }
      case CORENLP -> new CoreNlpTokenizer(CoreNlpTokenizer.Config.defaults().withLowerCase(lowerCase));
      case LUCENE -> new LuceneTokenizer(LuceneTokenizer.Config.defaults().withLowerCase(lowerCase));
    };
  }
}
