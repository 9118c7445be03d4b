package org.seqlab.sequence;

import java.util.Objects;
import org.seqlab.corpora.tokenize.TokenizerKind;

/**
 * Settings of a word-level language model and its training run.
 *
 * @param network network shape and truncated-BPTT training settings, as for a character model
 *     ({@link CharLmConfig#evalChars()} counts tokens here)
 * @param tokenizer how lines become words
 * @param lowerCase lower-case the text first
 * @param minCount words seen fewer times in training become {@code <unk>}
 * @param maxVocab keep at most this many words (the most frequent), besides the 4 specials
 */
public record WordLmConfig(CharLmConfig network, TokenizerKind tokenizer, boolean lowerCase, int minCount, int maxVocab) {
  public WordLmConfig {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(tokenizer, "tokenizer");
    if (tokenizer == TokenizerKind.CHARACTER) {
      throw new IllegalArgumentException("tokenizer must split words, got CHARACTER; use CharLmTrainer for characters");
    }
    if (minCount < 1 || maxVocab < 1) {
      throw new IllegalArgumentException("minCount and maxVocab must be >= 1, got " + minCount + ", " + maxVocab);
    }
  }

  public WordLmConfig withNetwork(CharLmConfig n) {
    return new WordLmConfig(n, tokenizer, lowerCase, minCount, maxVocab);
  }

  /** For example {@code wordlm|tok:corenlp|lc:1|min:2|max:10000|charlm|emb:128|lstm|...}. */
  public String signature() {
    return "wordlm|tok:" + tokenizer.name().toLowerCase(java.util.Locale.ROOT) + "|lc:" + (lowerCase ? 1 : 0)
        + "|min:" + minCount + "|max:" + maxVocab + "|" + network.signature();
  }
}
