package org.seqlab.sequence;

import java.util.Objects;

/**
 * The shape of one recurrent cell.
 *
 * @param type the cell kind
 * @param inputSize width {@code I} of each input vector, {@code >= 1}
 * @param hiddenSize width {@code H} of the hidden state, {@code >= 1}
 * @param peepholes LSTM only: gates also see the cell state (Gers and Schmidhuber 2000)
 */
public record CellSpec(CellType type, int inputSize, int hiddenSize, boolean peepholes) {
  public CellSpec {
    Objects.requireNonNull(type, "type");
    if (inputSize < 1) {
      throw new IllegalArgumentException("inputSize must be >= 1, got " + inputSize);
    }
    if (hiddenSize < 1) {
      throw new IllegalArgumentException("hiddenSize must be >= 1, got " + hiddenSize);
    }
    if (peepholes && type != CellType.LSTM) {
      throw new IllegalArgumentException("peepholes are an LSTM option, got peepholes=true for " + type);
    }
  }

  /** A cell without peepholes. */
  public static CellSpec of(CellType type, int inputSize, int hiddenSize) {
    return new CellSpec(type, inputSize, hiddenSize, false);
  }

  /** For example {@code lstm|in:128|hid:256|peep:0}. */
  public String signature() {
    return type.label() + "|in:" + inputSize + "|hid:" + hiddenSize + "|peep:" + (peepholes ? 1 : 0);
  }
}
