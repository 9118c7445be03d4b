package org.seqlab.sequence;

import java.util.Locale;

/**
 * One progress report of an epoch-based training run (classifier, tagger).
 *
 * @param epoch epochs done, or the current epoch during it
 * @param epochs epochs in the run
 * @param batch batches done in the current epoch
 * @param batches batches per epoch
 * @param trainLoss mean training loss since the previous report
 * @param validation a validation score after the epoch (accuracy or F1, in [0, 1]), or NaN
 * @param etaSeconds estimated seconds to the end of the run
 */
public record EpochProgress(int epoch, int epochs, int batch, int batches, double trainLoss, double validation, double etaSeconds) {
  /** For example {@code epoch 3/10  batch 120/120  loss 0.412  val 0.8410  ETA 4m10s}. */
  public String format() {
    long eta = Math.round(etaSeconds);
    String val = Double.isNaN(validation) ? "" : String.format(Locale.ROOT, "  val %.4f", validation);
    return String.format(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f%s  ETA %dm%02ds",
        epoch, epochs, batch, batches, trainLoss, val, eta / 60, eta % 60);
  }
}
