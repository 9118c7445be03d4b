package org.seqlab.attention.caption;

import java.util.Locale;
import org.seqlab.core.optim.LearningRateSchedule;

/**
 * Settings of a caption training run.
 *
 * @param batchSize scenes per step
 * @param steps optimizer steps; step {@code s} trains on training scenes {@code [s B, (s + 1) B)}
 * @param learningRate peak Adam rate, reached after a linear warm-up over the first 5% of the steps
 * @param minLearningRate the rate at the last step (cosine decay), in {@code [0, learningRate]}
 * @param clipNorm global gradient-norm clip, {@code > 0}
 * @param evalEvery validate every this many steps (0: only at the end)
 * @param validationScenes held-out {@link SceneSplit#TEST} scenes scored at each validation
 */
public record CaptionTrainConfig(
    int batchSize, int steps, double learningRate, double minLearningRate, double clipNorm, int evalEvery,
    int validationScenes) {
  public CaptionTrainConfig {
    if (batchSize < 2) {
      throw new IllegalArgumentException("batchSize must be >= 2 (batch norm), got " + batchSize);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
      throw new IllegalArgumentException("minLearningRate must be in [0, " + learningRate + "], got " + minLearningRate);
    }
    if (!(clipNorm > 0)) {
      throw new IllegalArgumentException("clipNorm must be > 0, got " + clipNorm);
    }
    if (evalEvery < 0 || validationScenes < 2) {
      throw new IllegalArgumentException(
          "evalEvery must be >= 0 and validationScenes >= 2, got " + evalEvery + ", " + validationScenes);
    }
  }

  /** Batch 32, 3000 steps, rate 2e-3 decaying to 1e-4, clip 5, validation every 500 steps on 256 scenes. */
  public static CaptionTrainConfig defaults() {
    return new CaptionTrainConfig(32, 3000, 2e-3, 1e-4, 5.0, 500, 256);
  }

  public CaptionTrainConfig withSteps(int v) {
    return new CaptionTrainConfig(batchSize, v, learningRate, minLearningRate, clipNorm, evalEvery, validationScenes);
  }

  public CaptionTrainConfig withBatchSize(int v) {
    return new CaptionTrainConfig(v, steps, learningRate, minLearningRate, clipNorm, evalEvery, validationScenes);
  }

  public CaptionTrainConfig withLearningRate(double lr, double minLr) {
    return new CaptionTrainConfig(batchSize, steps, lr, minLr, clipNorm, evalEvery, validationScenes);
  }

  public CaptionTrainConfig withEvaluation(int every, int scenes) {
    return new CaptionTrainConfig(batchSize, steps, learningRate, minLearningRate, clipNorm, every, scenes);
  }

  /** The learning-rate schedule over {@link #steps()}. */
  public LearningRateSchedule schedule() {
    if (minLearningRate == learningRate || steps < 2) {
      return LearningRateSchedule.constant(learningRate);
    }
    return new LearningRateSchedule.WarmupCosine(learningRate, minLearningRate, Math.max(1, steps / 20), steps);
  }

  /** For example {@code train|b:32|steps:3000|lr:0.002>1.0E-4|clip:5.0}. */
  public String signature() {
    return String.format(Locale.ROOT, "train|b:%d|steps:%d|lr:%s>%s|clip:%s", batchSize, steps, learningRate,
        minLearningRate, clipNorm);
  }
}
