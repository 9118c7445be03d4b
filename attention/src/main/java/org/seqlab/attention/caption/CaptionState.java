package org.seqlab.attention.caption;

import java.util.Objects;
import org.seqlab.attention.SpatialAttention;
import org.seqlab.decoding.DecoderState;

/**
 * The decoder state of a batch of caption hypotheses: each row's LSTM state and which encoded image
 * it describes. Immutable: {@link #reorder} builds a new state sharing the encoded images.
 */
public final class CaptionState implements DecoderState<CaptionState> {
  final Memory memory;
  final int[] image; // [rows] index into memory
  final double[] h; // [rows * H]
  final double[] c; // [rows * H]
  final int hidden;

  /**
   * Encoded images, shared by all states of one decoding call.
   *
   * @param images number of encoded images
   * @param attention their attention memory (keys and features), or null without attention
   */
  record Memory(int images, SpatialAttention.Memory attention) {}

  CaptionState(Memory memory, int[] image, double[] h, double[] c, int hidden) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.image = image;
    this.h = h;
    this.c = c;
    this.hidden = hidden;
    if (h.length != image.length * hidden || c.length != h.length) {
      throw new IllegalArgumentException("state arrays must hold " + image.length + " rows of " + hidden + ", got "
          + h.length + " and " + c.length + " values");
    }
  }

  @Override
  public int rows() {
    return image.length;
  }

  /** The image (index in the batch given to {@link CaptionModel#initialState}) each row describes. */
  public int imageOf(int row) {
    return image[row];
  }

  @Override
  public CaptionState reorder(int[] rows) {
    int n = rows.length;
    int[] img = new int[n];
    double[] nh = new double[n * hidden];
    double[] nc = new double[n * hidden];
    for (int i = 0; i < n; i++) {
      int r = rows[i];
      if (r < 0 || r >= image.length) {
        throw new IllegalArgumentException("row " + r + " at " + i + " is outside [0, " + image.length + ")");
      }
      img[i] = image[r];
      System.arraycopy(h, r * hidden, nh, i * hidden, hidden);
      System.arraycopy(c, r * hidden, nc, i * hidden, hidden);
    }
    return new CaptionState(memory, img, nh, nc, hidden);
  }
}
