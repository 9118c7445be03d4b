package org.seqlab.sequence;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;

/**
 * The output layer of a language model or tagger fused with the softmax cross-entropy loss, as one
 * tape operation: {@code z = h W + b}, {@code p = softmax(z)}, {@code loss = sum_i w_i (-log p_i[y_i])
 * / sum_i w_i}.
 *
 * <p>The {@code [N, V]} probabilities are computed in place in the logits buffer and reused as the
 * gradient {@code G = p - onehot(y)}; the per-row weights {@code w_i / sum w} are folded into the
 * small operands of the backward gemms, so the full {@code [N, V]} array is touched only by the two
 * forward kernels (gemm, softmax), the one-hot update of {@code N} elements and the two backward
 * gemms:
 *
 * <pre>
 *   [dW; db] = [h * w, w]^T G        ({@code [H+1, N] x [N, V]})
 *   dh = w * (G W^T)                  ({@code [N, V] x [V, H]})
 * </pre>
 */
public final class SoftmaxOutput {
  private final Parameter weight;
  private final Parameter bias;
  // Reusable buffers. Allocating a fresh native array costs ~0.6 ms per MB (zeroing and page
  // faults), 25-35 ms for a [1120, 10000] probability matrix, so the layer keeps one spare [N, V]
  // buffer: loss() takes it, its backward pass gives it back. A forward pass without backward
  // simply leaves the next call to allocate. Not thread-safe, like the rest of a model.
  private INDArray spare; // [N, V]
  private INDArray stackedBuf; // [H+1, V]

  /** New parameters {@code name.w: [H, V]} (Glorot uniform) and {@code name.b: [V]} (zero). */
  public SoftmaxOutput(ParameterSet params, String name, int hidden, int vocab, DataType type, long seed) {
    if (hidden < 1 || vocab < 1) {
      throw new IllegalArgumentException("SoftmaxOutput needs hidden, vocab >= 1, got " + hidden + ", " + vocab);
    }
    this.weight = params.add(name + ".w", Init.xavierUniform(type, hidden, vocab, seed));
    this.bias = params.add(name + ".b", Init.zeros(type, vocab));
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  public int vocabSize() {
    return (int) weight.shape()[1];
  }

  public int hiddenSize() {
    return (int) weight.shape()[0];
  }

  /**
   * Logits without a tape (inference, sampling).
   *
   * @param h {@code [N, H]}
   * @return {@code [N, V]}
   */
  public INDArray logits(INDArray h) {
    INDArray h2 = rows(h); // [N, H]
    INDArray hAug = augment(h2, null); // [N, H+1]
    INDArray z = Nd4j.createUninitialized(h2.dataType(), h2.size(0), vocabSize()); // [N, V]
    Nd4j.gemm(hAug, stacked(), z, false, false, 1.0, 0.0);
    return z;
  }

  /**
   * Mean cross-entropy over the positions with non-zero weight.
   *
   * @param h {@code [B, T, H]} or {@code [N, H]}
   * @param targets {@code N} target ids in {@code [0, V)} (any id where the mask is 0)
   * @param mask {@code N} 0/1 (or non-negative) weights, row-major {@code [B, T]}, or null for all ones
   * @return a {@code [1]} loss in nats per weighted position
   */
  public Variable loss(Tape tape, Variable h, int[] targets, INDArray mask) {
    INDArray h2 = rows(h.value()); // [N, H]
    int n = (int) h2.size(0);
    double[] w = weights(mask, n);
    checkTargets(targets, w, n);
    double count = Arrays.stream(w).sum();
    INDArray p = takeSpare(h2.dataType(), n); // [N, V] logits, then probabilities
    double total = probabilities(h2, targets, w, p);
    FlatBuffer pb = new FlatBuffer(p);
    long v = vocabSize();
    INDArray out = Nd4j.create(h2.dataType(), 1).assign(count == 0 ? 0 : total / count);
    Variable wv = tape.watch(weight);
    Variable bv = tape.watch(bias);
    return tape.record(out, g -> {
      double scale = count == 0 ? 0 : g.getDouble(0) / count;
      for (int i = 0; i < n; i++) {
        if (w[i] != 0) {
          pb.add(i * v + targets[i], -1.0); // p becomes G = p - onehot(y)
        }
        w[i] *= scale;
      }
      backward(h, h2, p, w, wv, bv);
    }, h, wv, bv);
  }

  /**
   * The same loss without a tape (validation, benchmarks).
   *
   * @return mean nats per weighted position
   */
  public double evaluate(INDArray h, int[] targets, INDArray mask) {
    INDArray h2 = rows(h); // [N, H]
    int n = (int) h2.size(0);
    double[] w = weights(mask, n);
    checkTargets(targets, w, n);
    double count = Arrays.stream(w).sum();
    INDArray p = takeSpare(h2.dataType(), n);
    double total = probabilities(h2, targets, w, p);
    spare = p;
    return count == 0 ? 0 : total / count;
  }

  /**
   * Fills {@code p} with softmax(h W + b) and returns {@code sum_i w_i (-log p_i[y_i])}, the
   * negative log-likelihood taken as {@code logsumexp(z_i) - z_i[y_i]} (exact even when the
   * probability underflows). FLOAT rows are normalised by the {@link JavaKernels} (vectorised {@code
   * exp}) on the compute threads, DOUBLE rows (gradient checks) in scalar double precision.
   */
  private double probabilities(INDArray h2, int[] targets, double[] w, INDArray p) {
    Nd4j.gemm(augment(h2, null), stacked(), p, false, false, 1.0, 0.0);
    int n = w.length;
    int v = vocabSize();
    double[] nll = new double[n];
    if (p.dataType() == DataType.FLOAT) {
      FloatBuffer all = p.data().asNioFloat();
      JavaKernels gates = JavaKernels.best();
      Parallel.rows(n, 8, (from, to) -> {
        FloatBuffer fb = all.duplicate();
        float[] row = new float[v];
        for (int i = from; i < to; i++) {
          fb.position(i * v);
          fb.get(row, 0, v);
          double zt = w[i] != 0 ? row[targets[i]] : 0;
          double lse = gates.softmax(row, v);
          nll[i] = lse - zt;
          fb.position(i * v);
          fb.put(row, 0, v);
        }
      });
    } else {
      DoubleBuffer db = p.data().asNioDouble();
      double[] row = new double[v];
      for (int i = 0; i < n; i++) {
        db.position(i * v);
        db.get(row, 0, v);
        double zt = w[i] != 0 ? row[targets[i]] : 0;
        double m = Double.NEGATIVE_INFINITY;
        for (double x : row) {
          m = Math.max(m, x);
        }
        double sum = 0;
        for (int j = 0; j < v; j++) {
          row[j] = Math.exp(row[j] - m);
          sum += row[j];
        }
        for (int j = 0; j < v; j++) {
          row[j] /= sum;
        }
        nll[i] = Math.log(sum) + m - zt;
        db.position(i * v);
        db.put(row, 0, v);
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (w[i] != 0) {
        total += w[i] * nll[i];
      }
    }
    return total;
  }

  /**
   * {@code db[j] += sum_i w_i G[i, j]} for a dense FLOAT {@code G [N, V]}, column blocks on the
   * compute threads (a memory-bound gemv through ND4J runs at a fraction of memory bandwidth here).
   */
  private static void addWeightedColumnSums(INDArray grad, double[] w, INDArray db) {
    int n = w.length;
    int v = (int) grad.size(1);
    FloatBuffer all = grad.data().asNioFloat();
    FloatBuffer out = db.data().asNioFloat();
    Parallel.rows(v, 1024, (from, to) -> {
      int len = to - from;
      float[] acc = new float[len];
      float[] seg = new float[len];
      FloatBuffer fb = all.duplicate();
      for (int i = 0; i < n; i++) {
        float wi = (float) w[i];
        if (wi == 0) {
          continue;
        }
        fb.get(i * v + from, seg, 0, len);
        for (int j = 0; j < len; j++) {
          acc[j] += wi * seg[j];
        }
      }
      for (int j = 0; j < len; j++) {
        out.put(from + j, out.get(from + j) + acc[j]);
      }
    });
  }

  private void backward(Variable h, INDArray h2, INDArray grad, double[] w, Variable wv, Variable bv) {
    int hid = hiddenSize();
    int n = w.length;
    // parameter gradients are accumulated straight into Parameter.grad() (gemm with beta = 1),
    // which is what the tape would do with them, without a [H, V] temporary
    if (wv.requiresGrad()) {
      double[] hv = NativeArrays.toArray(h2); // [N * H]
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < hid; j++) {
          hv[i * hid + j] *= w[i];
        }
      }
      Nd4j.gemm(NativeArrays.create(hv, grad.dataType(), n, hid), grad, weight.grad(), true, false, 1.0, 1.0);
    }
    if (bv.requiresGrad()) {
      if (grad.dataType() == DataType.FLOAT && NativeArrays.isDense(bias.grad())) {
        addWeightedColumnSums(grad, w, bias.grad());
      } else {
        INDArray db = bias.grad().reshape('c', 1, vocabSize()); // [1, V] view of the gradient buffer
        Nd4j.gemm(NativeArrays.create(w, grad.dataType(), 1, n), grad, db, false, false, 1.0, 1.0);
      }
    }
    if (h.requiresGrad()) {
      INDArray dh = Nd4j.create(grad.dataType(), n, hid); // [N, H]
      Nd4j.gemm(grad, weight.value(), dh, false, true, 1.0, 0.0);
      double[] d = NativeArrays.toArray(dh); // [N * H]
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < hid; j++) {
          d[i * hid + j] *= w[i]; // row i scaled by w_i
        }
      }
      h.addGradOwned(NativeArrays.create(d, dh.dataType(), h.shape()));
    }
    spare = grad;
  }

  private INDArray takeSpare(DataType type, long n) {
    INDArray p = spare;
    spare = null;
    if (p == null || p.dataType() != type || p.size(0) != n) {
      p = Nd4j.createUninitialized(type, n, vocabSize());
    }
    return p;
  }

  /** {@code [W; b]}: {@code [H+1, V]}. */
  private INDArray stacked() {
    long hid = hiddenSize();
    INDArray s = stackedBuf;
    if (s == null || s.dataType() != weight.value().dataType()) {
      s = Nd4j.create(weight.value().dataType(), hid + 1, vocabSize()); // [H+1, V]
      stackedBuf = s;
    }
    s.get(NDArrayIndex.interval(0, hid), NDArrayIndex.all()).assign(weight.value());
    s.getRow(hid).assign(bias.value());
    return s;
  }

  /** {@code [h * w, w]} ({@code [N, H+1]}), with {@code w} all ones when null. */
  private static INDArray augment(INDArray h2, double[] w) {
    int n = (int) h2.size(0);
    int hid = (int) h2.size(1);
    double[] hv = NativeArrays.toArray(h2); // [N * H]
    double[] out = new double[n * (hid + 1)]; // [N * (H+1)]
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      for (int j = 0; j < hid; j++) {
        out[i * (hid + 1) + j] = wi * hv[i * hid + j];
      }
      out[i * (hid + 1) + hid] = wi;
    }
    return NativeArrays.create(out, h2.dataType(), n, hid + 1);
  }

  private INDArray rows(INDArray h) {
    long[] s = h.shape();
    if (s.length < 2 || s[s.length - 1] != hiddenSize()) {
      throw new IllegalArgumentException(
          "output layer input must be [..., " + hiddenSize() + "], got " + Arrays.toString(s));
    }
    return h.reshape('c', h.length() / hiddenSize(), hiddenSize()).dup('c');
  }

  private static double[] weights(INDArray mask, int n) {
    if (mask == null) {
      double[] w = new double[n];
      Arrays.fill(w, 1.0);
      return w;
    }
    if (mask.length() != n) {
      throw new IllegalArgumentException(
          "mask shape " + Arrays.toString(mask.shape()) + " does not match " + n + " positions");
    }
    double[] w = mask.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    for (int i = 0; i < n; i++) {
      if (!(w[i] >= 0)) {
        throw new IllegalArgumentException("mask weights must be >= 0, got " + w[i] + " at position " + i);
      }
    }
    return w;
  }

  private void checkTargets(int[] targets, double[] w, int n) {
    Objects.requireNonNull(targets, "targets");
    if (targets.length != n) {
      throw new IllegalArgumentException("got " + targets.length + " targets for " + n + " positions");
    }
    for (int i = 0; i < n; i++) {
      if (w[i] != 0 && (targets[i] < 0 || targets[i] >= vocabSize())) {
        throw new IllegalArgumentException(
            "target " + targets[i] + " at position " + i + " is outside [0, " + vocabSize() + ")");
      }
    }
  }
}
