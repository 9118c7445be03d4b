package org.seqlab.attention;

import org.seqlab.decoding.DecoderState;

/**
 * The decoder state of a {@link Seq2SeqModel} for a batch of hypotheses: per row the recurrent
 * state and the source sentence it attends to. Reordering copies the small per-row states and
 * re-indexes the source rows; the encoder memory itself is shared and never copied. Immutable.
 */
public final class Seq2SeqState implements DecoderState<Seq2SeqState> {
  final double[] h; // [N * Hd]
  final double[] c; // [N * Hd] or null
  final int[] rows; // [N] memory row of each hypothesis
  final AttentionMemory memory; // null without attention
  final int hidden;

  Seq2SeqState(double[] h, double[] c, int[] rows, AttentionMemory memory, int hidden) {
    this.h = h;
    this.c = c;
    this.rows = rows;
    this.memory = memory;
    this.hidden = hidden;
  }

  @Override
  public int rows() {
    return rows.length;
  }

  @Override
  public Seq2SeqState reorder(int[] order) {
    int n = order.length;
    double[] h2 = new double[n * hidden];
    double[] c2 = c == null ? null : new double[n * hidden];
    int[] r2 = new int[n];
    for (int i = 0; i < n; i++) {
      int j = order[i];
      if (j < 0 || j >= rows.length) {
        throw new IllegalArgumentException("row " + j + " at " + i + " is outside [0, " + rows.length + ")");
      }
      System.arraycopy(h, j * hidden, h2, i * hidden, hidden);
      if (c != null) {
        System.arraycopy(c, j * hidden, c2, i * hidden, hidden);
      }
      r2[i] = rows[j];
    }
    return new Seq2SeqState(h2, c2, r2, memory, hidden);
  }

  /** The source sentence (row of the encoded batch) each hypothesis belongs to. */
  public int sourceRow(int row) {
    return rows[row];
  }

  /** Length of the source sentence of {@code row} (0 without attention). */
  int sourceLength(int row) {
    return memory == null ? 0 : memory.lengths[rows[row]];
  }
}
