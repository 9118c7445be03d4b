package org.seqlab.sequence;

import java.util.Locale;
import java.util.Objects;

/**
 * A many-to-one sequence classifier and its training run.
 *
 * @param encoder how the embeddings are read
 * @param pooling how the encoder's states become one vector (ignored by {@link Encoder#MEAN_EMBEDDING})
 * @param vocabSize token ids {@code [0, V)}
 * @param embedDim embedding width {@code E}
 * @param hiddenSize LSTM state width per direction (ignored by {@link Encoder#MEAN_EMBEDDING})
 * @param numClasses labels {@code [0, C)}, {@code >= 2}
 * @param epochs passes over the training data
 * @param batchSize sequences per step
 * @param learningRate Adam step size
 * @param dropout on the embeddings and on the pooled vector, in {@code [0, 1)}
 * @param clipNorm global gradient-norm clip, {@code > 0}
 */
public record ClassifierConfig(
    Encoder encoder, Pooling pooling, int vocabSize, int embedDim, int hiddenSize, int numClasses, int epochs,
    int batchSize, double learningRate, double dropout, double clipNorm) {
  /** The sequence encoders. */
  public enum Encoder {
    /** The mean of the token embeddings: the bag-of-embeddings baseline (order-blind). */
    MEAN_EMBEDDING,
    /** A left-to-right LSTM over the embeddings. */
    LSTM,
    /** A bidirectional LSTM (Schuster and Paliwal 1997); features are {@code 2H} wide. */
    BILSTM
  }

  /** How the encoder's per-step states become the sequence's vector. */
  public enum Pooling {
    /** The final state (for BILSTM: forward state after the last token, backward state after the first). */
    LAST,
    /** The mean over valid steps. */
    MEAN,
    /** The element-wise max over valid steps (Collobert et al. 2011; Conneau et al. 2017). */
    MAX
  }

  public ClassifierConfig {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(pooling, "pooling");
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
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
    }
  }

  /** Last-state pooling, no dropout, clip 5; training defaults: 10 epochs, batches of 32, learning rate 0.005. */
  public static ClassifierConfig of(Encoder encoder, int vocabSize, int embedDim, int hiddenSize, int numClasses) {
    return new ClassifierConfig(encoder, Pooling.LAST, vocabSize, embedDim, hiddenSize, numClasses, 10, 32, 0.005, 0, 5);
  }

  public ClassifierConfig withTraining(int epochs, int batchSize, double learningRate) {
    return new ClassifierConfig(encoder, pooling, vocabSize, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate, dropout, clipNorm);
  }

  public ClassifierConfig withPooling(Pooling p) {
    return new ClassifierConfig(encoder, p, vocabSize, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate, dropout, clipNorm);
  }

  public ClassifierConfig withDropout(double p) {
    return new ClassifierConfig(encoder, pooling, vocabSize, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate, p, clipNorm);
  }

  public ClassifierConfig withVocabSize(int v) {
    return new ClassifierConfig(encoder, pooling, v, embedDim, hiddenSize, numClasses, epochs, batchSize, learningRate, dropout, clipNorm);
  }

  /** The width of the encoded vector. */
  int featureSize() {
    return switch (encoder) {
      case MEAN_EMBEDDING -> embedDim;
      case LSTM -> hiddenSize;
      case BILSTM -> 2 * hiddenSize;
    };
  }

  /** For example {@code clf|bilstm|pool:max|v:5000|emb:50|hid:64|c:2|ep:10|b:32|lr:0.005|drop:0.5|clip:5.0}. */
  public String signature() {
    return String.format(Locale.ROOT, "clf|%s|pool:%s|v:%d|emb:%d|hid:%d|c:%d|ep:%d|b:%d|lr:%s|drop:%s|clip:%s",
        encoder.name().toLowerCase(Locale.ROOT), pooling.name().toLowerCase(Locale.ROOT), vocabSize, embedDim, hiddenSize,
        numClasses, epochs, batchSize, learningRate, dropout, clipNorm);
  }
}
