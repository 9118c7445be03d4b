package org.seqlab.sequence;

import java.util.Locale;

/**
 * A bidirectional-LSTM sequence tagger and its training run.
 *
 * @param vocabSize token ids {@code [0, V)}
 * @param embedDim embedding width
 * @param hiddenSize LSTM state width per direction
 * @param numTags tags {@code [0, K)}, {@code >= 2}
 * @param epochs passes over the training data
 * @param batchSize sentences per step
 * @param learningRate Adam step size
 * @param dropout on embeddings and on the BiLSTM outputs, in {@code [0, 1)}
 */
public record TaggerConfig(
    int vocabSize, int embedDim, int hiddenSize, int numTags, int epochs, int batchSize, double learningRate, double dropout) {
  public TaggerConfig {
    if (vocabSize < 1 || embedDim < 1 || hiddenSize < 1 || epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "vocabSize, embedDim, hiddenSize, epochs and batchSize must be >= 1, got %d, %d, %d, %d, %d",
          vocabSize, embedDim, hiddenSize, epochs, batchSize));
    }
    if (numTags < 2) {
      throw new IllegalArgumentException("numTags must be >= 2, got " + numTags);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  /** Training defaults: 10 epochs, batches of 32, learning rate 0.005, no dropout. */
  public static TaggerConfig of(int vocabSize, int embedDim, int hiddenSize, int numTags) {
    return new TaggerConfig(vocabSize, embedDim, hiddenSize, numTags, 10, 32, 0.005, 0);
  }

  public TaggerConfig withTraining(int epochs, int batchSize, double learningRate, double dropout) {
    return new TaggerConfig(vocabSize, embedDim, hiddenSize, numTags, epochs, batchSize, learningRate, dropout);
  }

  /** For example {@code tagger|bilstm|v:20000|emb:100|hid:128|k:9|ep:10|b:32|lr:0.005|drop:0.5}. */
  public String signature() {
    return String.format(Locale.ROOT, "tagger|bilstm|v:%d|emb:%d|hid:%d|k:%d|ep:%d|b:%d|lr:%s|drop:%s",
        vocabSize, embedDim, hiddenSize, numTags, epochs, batchSize, learningRate, dropout);
  }
}
