package org.seqlab.sequence;

import java.util.Objects;
import org.seqlab.core.Variable;

/**
 * @param outputs {@code [B, T, 2H]}: forward direction in {@code [0, H)}, backward in {@code [H, 2H)},
 *     zero at padded steps
 * @param forwardFinal forward direction's state after each sequence's last valid step
 * @param backwardFinal backward direction's state after reading each sequence back to step 0
 */
public record BidirectionalOutput(Variable outputs, CellState forwardFinal, CellState backwardFinal) {
  public BidirectionalOutput {
    Objects.requireNonNull(outputs, "outputs");
    Objects.requireNonNull(forwardFinal, "forwardFinal");
    Objects.requireNonNull(backwardFinal, "backwardFinal");
  }
}
