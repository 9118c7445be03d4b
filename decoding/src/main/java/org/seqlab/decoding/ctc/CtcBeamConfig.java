package org.seqlab.decoding.ctc;

import java.util.Locale;

/**
 * Settings of {@link CtcPrefixBeamSearch}. A hypothesis {@code W} is ranked by
 *
 * <pre>
 *   score(W) = log p_ctc(W | x) + lmWeight * log P_lm(W) + insertionBonus * |W|
 * </pre>
 *
 * @param beamWidth prefixes kept after every frame, {@code >= 1}
 * @param blank the blank's class index, {@code >= 0}
 * @param lmWeight {@code alpha}, the language model's weight, {@code >= 0} (0: no LM)
 * @param insertionBonus {@code beta}, added per emitted label (counters the LM's bias toward short
 *     outputs), finite
 * @param pruneLogProb classes with a frame log-probability below this are not expanded ({@code
 *     -inf}: expand all), as in Hannun et al. 2014's character pruning
 */
public record CtcBeamConfig(int beamWidth, int blank, double lmWeight, double insertionBonus, double pruneLogProb) {
  public CtcBeamConfig {
    if (beamWidth < 1) {
      throw new IllegalArgumentException("beamWidth must be >= 1, got " + beamWidth);
    }
    if (blank < 0) {
      throw new IllegalArgumentException("blank must be >= 0, got " + blank);
    }
    if (!(lmWeight >= 0) || Double.isInfinite(lmWeight)) {
      throw new IllegalArgumentException("lmWeight must be finite and >= 0, got " + lmWeight);
    }
    if (!Double.isFinite(insertionBonus)) {
      throw new IllegalArgumentException("insertionBonus must be finite, got " + insertionBonus);
    }
    if (Double.isNaN(pruneLogProb) || pruneLogProb > 0) {
      throw new IllegalArgumentException("pruneLogProb must be <= 0 (or -Infinity), got " + pruneLogProb);
    }
  }

  /** Beam {@code width}, blank 0, no LM, no pruning. */
  public static CtcBeamConfig of(int width) {
    return new CtcBeamConfig(width, 0, 0, 0, Double.NEGATIVE_INFINITY);
  }

  public CtcBeamConfig withBlank(int b) {
    return new CtcBeamConfig(beamWidth, b, lmWeight, insertionBonus, pruneLogProb);
  }

  public CtcBeamConfig withLm(double alpha, double beta) {
    return new CtcBeamConfig(beamWidth, blank, alpha, beta, pruneLogProb);
  }

  public CtcBeamConfig withPruning(double logProb) {
    return new CtcBeamConfig(beamWidth, blank, lmWeight, insertionBonus, logProb);
  }

  /** For example {@code ctc-beam|width:8|blank:0|alpha:0.5|beta:1.0|prune:-inf}. */
  public String signature() {
    return String.format(Locale.ROOT, "ctc-beam|width:%d|blank:%d|alpha:%s|beta:%s|prune:%s", beamWidth, blank,
        lmWeight, insertionBonus, pruneLogProb == Double.NEGATIVE_INFINITY ? "-inf" : Double.toString(pruneLogProb));
  }
}
