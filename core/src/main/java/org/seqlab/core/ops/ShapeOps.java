package org.seqlab.core.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

/** Concatenation, slicing, reshaping and time-step access. */
public final class ShapeOps {
  private ShapeOps() {}

  /**
   * Concatenates along {@code axis} (negative counts from the end); all other axes must agree, e.g.
   * {@code [B, T, H1] ++ [B, T, H2] -> [B, T, H1 + H2]} along axis 2.
   */
  public static Variable concat(int axis, Variable... xs) {
    if (xs.length == 0) {
      throw new IllegalArgumentException("concat needs at least one input");
    }
    int rank = xs[0].shape().length;
    int ax = checkAxis(axis, xs[0].shape());
    INDArray[] vals = new INDArray[xs.length];
    for (int i = 0; i < xs.length; i++) {
      long[] s = xs[i].shape();
      for (int d = 0; d < rank; d++) {
        if (s.length != rank || (d != ax && s[d] != xs[0].shape()[d])) {
          throw new IllegalArgumentException(
              "concat along axis " + axis + ": shape " + Arrays.toString(s)
                  + " does not match " + Arrays.toString(xs[0].shape()));
        }
      }
      vals[i] = xs[i].value();
    }
    INDArray out = Nd4j.concat(ax, vals);
    return xs[0].tape()
        .record(
            out,
            g -> {
              long from = 0;
              for (Variable x : xs) {
                long to = from + x.shape()[ax];
                if (x.requiresGrad()) {
                  x.addGrad(g.get(range(rank, ax, from, to)));
                }
                from = to;
              }
            },
            xs);
  }

  /** The elements {@code [from, to)} of {@code axis}. */
  public static Variable slice(Variable x, int axis, long from, long to) {
    int rank = x.shape().length;
    int ax = axis < 0 ? axis + rank : axis;
    if (ax < 0 || ax >= rank || from < 0 || to > x.shape()[ax] || from >= to) {
      throw new IllegalArgumentException(
          "slice [" + from + ", " + to + ") of axis " + axis + " is out of range for shape "
              + Arrays.toString(x.shape()));
    }
    INDArrayIndex[] idx = range(rank, ax, from, to);
    INDArray out = x.value().get(idx).dup('c');
    return x.tape().record(out, g -> x.addGradAt(idx, g), x);
  }

  /** Splits {@code axis} into consecutive pieces of the given sizes (which must add up). */
  public static List<Variable> split(Variable x, int axis, long... sizes) {
    int ax = checkAxis(axis, x.shape());
    long total = Arrays.stream(sizes).sum();
    if (total != x.shape()[ax]) {
      throw new IllegalArgumentException(
          "split sizes " + Arrays.toString(sizes) + " add up to " + total + " but axis " + axis
              + " of " + Arrays.toString(x.shape()) + " has " + x.shape()[ax]);
    }
    List<Variable> out = new ArrayList<>();
    long from = 0;
    for (long s : sizes) {
      out.add(slice(x, ax, from, from + s));
      from += s;
    }
    return out;
  }

  /** Same elements, new shape (c order). */
  public static Variable reshape(Variable x, long... shape) {
    long n = Arrays.stream(shape).reduce(1, (p, q) -> p * q);
    if (n != x.value().length()) {
      throw new IllegalArgumentException(
          "cannot reshape " + Arrays.toString(x.shape()) + " to " + Arrays.toString(shape));
    }
    INDArray out = x.value().reshape('c', shape);
    return x.tape().record(out, g -> x.addGrad(g.reshape('c', x.shape())), x);
  }

  /** Time step {@code t} of a batch-major sequence: {@code [B, T, H] -> [B, H]}. */
  public static Variable timeStep(Variable x, int t) {
    long[] s = x.shape();
    if (s.length != 3 || t < 0 || t >= s[1]) {
      throw new IllegalArgumentException(
          "timeStep " + t + " needs a [B, T, H] input with 0 <= t < T, got " + Arrays.toString(s));
    }
    INDArrayIndex[] idx = {NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()};
    INDArray out = x.value().get(idx).dup('c'); // [B, H]
    return x.tape().record(out, g -> x.addGradAt(idx, g), x);
  }

  /** Stacks {@code T} steps of shape {@code [B, H]} into {@code [B, T, H]}. */
  public static Variable stackSteps(List<Variable> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("stackSteps needs at least one step");
    }
    long[] s0 = steps.get(0).shape();
    Variable[] inputs = steps.toArray(new Variable[0]);
    INDArray[] values = new INDArray[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      long[] s = inputs[i].shape();
      if (s.length != 2 || !Arrays.equals(s, s0)) {
        throw new IllegalArgumentException(
            "step " + i + " has shape " + Arrays.toString(s) + "; every step must be [B, H] like step 0 "
                + Arrays.toString(s0));
      }
      values[i] = inputs[i].value();
    }
    INDArray out = Nd4j.stack(1, values); // [B, T, H]
    return inputs[0].tape()
        .record(
            out,
            g -> {
              for (int t = 0; t < inputs.length; t++) {
                if (inputs[t].requiresGrad()) {
                  inputs[t].addGrad(g.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()));
                }
              }
            },
            inputs);
  }

  /**
   * Rows of a table by index: {@code [V, D] -> [ids.length, D]}. Repeated ids are allowed; the
   * backward pass scatter-adds each output row's gradient into its table row, so a row used k times
   * receives the sum of its k gradients.
   */
  public static Variable gatherRows(Variable table, int[] ids) {
    long[] s = table.shape();
    int[] idsCopy = ids.clone();
    INDArray out = pullCheckedRows(table.value(), idsCopy, Arrays.toString(s), ""); // [N, D]
    return table.tape().record(out, g -> table.addGradOwned(scatterAddRows(g, idsCopy, s)), table);
  }

  /**
   * Rows {@code ids} of a parameter table {@code [V, D]}: the same values as {@link
   * #gatherRows(Variable, int[])} of {@code tape.watch(table)}, but the backward pass adds each
   * position's gradient straight into its row of {@code table.grad()} through {@link
   * Parameter#addRowGrad(int[], INDArray)} instead of materialising a {@code [V, D]} gradient, so a
   * {@linkplain Parameter#setRowSparse row-sparse} table learns which rows the batch touched. A
   * frozen table gives a constant.
   *
   * @return {@code [ids.length, D]}
   */
  public static Variable gatherRows(Tape tape, Parameter table, int[] ids) {
    Variable t = tape.watch(table);
    int[] idsCopy = ids.clone();
    INDArray out = pullCheckedRows(table.value(), idsCopy, table.toString(), " of " + table.name()); // [N, D]
    return tape.record(out, g -> table.addRowGrad(idsCopy, g), t);
  }

  /**
   * Rows {@code ids} of a {@code [V, D]} table after checking its rank and every id.
   *
   * @param table what the rank error shows as the table
   * @param owner appended to the id error (empty, or {@code " of name"})
   */
  private static INDArray pullCheckedRows(INDArray value, int[] ids, String table, String owner) {
    long[] s = value.shape();
    if (s.length != 2) {
      throw new IllegalArgumentException("gatherRows needs a [V, D] table, got " + table);
    }
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= s[0]) {
        throw new IllegalArgumentException(
            "id " + ids[i] + " at position " + i + " is outside [0, " + s[0] + ")" + owner);
      }
    }
    return Nd4j.pullRows(value, 1, ids);
  }

  /**
   * A zero {@code [V, D]} array with row {@code ids[i]} incremented by {@code g[i]}. Only the rows
   * that occur in {@code ids} are written, straight into the fresh native buffer (an embedding table
   * is much larger than one batch's rows).
   */
  private static INDArray scatterAddRows(INDArray g, int[] ids, long[] tableShape) {
    int v = Math.toIntExact(tableShape[0]);
    int d = Math.toIntExact(tableShape[1]);
    Math.multiplyExact(v, d);
    DataType type = g.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
    INDArray out = Nd4j.create(type, v, d); // zeros
    NativeArrays.addRows(out, ids, g);
    return g.dataType() == type ? out : out.castTo(g.dataType());
  }

  /** {@code axis}, counted from the end when negative. */
  private static int checkAxis(int axis, long[] shape) {
    int ax = axis < 0 ? axis + shape.length : axis;
    if (ax < 0 || ax >= shape.length) {
      throw new IllegalArgumentException(
          "axis " + axis + " is out of range for shape " + Arrays.toString(shape));
    }
    return ax;
  }

  private static INDArrayIndex[] range(int rank, int axis, long from, long to) {
    INDArrayIndex[] idx = new INDArrayIndex[rank];
    for (int d = 0; d < rank; d++) {
      idx[d] = d == axis ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
    }
    return idx;
  }
}
