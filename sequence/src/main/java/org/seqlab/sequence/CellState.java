package org.seqlab.sequence;

import java.util.Objects;
import org.seqlab.core.Variable;

/**
 * The recurrent state carried between time steps.
 *
 * @param h hidden state {@code [B, H]}
 * @param c LSTM cell state {@code [B, H]}, {@code null} for RNN and GRU cells
 */
public record CellState(Variable h, Variable c) {
  public CellState {
    Objects.requireNonNull(h, "h");
  }

  /** A state without a cell part (RNN, GRU). */
  public static CellState of(Variable h) {
    return new CellState(h, null);
  }
}
