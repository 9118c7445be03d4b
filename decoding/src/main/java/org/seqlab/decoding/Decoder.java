package org.seqlab.decoding;

import java.util.List;

/**
 * A search strategy over a {@link StepModel}: greedy, beam or sampling. All are batched: the
 * initial state has one row per sentence, and the result has one list of hypotheses per sentence,
 * best first.
 */
public sealed interface Decoder permits GreedySearch, BeamSearch, SamplingSearch {
  /**
   * Decodes every sentence.
   *
   * @param initial one row per sentence (for example the encoded sources)
   * @param maxLengths per sentence, the most tokens to emit including {@code <eos>} (capped by the
   *     decoder's own limit), or null for the decoder's limit
   * @return per sentence, its hypotheses ordered by decreasing score
   */
  <S extends DecoderState<S>> List<List<Hypothesis>> decode(StepModel<S> model, S initial, int[] maxLengths);

  /** {@link #decode} with the decoder's own length limit. */
  default <S extends DecoderState<S>> List<List<Hypothesis>> decode(StepModel<S> model, S initial) {
    return decode(model, initial, null);
  }

  /** The decoder's settings, for run signatures. */
  String signature();

  /** Per-sentence limits: {@code min(maxLengths[i], cap)}, or all {@code cap}. */
  static int[] limits(int rows, int[] maxLengths, int cap) {
    int[] out = new int[rows];
    if (maxLengths != null && maxLengths.length != rows) {
      throw new IllegalArgumentException("got " + maxLengths.length + " maxLengths for " + rows + " sentences");
    }
    for (int i = 0; i < rows; i++) {
      int m = maxLengths == null ? cap : Math.min(cap, maxLengths[i]);
      if (m < 1) {
        throw new IllegalArgumentException("maxLengths[" + i + "] must be >= 1, got " + m);
      }
      out[i] = m;
    }
    return out;
  }

  /** {@code [0, 1, ..., n-1]}. */
  static int[] iota(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }
}
