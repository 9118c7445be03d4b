package org.seqlab.sequence;

import java.util.Locale;

/**
 * A BiLSTM(-CRF) named-entity tagger (Huang et al. 2015; Lample et al. 2016) and its training run.
 *
 * @param wordDim word embedding width (replaced by the vectors' width when pretrained vectors are used)
 * @param charDim character embedding width
 * @param charHidden character BiLSTM state width per direction; {@code 0} disables character features
 * @param casingDim width of the casing-class embedding; {@code 0} disables casing features
 * @param hidden word BiLSTM state width per direction
 * @param dropout on the token features and on the BiLSTM outputs, in {@code [0, 1)}
 * @param crf a CRF output layer (else an independent softmax per token)
 * @param epochs passes over the training sentences
 * @param batchSize sentences per step
 * @param learningRate Adam step size
 * @param clipNorm global gradient-norm clip
 */
public record NerTaggerConfig(
    int wordDim, int charDim, int charHidden, int casingDim, int hidden, double dropout, boolean crf, int epochs,
    int batchSize, double learningRate, double clipNorm) {
  public NerTaggerConfig {
    if (wordDim < 1 || charDim < 1 || hidden < 1 || epochs < 1 || batchSize < 1 || charHidden < 0 || casingDim < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "wordDim, charDim, hidden, epochs, batchSize must be >= 1 and charHidden, casingDim >= 0, got %d, %d, %d, %d, %d, %d, %d",
          wordDim, charDim, hidden, epochs, batchSize, charHidden, casingDim));
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(learningRate > 0) || !(clipNorm > 0)) {
      throw new IllegalArgumentException("learningRate and clipNorm must be > 0, got " + learningRate + ", " + clipNorm);
    }
  }

  /** Lample et al.'s shape (word 100, char 25/25, hidden 100) with casing features, dropout 0.5, CRF, Adam 1e-3. */
  public static NerTaggerConfig defaults() {
    return new NerTaggerConfig(100, 25, 25, 8, 100, 0.5, true, 20, 16, 1e-3, 5);
  }

  public NerTaggerConfig withWordDim(int d) {
    return new NerTaggerConfig(d, charDim, charHidden, casingDim, hidden, dropout, crf, epochs, batchSize, learningRate, clipNorm);
  }

  public NerTaggerConfig withTraining(int epochs, int batchSize, double learningRate) {
    return new NerTaggerConfig(wordDim, charDim, charHidden, casingDim, hidden, dropout, crf, epochs, batchSize, learningRate, clipNorm);
  }

  public NerTaggerConfig withFeatures(int charHidden, int casingDim, boolean crf) {
    return new NerTaggerConfig(wordDim, charDim, charHidden, casingDim, hidden, dropout, crf, epochs, batchSize, learningRate, clipNorm);
  }

  public NerTaggerConfig withDropout(double p) {
    return new NerTaggerConfig(wordDim, charDim, charHidden, casingDim, hidden, p, crf, epochs, batchSize, learningRate, clipNorm);
  }

  /** For example {@code ner|w:100|c:25/25|case:8|hid:100|drop:0.5|crf:1|ep:20|b:16|lr:0.001|clip:5.0}. */
  public String signature() {
    return String.format(Locale.ROOT, "ner|w:%d|c:%d/%d|case:%d|hid:%d|drop:%s|crf:%d|ep:%d|b:%d|lr:%s|clip:%s",
        wordDim, charDim, charHidden, casingDim, hidden, dropout, crf ? 1 : 0, epochs, batchSize, learningRate, clipNorm);
  }
}
