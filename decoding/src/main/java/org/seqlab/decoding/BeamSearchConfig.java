package org.seqlab.decoding;

import java.util.Locale;
import java.util.Objects;

/**
 * Settings of {@link BeamSearch}.
 *
 * @param beamSize live hypotheses kept per sentence, {@code >= 1}
 * @param nBest finished hypotheses returned per sentence, in {@code [1, beamSize]}
 * @param maxLength at most this many tokens per hypothesis, the final {@code <eos>} included; at the
 *     last position only {@code <eos>} may be chosen, so every hypothesis ends with it
 * @param lengthPenalty the score normalisation
 * @param earlyStopping stop a sentence once no live hypothesis can reach the score of its n-th best
 *     finished one ({@link LengthPenalty#bestReachable}); the bound is exact, so this saves steps
 *     without changing the result
 */
public record BeamSearchConfig(int beamSize, int nBest, int maxLength, LengthPenalty lengthPenalty, boolean earlyStopping) {
  public BeamSearchConfig {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
    }
    if (nBest < 1 || nBest > beamSize) {
      throw new IllegalArgumentException("nBest must be in [1, beamSize = " + beamSize + "], got " + nBest);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
    Objects.requireNonNull(lengthPenalty, "lengthPenalty");
  }

  /** Beam {@code beamSize}, 1-best, at most 200 tokens, no length normalisation, early stopping. */
  public static BeamSearchConfig of(int beamSize) {
    return new BeamSearchConfig(beamSize, 1, 200, LengthPenalty.NONE, true);
  }

  public BeamSearchConfig withBeamSize(int value) {
    return new BeamSearchConfig(value, Math.min(nBest, value), maxLength, lengthPenalty, earlyStopping);
  }

  public BeamSearchConfig withNBest(int value) {
    return new BeamSearchConfig(beamSize, value, maxLength, lengthPenalty, earlyStopping);
  }

  public BeamSearchConfig withMaxLength(int value) {
    return new BeamSearchConfig(beamSize, nBest, value, lengthPenalty, earlyStopping);
  }

  /** Length normalisation {@code logProb / T^alpha}. */
  public BeamSearchConfig withAlpha(double alpha) {
    return new BeamSearchConfig(beamSize, nBest, maxLength, new LengthPenalty(alpha), earlyStopping);
  }

  public BeamSearchConfig withEarlyStopping(boolean value) {
    return new BeamSearchConfig(beamSize, nBest, maxLength, lengthPenalty, value);
  }

  /** For example {@code beam|k:5|n:1|max:200|alpha:0.7|early:1}. */
  public String signature() {
    return String.format(Locale.ROOT, "beam|k:%d|n:%d|max:%d|alpha:%s|early:%d", beamSize, nBest, maxLength,
        fmt(lengthPenalty.alpha()), earlyStopping ? 1 : 0);
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
