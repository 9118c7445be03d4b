package org.seqlab.examples.speech;

import java.util.Locale;
import org.seqlab.core.optim.LearningRateSchedule;

/**
 * Optimisation settings of {@link SpeechTrainer}: Adam with linear warm-up then cosine decay.
 *
 * @param steps optimizer steps, {@code >= 1}
 * @param batchSize utterances per step, {@code >= 1}
 * @param learningRate peak rate, {@code > 0}
 * @param warmup warm-up steps, in {@code [0, steps)}
 * @param clipNorm global gradient-norm clip, {@code > 0}
 */
public record TrainConfig(int steps, int batchSize, double learningRate, int warmup, double clipNorm) {
  public TrainConfig {
    if (steps < 1 || batchSize < 1) {
      throw new IllegalArgumentException("steps and batchSize must be >= 1, got " + steps + " and " + batchSize);
    }
    if (!(learningRate > 0) || !(clipNorm > 0)) {
      throw new IllegalArgumentException("learningRate and clipNorm must be > 0, got " + learningRate + " and " + clipNorm);
    }
    if (warmup < 0 || warmup >= steps) {
      throw new IllegalArgumentException("warmup must be in [0, steps = " + steps + "), got " + warmup);
    }
  }

  public TrainConfig withSteps(int n) {
    return new TrainConfig(n, batchSize, learningRate, Math.min(warmup, n - 1), clipNorm);
  }

  /** The schedule: warm-up to {@code learningRate}, cosine decay to 5 % of it at the last step. */
  public LearningRateSchedule schedule() {
    return new LearningRateSchedule.WarmupCosine(learningRate, learningRate * 0.05, warmup, steps);
  }

  /** For example {@code train|steps:3000|batch:32|lr:0.002|warm:200|clip:5.0}. */
  public String signature() {
    return String.format(Locale.ROOT, "train|steps:%d|batch:%d|lr:%s|warm:%d|clip:%s", steps, batchSize, learningRate, warmup, clipNorm);
  }
}
