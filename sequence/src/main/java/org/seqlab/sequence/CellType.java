package org.seqlab.sequence;

/** The recurrent cell kinds; see {@link RecurrentCell} for the equations of each. */
public enum CellType {
  /** Elman RNN with tanh: {@code h' = tanh(x W_ih + h W_hh + b)}. */
  RNN_TANH(1, "rnn-tanh"),
  /** Elman RNN with ReLU: {@code h' = max(0, x W_ih + h W_hh + b)}. */
  RNN_RELU(1, "rnn-relu"),
  /** Gated recurrent unit (Cho et al. 2014), reset applied after the recurrent matmul. */
  GRU(3, "gru"),
  /** Long short-term memory (Hochreiter and Schmidhuber 1997, with forget gate of Gers et al. 2000). */
  LSTM(4, "lstm");

  private final int gates;
  private final String label;

  CellType(int gates, String label) {
    this.gates = gates;
    this.label = label;
  }

  /** Number of {@code H}-wide blocks in the fused weight matrices. */
  public int gates() {
    return gates;
  }

  /** Short name used in signatures. */
  public String label() {
    return label;
  }
}
