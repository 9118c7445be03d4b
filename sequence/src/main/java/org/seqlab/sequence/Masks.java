package org.seqlab.sequence;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.ShapeOps;

/** Conversions between per-sequence lengths and {@code [B, T]} 0/1 step masks, and length-aware reversal. */
public final class Masks {
  private Masks() {}

  /**
   * {@code [B, T]} mask with ones on each sequence's first {@code lengths[b]} steps.
   *
   * @throws IllegalArgumentException when a length is outside {@code [1, T]}
   */
  public static INDArray fromLengths(int[] lengths, int steps, DataType type) {
    checkLengths(lengths, steps);
    double[] m = new double[lengths.length * steps];
    for (int b = 0; b < lengths.length; b++) {
      Arrays.fill(m, b * steps, b * steps + lengths[b], 1.0);
    }
    return Nd4j.createFromArray(m).castTo(type).reshape('c', lengths.length, steps);
  }

  /**
   * The lengths of a prefix mask ({@code 1...1 0...0} per row).
   *
   * @throws IllegalArgumentException when a row is not of that form, naming the row
   */
  public static int[] lengths(INDArray mask) {
    if (mask.rank() != 2) {
      throw new IllegalArgumentException("mask must be [B, T], got " + Arrays.toString(mask.shape()));
    }
    double[][] m = mask.castTo(DataType.DOUBLE).toDoubleMatrix();
    int[] out = new int[m.length];
    for (int b = 0; b < m.length; b++) {
      int len = 0;
      while (len < m[b].length && m[b][len] == 1) {
        len++;
      }
      for (int t = len; t < m[b].length; t++) {
        if (m[b][t] != 0) {
          throw new IllegalArgumentException(
              "mask row " + b + " is not a prefix mask (1...1 0...0): " + Arrays.toString(m[b]));
        }
      }
      out[b] = len;
    }
    return out;
  }

  /** All sequences full length. */
  public static int[] full(int batch, int steps) {
    int[] l = new int[batch];
    Arrays.fill(l, steps);
    return l;
  }

  static void checkLengths(int[] lengths, int steps) {
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 1 || lengths[b] > steps) {
        throw new IllegalArgumentException(
            "lengths[" + b + "] = " + lengths[b] + " is outside [1, " + steps + "]");
      }
    }
  }

  /**
   * Reverses each sequence within its own length: {@code y[b, t] = x[b, len_b - 1 - t]} for {@code t
   * < len_b}; padded steps stay where they are. Its own inverse; the gradient is reversed the same way.
   *
   * @param x {@code [B, T, D]}
   */
  public static Variable reverse(Variable x, int[] lengths) {
    long[] s = x.shape();
    if (s.length != 3 || s[0] != lengths.length) {
      throw new IllegalArgumentException(
          "reverse needs [B, T, D] with B = " + lengths.length + " lengths, got " + Arrays.toString(s));
    }
    int b = (int) s[0];
    int t = (int) s[1];
    checkLengths(lengths, t);
    int[] rows = new int[b * t];
    for (int i = 0; i < b; i++) {
      for (int k = 0; k < t; k++) {
        rows[i * t + k] = i * t + (k < lengths[i] ? lengths[i] - 1 - k : k);
      }
    }
    Variable flat = ShapeOps.reshape(x, (long) b * t, s[2]); // [B*T, D]
    return ShapeOps.reshape(ShapeOps.gatherRows(flat, rows), s); // [B, T, D]
  }
}
