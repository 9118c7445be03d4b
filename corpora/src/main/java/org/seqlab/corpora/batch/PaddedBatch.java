package org.seqlab.corpora.batch;

import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch: padded input ids {@code [B, T]} with mask and lengths, optional padded targets {@code
 * [B, T']} (their own mask and lengths), optional class labels {@code [B]}, and the positions of the
 * examples in the batched data, so outputs can be mapped back. Immutable.
 */
public final class PaddedBatch {
  private final PaddedSequences inputs;
  private final PaddedSequences targets;
  private final int[] labels;
  private final int[] indices;

  /**
   * @param inputs padded inputs, {@code B} rows
   * @param targets padded targets with {@code B} rows, or null
   * @param labels one label per row, or null
   * @param indices the example index of each row
   */
  public PaddedBatch(PaddedSequences inputs, PaddedSequences targets, int[] labels, int[] indices) {
    this.inputs = Objects.requireNonNull(inputs, "inputs");
    int b = inputs.batchSize();
    if (targets != null && targets.batchSize() != b) {
      throw new IllegalArgumentException(
          "targets must have " + b + " rows like inputs, got " + targets.batchSize());
    }
    if (labels != null && labels.length != b) {
      throw new IllegalArgumentException("labels must have length " + b + ", got " + labels.length);
    }
    if (indices.length != b) {
      throw new IllegalArgumentException("indices must have length " + b + ", got " + indices.length);
    }
    this.targets = targets;
    this.labels = labels == null ? null : labels.clone();
    this.indices = indices.clone();
  }

  /** {@code B}. */
  public int batchSize() {
    return inputs.batchSize();
  }

  /** {@code T}, the longest input. */
  public int maxLength() {
    return inputs.maxLength();
  }

  public PaddedSequences inputs() {
    return inputs;
  }

  /** Input ids, {@code [B][T]} (a copy). */
  public int[][] ids() {
    return inputs.ids();
  }

  /** Input lengths, {@code [B]}. */
  public int[] lengths() {
    return inputs.lengths();
  }

  /** Input mask, {@code [B][T]} of 0/1. */
  public int[][] mask() {
    return inputs.mask();
  }

  /** Input ids as an INDArray {@code [B, T]} of {@code type}. */
  public INDArray idsArray(DataType type) {
    return inputs.idsArray(type);
  }

  /** Input mask as an INDArray {@code [B, T]} of {@code type}. */
  public INDArray maskArray(DataType type) {
    return inputs.maskArray(type);
  }

  /** Padded target sequences, {@code [B, T']}, if the data had targets. */
  public Optional<PaddedSequences> targets() {
    return Optional.ofNullable(targets);
  }

  /** Class labels {@code [B]} (a copy), if the data had labels. */
  public Optional<int[]> labels() {
    return labels == null ? Optional.empty() : Optional.of(labels.clone());
  }

  /** For each row, the index of its example in the batched {@link SequenceData}. */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public String toString() {
    return "PaddedBatch[B=" + batchSize() + ", T=" + maxLength()
        + (targets == null ? "" : ", T'=" + targets.maxLength()) + "]";
  }
}
