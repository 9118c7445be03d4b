package org.seqlab.attention;

import java.util.Locale;
import org.seqlab.core.optim.LearningRateSchedule;

/**
 * How {@link Seq2SeqTrainer} trains.
 *
 * @param batchSize sentence pairs per step, {@code >= 1} (batches are length-bucketed)
 * @param epochs passes over the training data, {@code >= 1}
 * @param learningRate Adam's peak rate, reached after {@code warmupSteps}, then cosine decay
 * @param minLearningRate the rate at the last step, in {@code (0, learningRate]}
 * @param warmupSteps linear warm-up steps, {@code >= 0}
 * @param clipNorm gradients are clipped to this global norm, {@code > 0}
 * @param maxLength pairs with more source or target tokens are skipped in training, {@code >= 1}
 */
public record Seq2SeqTrainerConfig(int batchSize, int epochs, double learningRate, double minLearningRate,
    int warmupSteps, double clipNorm, int maxLength) {
  public Seq2SeqTrainerConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (!(learningRate > 0) || !(minLearningRate > 0) || minLearningRate > learningRate) {
      throw new IllegalArgumentException("need 0 < minLearningRate <= learningRate, got " + minLearningRate + " and "
          + learningRate);
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
  }

  /** Batch 64, 10 epochs, Adam 1e-3 decaying to 1e-4, 100 warm-up steps, clip 1, pairs up to 80 tokens. */
  public static Seq2SeqTrainerConfig defaults() {
    return new Seq2SeqTrainerConfig(64, 10, 1e-3, 1e-4, 100, 1.0, 80);
  }

  public Seq2SeqTrainerConfig withBatchSize(int v) {
    return new Seq2SeqTrainerConfig(v, epochs, learningRate, minLearningRate, warmupSteps, clipNorm, maxLength);
  }

  public Seq2SeqTrainerConfig withEpochs(int v) {
    return new Seq2SeqTrainerConfig(batchSize, v, learningRate, minLearningRate, warmupSteps, clipNorm, maxLength);
  }

  public Seq2SeqTrainerConfig withLearningRate(double peak, double last) {
    return new Seq2SeqTrainerConfig(batchSize, epochs, peak, last, warmupSteps, clipNorm, maxLength);
  }

  public Seq2SeqTrainerConfig withWarmupSteps(int v) {
    return new Seq2SeqTrainerConfig(batchSize, epochs, learningRate, minLearningRate, v, clipNorm, maxLength);
  }

  public Seq2SeqTrainerConfig withClipNorm(double v) {
    return new Seq2SeqTrainerConfig(batchSize, epochs, learningRate, minLearningRate, warmupSteps, v, maxLength);
  }

  public Seq2SeqTrainerConfig withMaxLength(int v) {
    return new Seq2SeqTrainerConfig(batchSize, epochs, learningRate, minLearningRate, warmupSteps, clipNorm, v);
  }

  /** The rate schedule over {@code totalSteps} steps. */
  LearningRateSchedule schedule(long totalSteps) {
    if (warmupSteps == 0 && minLearningRate == learningRate) {
      return LearningRateSchedule.constant(learningRate);
    }
    return new LearningRateSchedule.WarmupCosine(learningRate, minLearningRate, warmupSteps,
        Math.max(totalSteps, warmupSteps + 1L));
  }

  /** For example {@code s2s-train|batch:64|epochs:10|lr:0.001-1.0E-4|warmup:100|clip:1.0|maxlen:80}. */
  public String signature() {
    return String.format(Locale.ROOT, "s2s-train|batch:%d|epochs:%d|lr:%s-%s|warmup:%d|clip:%s|maxlen:%d", batchSize,
        epochs, learningRate, minLearningRate, warmupSteps, clipNorm, maxLength);
  }
}
