package org.seqlab.sequence;

import java.util.Locale;
import java.util.Objects;

/**
 * A stack of recurrent layers.
 *
 * @param cell cell kind of every layer
 * @param inputSize width of the input vectors
 * @param hiddenSize state width of each layer (per direction)
 * @param layers number of stacked layers, {@code >= 1}
 * @param bidirectional whether every layer reads both directions (output {@code 2H})
 * @param dropout dropout probability on the outputs of every layer but the last, in {@code [0, 1)}
 * @param peepholes LSTM peephole connections
 */
public record RecurrentConfig(
    CellType cell, int inputSize, int hiddenSize, int layers, boolean bidirectional, double dropout, boolean peepholes) {
  public RecurrentConfig {
    Objects.requireNonNull(cell, "cell");
    if (layers < 1) {
      throw new IllegalArgumentException("layers must be >= 1, got " + layers);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    new CellSpec(cell, inputSize, hiddenSize, peepholes); // validates sizes and peepholes
  }

  /** One unidirectional layer without dropout. */
  public static RecurrentConfig single(CellType cell, int inputSize, int hiddenSize) {
    return new RecurrentConfig(cell, inputSize, hiddenSize, 1, false, 0, false);
  }

  /** Width of the stack's output: {@code H}, or {@code 2H} when bidirectional. */
  public int outputSize() {
    return bidirectional ? 2 * hiddenSize : hiddenSize;
  }

  /** The spec of layer {@code l} (its input is the previous layer's output). */
  public CellSpec layerSpec(int l) {
    return new CellSpec(cell, l == 0 ? inputSize : outputSize(), hiddenSize, peepholes);
  }

  public RecurrentConfig withLayers(int n) {
    return new RecurrentConfig(cell, inputSize, hiddenSize, n, bidirectional, dropout, peepholes);
  }

  public RecurrentConfig withDropout(double p) {
    return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bidirectional, p, peepholes);
  }

  public RecurrentConfig withBidirectional(boolean bi) {
    return new RecurrentConfig(cell, inputSize, hiddenSize, layers, bi, dropout, peepholes);
  }

  /** For example {@code lstm|in:128|hid:256|layers:2|bi:0|drop:0.2|peep:0}. */
  public String signature() {
    return String.format(
        Locale.ROOT, "%s|in:%d|hid:%d|layers:%d|bi:%d|drop:%s|peep:%d",
        cell.label(), inputSize, hiddenSize, layers, bidirectional ? 1 : 0, dropout, peepholes ? 1 : 0);
  }
}
