package org.seqlab.corpora;

import java.util.List;

/**
 * Splits a text into tokens. Implementations in {@code org.seqlab.corpora.tokenize} are immutable and
 * thread-safe unless their Javadoc says otherwise; {@code TokenizerKind} creates them by name.
 */
public interface Tokenizer {
  /** The tokens of {@code text}, in order; never null, empty for blank text. */
  List<String> tokenize(String text);

  /**
   * A short description of the tokenizer and its options, such as {@code tok:corenlp|lc:no|ptb3:no},
   * to store with vocabularies and models.
   */
  String signature();
}
