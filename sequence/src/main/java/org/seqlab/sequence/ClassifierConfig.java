package org.seqlab.sequence;

import java.util.Locale;
import java.util.Objects;

/**
 * A many-to-one sequence classifier and its training run.
 *
 * @param encoder how a sequence becomes one vector
 * @param vocabSize token ids {@code [0, V)}
 * @param embedDim embedding width {@code E}
 * @param hiddenSize LSTM state width (ignored by {@link Encoder#MEAN_EMBEDDING})
 * @param numClasses labels {@code [0, C)}, {@code >= 2}
 * @param epochs passes over the training data
 * @param batchSize sequences per step
 * @param learningRate Adam step size
 */
public record ClassifierConfig(
    Encoder encoder, int vocabSize, int embedDim, int hiddenSize, int numClasses, int epochs, int batchSize,
    double learningRate) {
  /** The sequence encoders. */
  public enum Encoder {
    /** The mean of the token embeddings: the bag-of-embeddings baseline (order-blind). */
    MEAN_EMBEDDING,
    /** The final hidden state of an LSTM over the embeddings. */
    LSTM
  }

  public ClassifierConfig {
    Objects.requireNonNull(encoder, "encoder");
    if (vocabSize < 1 || embedDim < 1 || hiddenSize < 1 || epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "vocabSize, embedDim, hiddenSize, epochs and batchSize must be >= 1, got %d, %d, %d, %d, %d",
          vocabSize, embedDim, hiddenSize, epochs, batchSize));
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
  }

  /** Training defaults: 10 epochs, batches of 32, learning rate 0.005. */
  public static ClassifierConfig of(Encoder encoder, int vocabSize, int embedDim, int hiddenSize, int numClasses) {
    return new ClassifierConfig(encoder, vocabSize, embedDim, hiddenSize, numClasses, 10, 32, 0.005);
  }

  public ClassifierConfig withTraining(int epochs, int batchSize, double learningRate) {
    return new ClassifierConfig(encoder, vocabSize, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate);
  }

  /** The width of the encoded vector. */
  int featureSize() {
    return encoder == Encoder.LSTM ? hiddenSize : embedDim;
  }

  /** For example {@code clf|lstm|v:5000|emb:50|hid:64|c:2|ep:10|b:32|lr:0.005}. */
  public String signature() {
    return String.format(Locale.ROOT, "clf|%s|v:%d|emb:%d|hid:%d|c:%d|ep:%d|b:%d|lr:%s",
        encoder.name().toLowerCase(Locale.ROOT), vocabSize, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate);
  }
}
