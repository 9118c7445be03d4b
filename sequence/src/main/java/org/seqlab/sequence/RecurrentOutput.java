package org.seqlab.sequence;

import java.util.Objects;
import org.seqlab.core.Variable;

/**
 * What an unrolled recurrent layer returns.
 *
 * @param outputs {@code [B, T, H]} hidden state at every step, zero at padded steps
 * @param finalState the state after each sequence's last valid step ({@code h}, and {@code c} for
 *     LSTM, each {@code [B, H]}); gradient flows back through it into the layer
 */
public record RecurrentOutput(Variable outputs, CellState finalState) {
  public RecurrentOutput {
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(finalState, "finalState");
  }
}
