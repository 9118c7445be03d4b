package org.seqlab.decoding.ctc;

import java.util.Arrays;

/**
 * One result of {@link CtcPrefixBeamSearch}.
 *
 * @param labels the label sequence
 * @param score the ranking score {@code ctcLogProb + lmWeight * lmLogProb + insertionBonus * |labels|}
 * @param ctcLogProb {@code log p_ctc(labels | x)} summed over the alignments the beam kept (exact
 *     when no prefix of it was pruned)
 * @param lmLogProb {@code log P_lm(labels)}, end symbol included (0 without a language model)
 */
public record CtcHypothesis(int[] labels, double score, double ctcLogProb, double lmLogProb) {
  public CtcHypothesis {
    labels = labels.clone();
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtcHypothesis h && Arrays.equals(labels, h.labels) && score == h.score
        && ctcLogProb == h.ctcLogProb && lmLogProb == h.lmLogProb;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(labels) * 31 + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "CtcHypothesis" + Arrays.toString(labels) + String.format(java.util.Locale.ROOT, " score %.4f", score);
  }
}
