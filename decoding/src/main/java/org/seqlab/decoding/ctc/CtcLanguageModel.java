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
}
