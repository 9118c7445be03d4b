package org.seqlab.sequence;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seqlab.core.NativeArrays;

/**
 * The working state of one unrolled layer call, shared by the cell kernels.
 *
 * <p>Only matrix products run in ND4J (OpenBLAS gemm into preallocated native arrays); the gate
 * arithmetic runs in plain Java loops over {@code double[]} mirrors. A step has a few hundred
 * thousand scalar operations at most, where one native call costs ~12 µs and, on a busy machine,
 * waits for its thread pool; Java loops keep the per-step cost predictable and compute in double
 * precision whatever the parameters' type.
 *
 * <p>Time-major layout: row {@code t * B + b} of every buffer is sequence {@code b} at step {@code
 * t}. State arrays have {@code T + 1} blocks of {@code B} rows: block 0 is the initial state, block
 * {@code t + 1} the state carried out of step {@code t} (at a padded step, the state is carried
 * through unchanged).
 */
final class Unroll {
  final int steps;
  final int batch;
  final int hidden;
  final int width; // G * H
  final DataType type;
  /** The gate arithmetic (vector or scalar). */
  final JavaKernels gates = JavaKernels.best();
  /** Gate elements a parallel chunk should hold at least (a chunk hand-off costs a few microseconds). */
  private static final int MIN_CHUNK_ELEMENTS = 16_384;
  /** {@code [T*B * G*H]} input projections {@code x W_ih + b}; kernels overwrite them with activations. */
  final double[] z;
  /** {@code [(T+1)*B * H]} carried hidden states (Java mirror of {@link #hNative}). */
  final double[] h;
  /** {@code [(T+1)*B, H]} carried hidden states, native, read by the recurrent gemms. */
  final INDArray hNative;
  /** {@code [(T+1)*B * H]} carried cell states (LSTM), else null. */
  final double[] c;
  /** {@code [T*B]} 0/1 step mask, or null when every step is valid. */
  final double[] mask;
  private final INDArray recOut; // [B, G*H] native scratch for h W_hh
  private final double[] rec; // [B * G*H] its Java copy
  private final INDArray gradIn; // [B, G*H] native scratch for a step's gate gradients
  private final INDArray gradOut; // [B, H] native scratch for dz W_hh^T

  Unroll(INDArray xProj, double[] mask, INDArray h0, INDArray c0, int steps, int batch, int hidden) {
    this.steps = steps;
    this.batch = batch;
    this.hidden = hidden;
    this.width = (int) xProj.size(1);
    this.type = xProj.dataType();
    this.z = NativeArrays.toArray(xProj); // bulk copy (data().asDouble() reads element by element)
    this.h = new double[(steps + 1) * batch * hidden];
    System.arraycopy(NativeArrays.toArray(h0), 0, h, 0, batch * hidden);
    this.hNative = Nd4j.create(type, (long) (steps + 1) * batch, hidden); // [(T+1)*B, H]
    NativeArrays.write(hNative, 0, h, 0, batch * hidden);
    if (c0 != null) {
      this.c = new double[(steps + 1) * batch * hidden];
      System.arraycopy(NativeArrays.toArray(c0), 0, c, 0, batch * hidden);
    } else {
      this.c = null;
    }
    this.mask = mask;
    this.recOut = Nd4j.create(type, batch, width);
    this.rec = new double[batch * width];
    this.gradIn = Nd4j.create(type, batch, width);
    this.gradOut = Nd4j.create(type, batch, hidden);
  }

  /** Offset of step {@code t}'s first row in a {@code [T*B, W]} array of width {@code w}. */
  int at(int t, int w) {
    return t * batch * w;
  }

  /** Offset of the state carried out of step {@code t} ({@code t = -1}: the initial state). */
  int state(int t) {
    return (t + 1) * batch * hidden;
  }

  /** Mask of sequence {@code b} at step {@code t}. */
  double m(int t, int b) {
    return mask == null ? 1 : mask[t * batch + b];
  }

  /**
   * {@code h_{t-1} W} for step {@code t}: one gemm on the native state block, copied to Java.
   *
   * @param w {@code [H, G*H]}
   * @return {@code [B * G*H]} (a shared scratch array, valid until the next call)
   */
  double[] recurrent(int t, INDArray w) {
    INDArray hp = rows(hNative, t); // [B, H], block t = state entering step t
    Nd4j.gemm(hp, w, recOut, false, false, 1.0, 0.0);
    NativeArrays.read(recOut, 0, rec, 0, rec.length);
    return rec;
  }

  /**
   * Runs a step's per-row gate loop over the batch rows {@code [0, B)}, split across the compute
   * threads when {@code parallel} and the rows are wide enough to repay the hand-off. Each row reads
   * and writes only its own slices, so the result is the same for any thread count.
   */
  void forRows(boolean parallel, Parallel.Rows body) {
    if (parallel) {
      Parallel.rows(batch, Math.max(1, MIN_CHUNK_ELEMENTS / Math.max(1, width)), body);
    } else {
      body.run(0, batch);
    }
  }

  /** Publishes the carried hidden state of step {@code t} to the native buffer for the next gemm. */
  void publish(int t) {
    NativeArrays.write(hNative, state(t), h, state(t), batch * hidden);
  }

  /**
   * {@code dz W^T} for a step's gate gradients.
   *
   * @param dz {@code [T*B * G*H]}, the step's rows starting at {@code at(t, width)}
   * @param w {@code [H, G*H]}
   * @return {@code [B * H]} a fresh array
   */
  double[] backRecurrent(double[] dz, int t, INDArray w) {
    NativeArrays.write(gradIn, 0, dz, at(t, width), batch * width);
    Nd4j.gemm(gradIn, w, gradOut, false, true, 1.0, 0.0);
    double[] out = new double[batch * hidden];
    NativeArrays.read(gradOut, 0, out, 0, out.length);
    return out;
  }

  /** Rows {@code [k*B, (k+1)*B)} of a native array. */
  INDArray rows(INDArray a, int k) {
    return a.get(NDArrayIndex.interval((long) k * batch, (long) (k + 1) * batch), NDArrayIndex.all());
  }

  /** The native states entering each step, {@code [T*B, H]} (a view). */
  INDArray previousStates() {
    return hNative.get(NDArrayIndex.interval(0, (long) steps * batch), NDArrayIndex.all());
  }

  /** A native {@code [rows, cols]} array of this call's type holding {@code v}. */
  INDArray toNative(double[] v, long rows, long cols) {
    return NativeArrays.create(v, type, rows, cols);
  }

  /** {@code [n, W]} with every row equal to {@code row} ({@code [W]}), via one rank-1 gemm. */
  static INDArray tileRows(INDArray row, long n) {
    long w = row.length();
    INDArray ones = Nd4j.ones(row.dataType(), n, 1); // [n, 1]
    INDArray out = Nd4j.create(row.dataType(), n, w); // [n, W]
    Nd4j.gemm(ones, row.reshape('c', 1, w), out, false, false, 1.0, 0.0);
    return out;
  }

  /** {@code [n, width]}: row r is {@code v[r]} repeated. */
  static INDArray repeatColumns(double[] v, int width, DataType type) {
    double[] out = new double[v.length * width];
    for (int r = 0; r < v.length; r++) {
      Arrays.fill(out, r * width, (r + 1) * width, v[r]);
    }
    return NativeArrays.create(out, type, v.length, width);
  }

  static double sigmoid(double x) {
    return ScalarKernels.sigmoid(x);
  }

  /** tanh from one exp, accurate to a few ulps of 1 (Math.tanh is not a JIT intrinsic). */
  static double tanh(double x) {
    return ScalarKernels.tanh(x);
  }
}
