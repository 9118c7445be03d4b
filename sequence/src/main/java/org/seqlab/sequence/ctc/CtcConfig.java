package org.seqlab.sequence.ctc;

import java.util.Objects;

/**
 * Settings of a {@link CtcLoss}.
 *
 * @param blank the class index of the blank symbol, {@code >= 0} (and below the number of classes
 *     of the logits it is used with)
 * @param reduction how per-example losses are combined
 * @param zeroInfinity when true, examples whose target cannot be aligned to their input (too short)
 *     get loss 0 and gradient 0 instead of loss {@code +inf} and a NaN gradient, as PyTorch's {@code
 *     zero_infinity=True}; either way they are reported in {@link CtcLoss.Output#infeasible()}
 * @param threads examples computed in parallel, {@code >= 1}; the result does not depend on it
 */
public record CtcConfig(int blank, CtcReduction reduction, boolean zeroInfinity, int threads) {
  public CtcConfig {
    if (blank < 0) {
      throw new IllegalArgumentException("blank must be >= 0, got " + blank);
    }
    Objects.requireNonNull(reduction, "reduction");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** Blank 0, mean over the batch, infinite losses kept, one thread. */
  public static CtcConfig defaults() {
    return new CtcConfig(0, CtcReduction.MEAN, false, 1);
  }

  public CtcConfig withBlank(int b) {
    return new CtcConfig(b, reduction, zeroInfinity, threads);
  }

  public CtcConfig withReduction(CtcReduction r) {
    return new CtcConfig(blank, r, zeroInfinity, threads);
  }

  public CtcConfig withZeroInfinity(boolean z) {
    return new CtcConfig(blank, reduction, z, threads);
  }

  public CtcConfig withThreads(int n) {
    return new CtcConfig(blank, reduction, zeroInfinity, n);
  }

  /** For example {@code ctc|blank:0|red:mean|zinf:1} (threads do not change results and are left out). */
  public String signature() {
    return "ctc|blank:" + blank + "|red:" + reduction.name().toLowerCase(java.util.Locale.ROOT) + "|zinf:"
        + (zeroInfinity ? 1 : 0);
  }
}
