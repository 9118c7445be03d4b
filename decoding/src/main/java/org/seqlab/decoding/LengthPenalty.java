package org.seqlab.decoding;

/**
 * Length normalisation of a hypothesis score, {@code score = logProb / T^alpha} with {@code T} the
 * number of scored tokens (the final {@code <eos>} included), as in fairseq's {@code lenpen}.
 * {@code alpha = 0} ranks by plain log-probability, which favours short outputs; {@code alpha = 1}
 * ranks by mean log-probability per token.
 *
 * @param alpha the exponent, finite and {@code >= 0}
 */
public record LengthPenalty(double alpha) {
  /** No normalisation. */
  public static final LengthPenalty NONE = new LengthPenalty(0);

  public LengthPenalty {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
    }
  }

  /** {@code logProb / length^alpha}. */
  public double score(double logProb, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be >= 1, got " + length);
    }
    return alpha == 0 ? logProb : logProb / Math.pow(length, alpha);
  }

  /**
   * The highest score any extension of a live hypothesis can reach: its log-probability can only
   * fall (every step adds a log-probability {@code <= 0}) and its length is at most {@code
   * maxLength}, so with {@code logProb <= 0} the bound is {@code logProb / maxLength^alpha}.
   */
  public double bestReachable(double logProb, int maxLength) {
    if (logProb > 0) {
      return Double.POSITIVE_INFINITY; // not a log-probability: no sound bound
    }
    return alpha == 0 ? logProb : logProb / Math.pow(maxLength, alpha);
  }
}
