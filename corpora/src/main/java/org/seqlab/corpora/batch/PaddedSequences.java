package org.seqlab.corpora.batch;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code B} id sequences padded to the longest, {@code T}: ids {@code [B, T]} with {@code padId} after
 * each sequence's end, lengths {@code [B]}, and a 0/1 mask {@code [B, T]} that is 1 exactly on the
 * first {@code lengths[b]} positions of row {@code b}. Immutable; accessors return copies.
 */
public final class PaddedSequences {
  private final int[][] ids; // [B][T]
  private final int[] lengths; // [B]
  private final int padId;

  private PaddedSequences(int[][] ids, int[] lengths, int padId) {
    this.ids = ids;
    this.lengths = lengths;
    this.padId = padId;
  }

  /**
   * Pads {@code sequences} to the longest one.
   *
   * @throws IllegalArgumentException if there is no sequence or one is empty
   */
  public static PaddedSequences pad(List<int[]> sequences, int padId) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("sequences must not be empty, got 0 sequences");
    }
    int b = sequences.size();
    int[] lengths = new int[b];
    int t = 0;
    for (int i = 0; i < b; i++) {
      int[] s = sequences.get(i);
      if (s == null || s.length == 0) {
        throw new IllegalArgumentException("sequence " + i + " must have length >= 1, got "
            + (s == null ? "null" : "length 0"));
      }
      lengths[i] = s.length;
      t = Math.max(t, s.length);
    }
    int[][] ids = new int[b][t];
    for (int i = 0; i < b; i++) {
      int[] s = sequences.get(i);
      System.arraycopy(s, 0, ids[i], 0, s.length);
      Arrays.fill(ids[i], s.length, t, padId);
    }
    return new PaddedSequences(ids, lengths, padId);
  }

  /** {@code B}. */
  public int batchSize() {
    return ids.length;
  }

  /** {@code T}, the longest length. */
  public int maxLength() {
    return ids[0].length;
  }

  public int padId() {
    return padId;
  }

  /** Id at row {@code b}, position {@code t}. */
  public int id(int b, int t) {
    return ids[b][t];
  }

  /** A copy of the ids, {@code [B][T]}. */
  public int[][] ids() {
    int[][] out = new int[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[i].clone();
    }
    return out;
  }

  /** The ids row-major, {@code [B*T]} (the layout of flattened cross-entropy targets). */
  public int[] flatIds() {
    int t = maxLength();
    int[] out = new int[ids.length * t];
    for (int i = 0; i < ids.length; i++) {
      System.arraycopy(ids[i], 0, out, i * t, t);
    }
    return out;
  }

  /** A copy of the lengths, {@code [B]}. */
  public int[] lengths() {
    return lengths.clone();
  }

  /** Sum of lengths: the number of real (unpadded) positions. */
  public long tokenCount() {
    long n = 0;
    for (int l : lengths) {
      n += l;
    }
    return n;
  }

  /** The mask as {@code [B][T]} of 0/1. */
  public int[][] mask() {
    int[][] out = new int[ids.length][maxLength()];
    for (int i = 0; i < ids.length; i++) {
      Arrays.fill(out[i], 0, lengths[i], 1);
    }
    return out;
  }

  /**
   * The ids as an INDArray.
   *
   * @param type an integer type (INT32, INT64) or a floating type (FLOAT, DOUBLE, ...)
   * @return shape {@code [B, T]}
   */
  public INDArray idsArray(DataType type) {
    long[] shape = {ids.length, maxLength()};
    int[] flat = flatIds();
    if (type == DataType.INT32) {
      return Nd4j.create(flat, shape, DataType.INT32); // [B, T]
    }
    double[] d = new double[flat.length];
    for (int i = 0; i < flat.length; i++) {
      d[i] = flat[i];
    }
    return Nd4j.create(d, shape, DataType.DOUBLE).castTo(type); // [B, T]
  }

  /**
   * The mask as an INDArray of 0/1.
   *
   * @return shape {@code [B, T]}
   */
  public INDArray maskArray(DataType type) {
    int t = maxLength();
    double[] d = new double[ids.length * t];
    for (int i = 0; i < ids.length; i++) {
      Arrays.fill(d, i * t, i * t + lengths[i], 1.0);
    }
    return Nd4j.create(d, new long[] {ids.length, t}, DataType.DOUBLE).castTo(type); // [B, T]
  }

  @Override
  public String toString() {
    return "PaddedSequences[B=" + batchSize() + ", T=" + maxLength() + "]";
  }
}
