package org.seqlab.attention;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;
import org.seqlab.core.ops.MathOps;

/**
 * Additive attention (Bahdanau, Cho and Bengio 2014): a one-hidden-layer network scores every
 * source position against the decoder state,
 *
 * <pre>
 *   k_s     = a_s U + b                      keys, once per source batch          [B, S, A]
 *   e_{t,s} = v . tanh(s_{t-1} W + k_s)      energies                             [B, S]
 *   alpha   = softmax over s < len of e      padded positions get 0              [B, S]
 *   c_t     = sum_s alpha_{t,s} a_s          context                              [B, D]
 * </pre>
 *
 * (the dense network on {@code [s_{t-1}; a_s]} with weight {@code [W; U]}, split so the key half is
 * computed once). Scoring, the masked softmax and the weighted sum are one fused tape operation per
 * step in plain Java loops; its backward pass is
 *
 * <pre>
 *   dalpha_s = dc . a_s        da_s += alpha_s dc
 *   de_s = alpha_s (dalpha_s - sum_s' alpha_s' dalpha_s')
 *   dz_s = de_s v (1 - h_s^2)  with h_s = tanh(q + k_s):   dk_s += dz_s,  dq += sum_s dz_s,  dv += sum_s de_s h_s
 * </pre>
 */
final class AdditiveAttention {
  final Parameter queryWeight; // [Hq, A]
  final Parameter keyWeight; // [D, A]
  final Parameter keyBias; // [A]
  final Parameter energy; // [A]

  AdditiveAttention(ParameterSet params, String name, int queryDim, int valueDim, int attentionDim, DataType type, long seed) {
    if (queryDim < 1 || valueDim < 1 || attentionDim < 1) {
      throw new IllegalArgumentException("attention sizes must be >= 1, got query " + queryDim + ", value " + valueDim
          + ", attention " + attentionDim);
    }
    queryWeight = params.add(name + ".w_q", Init.xavierUniform(type, queryDim, attentionDim, Seeds.derive(seed, "w_q")));
    keyWeight = params.add(name + ".w_k", Init.xavierUniform(type, valueDim, attentionDim, Seeds.derive(seed, "w_k")));
    keyBias = params.add(name + ".b_k", Init.zeros(type, attentionDim));
    energy = params.add(name + ".v", Init.uniform(type, 1 / Math.sqrt(attentionDim), Seeds.derive(seed, "v"), attentionDim));
  }

  int attentionDim() {
    return (int) energy.shape()[0];
  }

  /** Keys {@code a U + b}: {@code [B, S, D] -> [B, S, A]}. */
  Variable keys(Tape tape, Variable values) {
    return MathOps.add(MathOps.matmul(values, tape.watch(keyWeight)), tape.watch(keyBias));
  }

  /** A step's result: context and weights. */
  record Step(Variable context, double[] weights) {}

  /**
   * One training step on the memory's tape.
   *
   * @param query {@code [N, Hq]} decoder states
   * @param rows memory row of each query row ({@code N} entries)
   * @return context {@code [N, D]} and weights {@code [N * S]}
   */
  Step attend(Tape tape, AttentionMemory m, Variable query, int[] rows) {
    Variable q = MathOps.matmul(query, tape.watch(queryWeight)); // [N, A]
    Variable v = tape.watch(energy); // [A]
    double[] qv = NativeArrays.toArray(q.value());
    double[] vv = NativeArrays.toArray(v.value());
    Kernel k = new Kernel(m, rows);
    k.forward(qv, vv);
    INDArray out = NativeArrays.create(k.context, m.type, rows.length, m.valueDim); // [N, D]
    Variable handle = m.handle();
    Variable[] in = handle == null ? new Variable[] {q, v} : new Variable[] {q, v, handle};
    Variable ctx = tape.record(out, g -> {
      double[][] grads = m.gradients();
      double[] dq = new double[qv.length];
      double[] dv = new double[vv.length];
      k.backward(NativeArrays.toArray(g), vv, dq, dv, grads[0], grads[1]);
      q.addGradOwned(NativeArrays.create(dq, g.dataType(), q.shape()));
      v.addGradOwned(NativeArrays.create(dv, g.dataType(), v.shape()));
      if (handle != null) {
        handle.addGradOwned(org.nd4j.linalg.factory.Nd4j.zeros(g.dataType(), 1));
      }
    }, in);
    return new Step(ctx, k.alpha);
  }

  /**
   * Inference without a tape.
   *
   * @param query {@code [N * A]} projected queries {@code s W}
   * @return {context [N * D], weights [N * S]}
   */
  static double[][] attend(AttentionMemory m, double[] query, double[] energy, int[] rows) {
    Kernel k = new Kernel(m, rows);
    k.forward(query, energy);
    return new double[][] {k.context, k.alpha};
  }

  /** The fused forward and backward loops of one step. */
  private static final class Kernel {
    final AttentionMemory m;
    final int[] rows;
    final int n;
    final double[] hidden; // [N * S * A] tanh(q + k)
    final double[] alpha; // [N * S]
    final double[] context; // [N * D]

    Kernel(AttentionMemory m, int[] rows) {
      this.m = m;
      this.rows = rows;
      this.n = rows.length;
      for (int i = 0; i < n; i++) {
        if (rows[i] < 0 || rows[i] >= m.batch) {
          throw new IllegalArgumentException("memory row " + rows[i] + " at " + i + " is outside [0, " + m.batch + ")");
        }
      }
      this.hidden = new double[n * m.steps * m.keyDim];
      this.alpha = new double[n * m.steps];
      this.context = new double[n * m.valueDim];
    }

    void forward(double[] q, double[] v) {
      int s = m.steps;
      int a = m.keyDim;
      int d = m.valueDim;
      if (q.length != n * a || v.length != a) {
        throw new IllegalArgumentException("attention query must be [" + n + ", " + a + "] and v [" + a + "], got "
            + q.length + " and " + v.length + " elements");
      }
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        int len = m.lengths[r];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < len; p++) {
          int ko = (r * s + p) * a;
          int ho = (i * s + p) * a;
          double e = 0;
          for (int j = 0; j < a; j++) {
            double h = tanh(q[i * a + j] + m.keys[ko + j]);
            hidden[ho + j] = h;
            e += v[j] * h;
          }
          alpha[i * s + p] = e;
          max = Math.max(max, e);
        }
        double sum = 0;
        for (int p = 0; p < len; p++) {
          double w = Math.exp(alpha[i * s + p] - max);
          alpha[i * s + p] = w;
          sum += w;
        }
        for (int p = 0; p < len; p++) {
          double w = alpha[i * s + p] / sum;
          alpha[i * s + p] = w;
          int vo = (r * s + p) * d;
          for (int j = 0; j < d; j++) {
            context[i * d + j] += w * m.values[vo + j];
          }
        }
      }
    }

    void backward(double[] dc, double[] v, double[] dq, double[] dv, double[] dKeys, double[] dValues) {
      int s = m.steps;
      int a = m.keyDim;
      int d = m.valueDim;
      double[] dalpha = new double[s];
      for (int i = 0; i < n; i++) {
        int r = rows[i];
        int len = m.lengths[r];
        double dot = 0;
        for (int p = 0; p < len; p++) {
          int vo = (r * s + p) * d;
          double w = alpha[i * s + p];
          double da = 0;
          for (int j = 0; j < d; j++) {
            da += dc[i * d + j] * m.values[vo + j];
            dValues[vo + j] += w * dc[i * d + j];
          }
          dalpha[p] = da;
          dot += w * da;
        }
        for (int p = 0; p < len; p++) {
          double de = alpha[i * s + p] * (dalpha[p] - dot);
          int ko = (r * s + p) * a;
          int ho = (i * s + p) * a;
          for (int j = 0; j < a; j++) {
            double h = hidden[ho + j];
            double dz = de * v[j] * (1 - h * h);
            dKeys[ko + j] += dz;
            dq[i * a + j] += dz;
            dv[j] += de * h;
          }
        }
      }
    }
  }

  /** tanh from one exp (Math.tanh is not a JIT intrinsic). */
  static double tanh(double x) {
    double e = Math.exp(-2 * Math.abs(x));
    double t = (1 - e) / (1 + e);
    return x < 0 ? -t : t;
  }

  @Override
  public String toString() {
    return "AdditiveAttention" + Arrays.toString(queryWeight.shape()) + "->" + attentionDim();
  }
}
