package org.seqlab.sequence;

import java.util.Locale;

/**
 * One progress report of a training run.
 *
 * @param step optimizer steps done
 * @param steps steps in the run
 * @param trainLoss mean training loss (nats per token) since the previous report
 * @param validationLoss validation loss in nats per token, or NaN when not evaluated at this report
 * @param tokensPerSecond training throughput since the previous report
 * @param etaSeconds estimated seconds to the end of the run
 */
public record TrainingProgress(
    long step, long steps, double trainLoss, double validationLoss, double tokensPerSecond, double etaSeconds) {
  /** A one-line summary, e.g. {@code step 500/2000  train 1.623 nats  val 1.702 nats (2.455 bits)  3,412 tok/s  ETA 7m12s}. */
  public String format() {
    String val = Double.isNaN(validationLoss)
        ? ""
        : String.format(Locale.ROOT, "  val %.3f nats (%.3f bits)", validationLoss, validationLoss / Math.log(2));
    long eta = Math.round(etaSeconds);
    return String.format(
        Locale.ROOT, "step %d/%d  train %.3f nats%s  %,.0f tok/s  ETA %dm%02ds",
        step, steps, trainLoss, val, tokensPerSecond, eta / 60, eta % 60);
  }
}
