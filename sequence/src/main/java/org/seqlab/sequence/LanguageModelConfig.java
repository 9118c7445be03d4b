package org.seqlab.sequence;

import java.util.Locale;
import java.util.Objects;

/**
 * A recurrent language model: embedding, a stack of recurrent layers, a softmax over the vocabulary.
 *
 * @param vocabSize number of token ids {@code V}, {@code >= 2}
 * @param embedDim embedding width {@code E}, {@code >= 1}
 * @param cell recurrent cell kind
 * @param hiddenSize recurrent state width {@code H}
 * @param layers number of recurrent layers, {@code >= 1}
 * @param dropout dropout on the embeddings, between layers and before the output, in {@code [0, 1)}
 */
public record LanguageModelConfig(int vocabSize, int embedDim, CellType cell, int hiddenSize, int layers, double dropout) {
  public LanguageModelConfig {
    Objects.requireNonNull(cell, "cell");
    if (vocabSize < 2) {
      throw new IllegalArgumentException("vocabSize must be >= 2, got " + vocabSize);
    }
    if (embedDim < 1) {
      throw new IllegalArgumentException("embedDim must be >= 1, got " + embedDim);
    }
    new RecurrentConfig(cell, embedDim, hiddenSize, layers, false, dropout, false); // validates the rest
  }

  /** The recurrent stack's configuration (unidirectional: a language model reads left to right). */
  public RecurrentConfig recurrent() {
    return new RecurrentConfig(cell, embedDim, hiddenSize, layers, false, dropout, false);
  }

  public LanguageModelConfig withVocabSize(int v) {
    return new LanguageModelConfig(v, embedDim, cell, hiddenSize, layers, dropout);
  }

  /** For example {@code lm|v:10000|emb:128|lstm|hid:256|layers:1|drop:0.0}. */
  public String signature() {
    return String.format(
        Locale.ROOT, "lm|v:%d|emb:%d|%s|hid:%d|layers:%d|drop:%s",
        vocabSize, embedDim, cell.label(), hiddenSize, layers, dropout);
  }
}
