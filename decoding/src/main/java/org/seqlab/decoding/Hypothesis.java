package org.seqlab.decoding;

import java.util.Arrays;
import java.util.Locale;

/**
 * One decoded output sequence.
 *
 * @param tokens the emitted tokens, without {@code <bos>} and without the final {@code <eos>}
 * @param logProb {@code sum_t log p(y_t | y_<t, x)} over the tokens and the final {@code <eos>}
 * @param score the search objective, {@code logProb / length^alpha} (see {@link LengthPenalty})
 * @param length scored positions: {@code tokens.length + 1} (the {@code <eos>} counts)
 */
public record Hypothesis(int[] tokens, double logProb, double score, int length) {
  public Hypothesis {
    tokens = tokens.clone();
    if (length != tokens.length + 1) {
      throw new IllegalArgumentException(
          "length must be tokens.length + 1 = " + (tokens.length + 1) + ", got " + length);
    }
  }

  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hypothesis h && Arrays.equals(tokens, h.tokens)
        && Double.compare(logProb, h.logProb) == 0 && Double.compare(score, h.score) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens) * 31 + Double.hashCode(logProb);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Hypothesis%s logp=%.6f score=%.6f", Arrays.toString(tokens), logProb, score);
  }
}
