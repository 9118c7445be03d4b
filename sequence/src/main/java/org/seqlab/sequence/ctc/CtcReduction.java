package org.seqlab.sequence.ctc;

/** How the per-example CTC losses {@code -log p(y_b | x_b)} of a batch are combined. */
public enum CtcReduction {
  /** No reduction: a {@code [B]} vector of per-example losses. */
  NONE,
  /** Sum over the batch: {@code [1]}. */
  SUM,
  /** Mean over the batch: {@code [1]}. */
  MEAN,
  /**
   * Each loss divided by its target length (at least 1), then the mean over the batch: {@code [1]}.
   * This is PyTorch's {@code reduction='mean'}.
   */
  MEAN_BY_TARGET_LENGTH
}
