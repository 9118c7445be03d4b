package org.seqlab.decoding;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code [rows, V]} table of log-probabilities, row-major in one {@code double[]} (row {@code r},
 * token {@code v} at {@code r * V + v}). The array is owned by this object and never copied.
 */
public final class LogProbs {
  private final int rows;
  private final int vocab;
  private final double[] values;

  /**
   * @param values {@code rows * vocab} entries, taken (not copied)
   * @throws IllegalArgumentException when the length is not {@code rows * vocab}
   */
  public LogProbs(int rows, int vocab, double[] values) {
    Objects.requireNonNull(values, "values");
    if (rows < 0 || vocab < 1 || (long) rows * vocab != values.length) {
      throw new IllegalArgumentException(
          "LogProbs needs rows >= 0, vocab >= 1 and rows * vocab values, got rows=" + rows + " vocab=" + vocab
              + " and " + values.length + " values");
    }
    this.rows = rows;
    this.vocab = vocab;
    this.values = values;
  }

  /** Normalises each row of unnormalised scores with a numerically stable log-softmax. */
  public static LogProbs fromLogits(int rows, int vocab, double[] logits) {
    LogProbs out = new LogProbs(rows, vocab, logits);
    for (int r = 0; r < rows; r++) {
      int off = r * vocab;
      double max = Double.NEGATIVE_INFINITY;
      for (int v = 0; v < vocab; v++) {
        max = Math.max(max, logits[off + v]);
      }
      double sum = 0;
      for (int v = 0; v < vocab; v++) {
        sum += Math.exp(logits[off + v] - max);
      }
      double logZ = max + Math.log(sum);
      for (int v = 0; v < vocab; v++) {
        logits[off + v] -= logZ;
      }
    }
    return out;
  }

  public int rows() {
    return rows;
  }

  public int vocabSize() {
    return vocab;
  }

  /** {@code log p(token | row)}. */
  public double get(int row, int token) {
    return values[row * vocab + token];
  }

  /** The backing array, {@code [rows * V]}: read-only by convention. */
  public double[] values() {
    return values;
  }

  /** A copy of one row, {@code [V]}. */
  public double[] row(int row) {
    if (row < 0 || row >= rows) {
      throw new IllegalArgumentException("row must be in [0, " + rows + "), got " + row);
    }
    return Arrays.copyOfRange(values, row * vocab, (row + 1) * vocab);
  }

  /** The lowest-id token with the highest log-probability in {@code row}. */
  public int argmax(int row) {
    int off = row * vocab;
    int best = 0;
    for (int v = 1; v < vocab; v++) {
      if (values[off + v] > values[off + best]) {
        best = v;
      }
    }
    return best;
  }
}
