package org.seqlab.core.optim;

/**
 * The learning rate as a function of the optimizer step (0-based).
 *
 * <p>Implementations are immutable records with validated parameters.
 */
public sealed interface LearningRateSchedule
    permits LearningRateSchedule.Constant,
        LearningRateSchedule.StepDecay,
        LearningRateSchedule.Exponential,
        LearningRateSchedule.WarmupCosine,
        LearningRateSchedule.WarmupLinear {

  double rate(long step);

  /** A short description for run signatures, e.g. {@code const:0.001}. */
  String signature();

  static LearningRateSchedule constant(double lr) {
    return new Constant(lr);
  }

  private static void checkRate(String name, double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + lr);
    }
  }

  /** A fixed rate. */
  record Constant(double lr) implements LearningRateSchedule {
    public Constant {
      checkRate("lr", lr);
    }

    @Override
    public double rate(long step) {
      return lr;
    }

    @Override
    public String signature() {
      return "const:" + lr;
    }
  }

  /** {@code lr * factor^(step / every)}. */
  record StepDecay(double lr, double factor, long every) implements LearningRateSchedule {
    public StepDecay {
      checkRate("lr", lr);
      if (!(factor > 0 && factor <= 1) || every <= 0) {
        throw new IllegalArgumentException(
            "StepDecay needs 0 < factor <= 1 and every > 0, got factor=" + factor + " every=" + every);
      }
    }

    @Override
    public double rate(long step) {
      return lr * Math.pow(factor, step / every);
    }

    @Override
    public String signature() {
      return "step:" + lr + "x" + factor + "/" + every;
    }
  }

  /** {@code lr * gamma^step}. */
  record Exponential(double lr, double gamma) implements LearningRateSchedule {
    public Exponential {
      checkRate("lr", lr);
      if (!(gamma > 0 && gamma <= 1)) {
        throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
      }
    }

    @Override
    public double rate(long step) {
      return lr * Math.pow(gamma, step);
    }

    @Override
    public String signature() {
      return "exp:" + lr + "x" + gamma;
    }
  }

  /** Linear warm-up to {@code lr} over {@code warmup} steps, then cosine decay to {@code minLr} at {@code total}. */
  record WarmupCosine(double lr, double minLr, long warmup, long total) implements LearningRateSchedule {
    public WarmupCosine {
      checkRate("lr", lr);
      if (minLr < 0 || minLr > lr || warmup < 0 || total <= warmup) {
        throw new IllegalArgumentException(
            "WarmupCosine needs 0 <= minLr <= lr and 0 <= warmup < total, got minLr=" + minLr
                + " warmup=" + warmup + " total=" + total);
      }
    }

    @Override
    public double rate(long step) {
      if (step < warmup) {
        return lr * (step + 1) / warmup;
      }
      double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
      return minLr + 0.5 * (lr - minLr) * (1 + Math.cos(Math.PI * progress));
    }

    @Override
    public String signature() {
      return "cos:" + lr + ">" + minLr + "/w" + warmup + "/" + total;
    }
  }

  /** Linear warm-up to {@code lr}, then linear decay to {@code minLr} at {@code total}. */
  record WarmupLinear(double lr, double minLr, long warmup, long total) implements LearningRateSchedule {
    public WarmupLinear {
      checkRate("lr", lr);
      if (minLr < 0 || minLr > lr || warmup < 0 || total <= warmup) {
        throw new IllegalArgumentException(
            "WarmupLinear needs 0 <= minLr <= lr and 0 <= warmup < total, got minLr=" + minLr
                + " warmup=" + warmup + " total=" + total);
      }
    }

    @Override
    public double rate(long step) {
      if (step < warmup) {
        return lr * (step + 1) / warmup;
      }
      double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
      return lr + (minLr - lr) * progress;
    }

    @Override
    public String signature() {
      return "lin:" + lr + ">" + minLr + "/w" + warmup + "/" + total;
    }
  }
}
