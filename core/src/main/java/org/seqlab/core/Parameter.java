package org.seqlab.core;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A named, trainable array and its gradient buffer.
 *
 * <p>The gradient accumulates over every {@link Tape#backward(Variable)} until {@link #zeroGrad()}
 * is called (normally by the optimizer step). Optimizers update {@link #value()} in place.
 *
 * <p><b>Row-sparse gradients.</b> An embedding table {@code [V, D]} receives gradient only in the
 * rows a batch looked up. Such contributions arrive through {@link #addRowGrad(int[], INDArray)},
 * which adds them straight into those rows of {@link #grad()}; every other contribution arrives
 * through {@link #addGrad(INDArray)}. When the parameter is marked {@link #setRowSparse(boolean)
 * row-sparse}, it also remembers which rows hold gradient since the last {@link #zeroGrad()}, and
 * {@link #gradRows()} returns them as long as no dense contribution has arrived; zeroing, the
 * squared norm and scaling then touch only those rows, and an optimizer may update only them (a
 * lazy update, as {@code torch.optim.SparseAdam}). The gradient of a row-sparse parameter must
 * therefore be written only through those two methods (scaling through {@link #scaleGrad(double)}).
 */
public final class Parameter {
  private final String name;
  private final INDArray value;
  private final INDArray grad;
  private boolean frozen;
  private boolean rowSparse;
  /** Rows written by {@link #addRowGrad} since the last {@link #zeroGrad()} (row-sparse parameters only). */
  private final BitSet rowSet = new BitSet();
  private int[] rows = new int[64];
  private int rowCount;
  /** Whether a contribution since the last {@link #zeroGrad()} was dense (or rows are not tracked). */
  private boolean denseGrad;

  /**
   * @param name unique name within its {@link ParameterSet}, e.g. {@code "encoder.gru.w_ih"}
   * @param value initial value (taken, not copied; 'c' order)
   */
  public Parameter(String name, INDArray value) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank");
    }
    this.value = Objects.requireNonNull(value, "value").ordering() == 'c' ? value : value.dup('c');
    this.grad = this.value.ulike();
    this.grad.assign(0);
  }

  public String name() {
    return name;
  }

  /** The current value, updated in place by optimizers. */
  public INDArray value() {
    return value;
  }

  /** The accumulated gradient, same shape as {@link #value()}. */
  public INDArray grad() {
    return grad;
  }

  public long[] shape() {
    return value.shape();
  }

  public long size() {
    return value.length();
  }

  /** A frozen parameter receives no gradient and is skipped by optimizers. */
  public boolean frozen() {
    return frozen;
  }

  public void setFrozen(boolean frozen) {
    this.frozen = frozen;
  }

  /**
   * Marks a {@code [V, D]} parameter as row-sparse (see the class comment) or back to dense.
   *
   * @throws IllegalArgumentException when the parameter is not 2-D
   */
  public void setRowSparse(boolean rowSparse) {
    if (rowSparse && value.rank() != 2) {
      throw new IllegalArgumentException("only a [V, D] parameter can be row-sparse; " + this + " is not");
    }
    zeroGrad();
    this.rowSparse = rowSparse;
  }

  public boolean rowSparse() {
    return rowSparse;
  }

  /**
   * Adds a dense contribution to the gradient.
   *
   * @param g exactly the shape of {@link #value()}
   */
  public void addGrad(INDArray g) {
    if (!Arrays.equals(g.shape(), value.shape())) {
      throw new IllegalArgumentException(
          "gradient of shape " + Arrays.toString(g.shape()) + " for " + this + ": shapes differ");
    }
    grad.addi(g);
    denseGrad = true;
  }

  /**
   * Adds {@code rowGrads[i]} to row {@code ids[i]} of the {@code [V, D]} gradient, for every
   * {@code i} in order (a repeated id receives the sum).
   *
   * @param rowGrads {@code [ids.length, D]}
   */
  public void addRowGrad(int[] ids, INDArray rowGrads) {
    if (value.rank() != 2) {
      throw new IllegalArgumentException("row gradients need a [V, D] parameter; " + this + " is not");
    }
    int v = Math.toIntExact(value.size(0));
    int d = Math.toIntExact(value.size(1));
    if (rowGrads.rank() != 2 || rowGrads.size(0) != ids.length || rowGrads.size(1) != d) {
      throw new IllegalArgumentException(
          "row gradients for " + ids.length + " ids of " + this + " must be [" + ids.length + ", " + d + "], got "
              + Arrays.toString(rowGrads.shape()));
    }
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= v) {
        throw new IllegalArgumentException("id " + ids[i] + " at position " + i + " is outside [0, " + v + ") of " + name);
      }
    }
    if (grad.dataType() == DataType.DOUBLE || grad.dataType() == DataType.FLOAT) {
      NativeArrays.addRows(grad, ids, rowGrads);
    } else {
      INDArray g = Nd4j.zeros(grad.dataType(), v, d);
      for (int i = 0; i < ids.length; i++) {
        g.getRow(ids[i]).addi(rowGrads.getRow(i).castTo(grad.dataType()));
      }
      addGrad(g);
      return;
    }
    if (!rowSparse) {
      denseGrad = true;
      return;
    }
    for (int id : ids) {
      if (!rowSet.get(id)) {
        rowSet.set(id);
        if (rowCount == rows.length) {
          rows = Arrays.copyOf(rows, rows.length * 2);
        }
        rows[rowCount++] = id;
      }
    }
  }

  /**
   * The rows holding gradient since the last {@link #zeroGrad()}, ascending; {@code null} when the
   * parameter is not row-sparse or a dense contribution arrived (then any element may be nonzero).
   */
  public int[] gradRows() {
    if (!rowSparse || denseGrad) {
      return null;
    }
    int[] out = Arrays.copyOf(rows, rowCount);
    Arrays.sort(out);
    return out;
  }

  /** The squared L2 norm of the gradient (over {@link #gradRows()} only when they are known). */
  public double gradSquaredNorm() {
    int[] r = gradRows();
    if (r == null || !NativeArrays.isDense(grad)) {
      double n = grad.norm2Number().doubleValue();
      return n * n;
    }
    int d = Math.toIntExact(value.size(1));
    double[] row = new double[d];
    double s = 0;
    for (int id : r) {
      NativeArrays.read(grad, (long) id * d, row, 0, d);
      for (double x : row) {
        s += x * x;
      }
    }
    return s;
  }

  /** Multiplies the gradient by {@code factor} (only {@link #gradRows()} when they are known). */
  public void scaleGrad(double factor) {
    int[] r = gradRows();
    if (r == null || !NativeArrays.isDense(grad)) {
      grad.muli(factor);
      return;
    }
    int d = Math.toIntExact(value.size(1));
    double[] row = new double[d];
    for (int id : r) {
      NativeArrays.read(grad, (long) id * d, row, 0, d);
      for (int j = 0; j < d; j++) {
        row[j] *= factor;
      }
      NativeArrays.write(grad, (long) id * d, row, 0, d);
    }
  }

  /** Sets the gradient to zero (only {@link #gradRows()} when they are known). */
  public void zeroGrad() {
    int[] r = gradRows();
    if (r == null || !NativeArrays.isDense(grad)) {
      if (HostMemory.CPU && NativeArrays.isDense(grad)) {
        // one memset: an ND4J assign(0) costs several times more on a large table
        org.bytedeco.javacpp.Pointer.memset(grad.data().addressPointer(), 0, grad.length() * grad.data().getElementSize());
      } else {
        grad.assign(0);
      }
    } else {
      int d = Math.toIntExact(value.size(1));
      double[] zeros = new double[d];
      for (int id : r) {
        NativeArrays.write(grad, (long) id * d, zeros, 0, d);
      }
    }
    rowSet.clear();
    rowCount = 0;
    denseGrad = false;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(value.shape()) + (frozen ? " (frozen)" : "");
  }

  /** Whether ND4J's buffers are plain host memory (the CPU backend), so that a memset clears them. */
  private static final class HostMemory {
    static final boolean CPU = Nd4j.getEnvironment().isCPU();
  }
}
