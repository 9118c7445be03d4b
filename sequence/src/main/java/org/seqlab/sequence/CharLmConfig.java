package org.seqlab.sequence;

import java.util.Locale;
import java.util.Objects;
import org.seqlab.core.optim.LearningRateSchedule;

/**
 * Settings of a character-level language model and its training run.
 *
 * @param embedDim character embedding width
 * @param cell recurrent cell kind
 * @param hiddenSize recurrent state width
 * @param layers recurrent layers
 * @param dropout dropout on embeddings, between layers and before the softmax, in {@code [0, 1)}
 * @param batchSize parallel streams per step
 * @param bpttLength characters per stream per step (truncated back-propagation through time; the
 *     state is carried across steps)
 * @param learningRate Adam step size (peak, after a linear warm-up over the first 5% of the steps)
 * @param minLearningRate the rate reached at the last step by cosine decay (Loshchilov and Hutter
 *     2017); equal to {@code learningRate} for a constant rate. The schedule spans {@code steps}, so
 *     extending a run from a checkpoint with more steps stretches the remaining schedule.
 * @param clipNorm global gradient-norm clip ({@code > 0})
 * @param steps optimizer steps in total
 * @param evalEvery validate every this many steps ({@code 0}: only at the end)
 * @param evalChars validate on at most this many leading characters of the validation text
 *     during training ({@code 0}: all); the final score always uses all of it
 */
public record CharLmConfig(
    int embedDim, CellType cell, int hiddenSize, int layers, double dropout, int batchSize, int bpttLength,
    double learningRate, double minLearningRate, double clipNorm, int steps, int evalEvery, int evalChars) {
  public CharLmConfig {
    Objects.requireNonNull(cell, "cell");
    new LanguageModelConfig(2, embedDim, cell, hiddenSize, layers, dropout); // validates the model part
    positive("batchSize", batchSize);
    positive("bpttLength", bpttLength);
    positive("steps", steps);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
      throw new IllegalArgumentException(
          "minLearningRate must be in [0, learningRate = " + learningRate + "], got " + minLearningRate);
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
    }
    if (evalEvery < 0 || evalChars < 0) {
      throw new IllegalArgumentException("evalEvery and evalChars must be >= 0, got " + evalEvery + ", " + evalChars);
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }

  /** A copy with another step count (e.g. to extend a run from its checkpoint). */
  public CharLmConfig withSteps(int n) {
    return new CharLmConfig(
        embedDim, cell, hiddenSize, layers, dropout, batchSize, bpttLength, learningRate, minLearningRate, clipNorm, n,
        evalEvery, evalChars);
  }

  /** The model part for a vocabulary of {@code vocabSize} ids. */
  public LanguageModelConfig model(int vocabSize) {
    return new LanguageModelConfig(vocabSize, embedDim, cell, hiddenSize, layers, dropout);
  }

  /** The learning-rate schedule over {@code steps}. */
  public LearningRateSchedule schedule() {
    if (minLearningRate == learningRate) {
      return LearningRateSchedule.constant(learningRate);
    }
    return new LearningRateSchedule.WarmupCosine(learningRate, minLearningRate, steps / 20, steps);
  }

  /** For example {@code charlm|emb:64|lstm|hid:512|layers:2|drop:0.2|b:64|t:100|lr:0.002>0.0002|clip:5.0|steps:5000}. */
  public String signature() {
    return String.format(
        Locale.ROOT, "charlm|emb:%d|%s|hid:%d|layers:%d|drop:%s|b:%d|t:%d|lr:%s>%s|clip:%s|steps:%d",
        embedDim, cell.label(), hiddenSize, layers, dropout, batchSize, bpttLength, learningRate, minLearningRate,
        clipNorm, steps);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts from defaults fit for tinyshakespeare on a small CPU: 2-layer LSTM 256, 2,000 steps. */
  public static final class Builder {
    private int embedDim = 64;
    private CellType cell = CellType.LSTM;
    private int hiddenSize = 256;
    private int layers = 2;
    private double dropout = 0.1;
    private int batchSize = 32;
    private int bpttLength = 64;
    private double learningRate = 2e-3;
    private double minLearningRate = -1; // -1: equal to learningRate
    private double clipNorm = 5;
    private int steps = 2000;
    private int evalEvery = 250;
    private int evalChars = 20_000;

    private Builder() {}

    public Builder embedDim(int v) {
      embedDim = v;
      return this;
    }

    public Builder cell(CellType v) {
      cell = v;
      return this;
    }

    public Builder hiddenSize(int v) {
      hiddenSize = v;
      return this;
    }

    public Builder layers(int v) {
      layers = v;
      return this;
    }

    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder bpttLength(int v) {
      bpttLength = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    /** Cosine-decay target; defaults to the learning rate (constant). */
    public Builder minLearningRate(double v) {
      minLearningRate = v;
      return this;
    }

    public Builder clipNorm(double v) {
      clipNorm = v;
      return this;
    }

    public Builder steps(int v) {
      steps = v;
      return this;
    }

    public Builder evalEvery(int v) {
      evalEvery = v;
      return this;
    }

    public Builder evalChars(int v) {
      evalChars = v;
      return this;
    }

    public CharLmConfig build() {
      return new CharLmConfig(
          embedDim, cell, hiddenSize, layers, dropout, batchSize, bpttLength, learningRate,
          minLearningRate < 0 ? learningRate : minLearningRate, clipNorm, steps, evalEvery, evalChars);
    }
  }
}
