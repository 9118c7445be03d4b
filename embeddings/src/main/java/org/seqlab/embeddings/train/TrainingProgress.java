package org.seqlab.embeddings.train;

import java.time.Duration;
import java.util.Locale;

/**
 * A snapshot of a running training job, handed to a {@link TrainingListener}.
 *
 * @param method {@code "sgns"} or {@code "glove"}
 * @param epoch 1-based epoch (iteration) in progress
 * @param epochs total epochs
 * @param done work units done so far (words for SGNS, co-occurrence records for GloVe)
 * @param total work units of the whole run
 * @param unitsPerSecond throughput since the run (or resume) started
 * @param learningRate current learning rate (SGNS alpha; GloVe's initial AdaGrad eta)
 * @param cost mean cost of the last completed iteration, or NaN when not computed (SGNS)
 * @param elapsed wall time since the run (or resume) started
 */
public record TrainingProgress(
    String method,
    int epoch,
    int epochs,
    long done,
    long total,
    double unitsPerSecond,
    double learningRate,
    double cost,
    Duration elapsed) {

  /** Fraction done in [0, 1]. */
  public double fraction() {
    return total == 0 ? 1.0 : Math.min(1.0, done / (double) total);
  }

  /** Estimated time left at the current rate (zero when unknown or done). */
  public Duration eta() {
    if (unitsPerSecond <= 0 || done >= total) {
      return Duration.ZERO;
    }
    return Duration.ofMillis((long) ((total - done) / unitsPerSecond * 1000));
  }

  /** One human-readable line, e.g. {@code sgns epoch 2/5  41.3%  1,234,567 words/s  alpha 0.0147  ETA 1m12s}. */
  public String format() {
    String unit = method.equals("sgns") ? "words/s" : "records/s";
    String costPart = Double.isNaN(cost) ? "" : String.format(Locale.ROOT, "  cost %.5f", cost);
    return String.format(
        Locale.ROOT,
        "%s epoch %d/%d  %5.1f%%  %,.0f %s  lr %.5f%s  elapsed %s  ETA %s",
        method, epoch, epochs, 100 * fraction(), unitsPerSecond, unit, learningRate, costPart,
        human(elapsed), human(eta()));
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s / 60) % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
