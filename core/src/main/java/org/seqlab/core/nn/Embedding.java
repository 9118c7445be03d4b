package org.seqlab.core.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.ops.ShapeOps;

/**
 * An embedding table {@code E: [V, D]} looked up by integer ids. The backward pass scatter-adds
 * each position's gradient into its row, so a repeated id receives the sum of its positions'
 * gradients. {@link #setSparseUpdates(boolean)} marks the table row-sparse, so that {@code FusedAdam}
 * updates only the rows a batch looked up.
 */
public final class Embedding {
  private final Parameter table;

  /** A new {@code [V, D]} table {@code name.table} with entries drawn from N(0, 1/D). */
  public Embedding(ParameterSet params, String name, int vocabSize, int dim, DataType type, long seed) {
    if (vocabSize <= 0 || dim <= 0) {
      throw new IllegalArgumentException("Embedding needs vocabSize, dim > 0, got " + vocabSize + ", " + dim);
    }
    this.table = params.add(name + ".table", Init.normal(type, 1.0 / Math.sqrt(dim), seed, vocabSize, dim));
  }

  /** Wraps an existing {@code [V, D]} table parameter. */
  public Embedding(Parameter table) {
    if (table.shape().length != 2) {
      throw new IllegalArgumentException("embedding table must be [V, D], got " + table);
    }
    this.table = table;
  }

  public Parameter table() {
    return table;
  }

  /**
   * Whether optimizers that support it update only the rows a batch looked up (a lazy update; see
   * {@link Parameter#setRowSparse(boolean)}). For large fine-tuned tables.
   */
  public void setSparseUpdates(boolean sparse) {
    table.setRowSparse(sparse);
  }

  public int vocabSize() {
    return (int) table.shape()[0];
  }

  public int dim() {
    return (int) table.shape()[1];
  }

  /**
   * Copies pretrained vectors into rows of the table.
   *
   * @param rows row index in the table for each vector
   * @param vectors {@code [rows.length, D]}
   * @param freeze whether the table stops receiving gradient
   */
  public void loadPretrained(int[] rows, INDArray vectors, boolean freeze) {
    if (vectors.rank() != 2 || vectors.size(0) != rows.length || vectors.size(1) != dim()) {
      throw new IllegalArgumentException(
          "pretrained vectors must be [" + rows.length + ", " + dim() + "], got "
              + Arrays.toString(vectors.shape()));
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= vocabSize()) {
        throw new IllegalArgumentException("row " + rows[i] + " is outside the table of " + vocabSize() + " rows");
      }
      table.value().getRow(rows[i]).assign(vectors.getRow(i));
    }
    table.setFrozen(freeze);
  }

  /**
   * Looks up ids.
   *
   * @param ids {@code [B][T]} ids in {@code [0, V)}
   * @return {@code [B, T, D]}
   */
  public Variable forward(Tape tape, int[][] ids) {
    int b = ids.length;
    int t = b == 0 ? 0 : ids[0].length;
    int[] flat = new int[b * t];
    for (int i = 0; i < b; i++) {
      if (ids[i].length != t) {
        throw new IllegalArgumentException(
            "ids must be rectangular: row " + i + " has " + ids[i].length + " ids, row 0 has " + t);
      }
      System.arraycopy(ids[i], 0, flat, i * t, t);
    }
    return lookup(tape, flat, new long[] {b, t, dim()});
  }

  /**
   * Looks up a flat list of ids.
   *
   * @param outShape the output shape, whose product is {@code ids.length * D}
   */
  public Variable lookup(Tape tape, int[] ids, long[] outShape) {
    long n = 1;
    for (long x : outShape) {
      n *= x;
    }
    if (n != (long) ids.length * dim() || outShape[outShape.length - 1] != dim()) {
      throw new IllegalArgumentException(
          "outShape " + Arrays.toString(outShape) + " does not hold " + ids.length + " rows of " + dim());
    }
    Variable rows = ShapeOps.gatherRows(tape, table, ids); // [N, D], gradient straight into table rows
    return ShapeOps.reshape(rows, outShape);
  }
}
