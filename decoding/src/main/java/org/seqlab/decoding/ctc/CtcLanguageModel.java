package org.seqlab.decoding.ctc;

/**
 * A language model over the CTC labels (for example characters), scoring the next label of a
 * prefix during {@link CtcPrefixBeamSearch}. Implementations must be deterministic and must not
 * keep or change the arrays passed in.
 */
public interface CtcLanguageModel {
  /**
   * {@code log P(label | history)} in nats.
   *
   * @param history the labels so far, oldest first (may be empty)
   * @param label a non-blank label
   */
  double logProb(int[] history, int label);

  /** {@code log P(end of sequence | history)}; 0 for a model without an end symbol. */
  default double endLogProb(int[] history) {
    return 0;
  }

  /**
   * This model seen through CTC class indices: class {@code c} is this model's label {@code c -
   * offset}. For the common layout with the blank at 0 and label {@code i} at class {@code i + 1},
   * use {@code withClassOffset(1)}.
   */
  default CtcLanguageModel withClassOffset(int offset) {
    CtcLanguageModel base = this;
    return new CtcLanguageModel() {
      @Override
      public double logProb(int[] history, int label) {
        return base.logProb(shift(history, offset), label - offset);
      }

      @Override
      public double endLogProb(int[] history) {
        return base.endLogProb(shift(history, offset));
      }
    };
  }

  private static int[] shift(int[] history, int offset) {
    int[] h = new int[history.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = history[i] - offset;
    }
    return h;
  }
}
