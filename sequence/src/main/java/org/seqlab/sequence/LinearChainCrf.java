package org.seqlab.sequence;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.init.Init;

/**
 * A linear-chain conditional random field over {@code K} tags (Lafferty et al. 2001; as the output
 * layer of a BiLSTM tagger, Huang et al. 2015 and Lample et al. 2016). A tag path {@code y} of a
 * sentence of length {@code L} with emission scores {@code E: [L, K]} scores
 *
 * <pre>
 *   s(y) = start[y_0] + sum_t E[t, y_t] + sum_{t>0} A[y_{t-1}, y_t] + end[y_{L-1}]
 *   p(y | x) = exp(s(y)) / Z,   log Z = logsumexp over all K^L paths, by the forward algorithm:
 *   alpha_0 = start + E_0,   alpha_t[j] = logsumexp_i(alpha_{t-1}[i] + A[i, j]) + E[t, j],
 *   log Z = logsumexp_j(alpha_{L-1}[j] + end[j])
 * </pre>
 *
 * <p>The loss is the mean over sentences of {@code log Z - s(gold)}. Its hand-written gradient is
 * marginals minus gold counts, from the forward-backward algorithm ({@code beta_{L-1} = end},
 * {@code beta_t[i] = logsumexp_j(A[i, j] + E[t+1, j] + beta_{t+1}[j])}): {@code dE[t, j] = p(y_t =
 * j) - [gold_t = j]}, {@code dA[i, j] = sum_t p(y_{t-1} = i, y_t = j) - #gold(i -> j)}, {@code
 * dstart = p(y_0) - onehot}, {@code dend = p(y_{L-1}) - onehot}. Decoding is Viterbi (max-product
 * in log space). All recursions run in double precision in plain Java.
 */
public final class LinearChainCrf {
  private final int tags;
  private final Parameter transitions; // [K, K], from row tag to column tag
  private final Parameter start; // [K]
  private final Parameter end; // [K]

  /** New parameters {@code name.trans: [K, K]}, {@code name.start: [K]}, {@code name.end: [K]}, all zero. */
  public LinearChainCrf(ParameterSet params, String name, int tags, DataType type) {
    if (tags < 1) {
      throw new IllegalArgumentException("tags must be >= 1, got " + tags);
    }
    this.tags = tags;
    this.transitions = params.add(name + ".trans", Init.zeros(type, tags, tags));
    this.start = params.add(name + ".start", Init.zeros(type, tags));
    this.end = params.add(name + ".end", Init.zeros(type, tags));
  }

  public int tags() {
    return tags;
  }

  /** {@code A: [K, K]}, {@code A[i, j]} scores tag {@code j} after tag {@code i}. */
  public Parameter transitions() {
    return transitions;
  }

  private record Weights(double[] a, double[] s, double[] e) {}

  private Weights weights() {
    return new Weights(NativeArrays.toArray(transitions.value()), NativeArrays.toArray(start.value()), NativeArrays.toArray(end.value()));
  }

  /**
   * Mean negative log-likelihood of the gold paths.
   *
   * @param emissions {@code [B, T, K]} emission scores (positions past a sentence's length are ignored)
   * @param gold {@code [B][len_b]} gold tags in {@code [0, K)}
   * @param lengths valid positions per sentence, each in {@code [1, T]}
   * @return {@code [1]} loss in nats per sentence
   */
  public Variable loss(Tape tape, Variable emissions, int[][] gold, int[] lengths) {
    long[] sh = emissions.shape();
    if (sh.length != 3 || sh[2] != tags || sh[0] != lengths.length || gold.length != lengths.length) {
      throw new IllegalArgumentException("emissions must be [B, T, " + tags + "] with B = " + lengths.length
          + " lengths and gold paths, got " + Arrays.toString(sh) + " and " + gold.length + " paths");
    }
    int b = (int) sh[0];
    int t = (int) sh[1];
    Masks.checkLengths(lengths, t);
    for (int i = 0; i < b; i++) {
      if (gold[i].length != lengths[i]) {
        throw new IllegalArgumentException("gold path " + i + " has " + gold[i].length + " tags for length " + lengths[i]);
      }
      for (int y : gold[i]) {
        if (y < 0 || y >= tags) {
          throw new IllegalArgumentException("gold path " + i + " has tag " + y + " outside [0, " + tags + ")");
        }
      }
    }
    double[] e = NativeArrays.toArray(emissions.value()); // [B*T*K]
    Weights w = weights();
    double total = 0;
    double[] dE = new double[e.length];
    double[] dA = new double[tags * tags];
    double[] dS = new double[tags];
    double[] dEnd = new double[tags];
    for (int i = 0; i < b; i++) {
      total += sentence(e, i * t * tags, gold[i], w, dE, dA, dS, dEnd);
    }
    INDArray out = NativeArrays.create(new double[] {total / b}, emissions.value().dataType(), 1);
    Variable av = tape.watch(transitions);
    Variable sv = tape.watch(start);
    Variable ev = tape.watch(end);
    DataType type = emissions.value().dataType();
    return tape.record(out, g -> {
      double scale = g.getDouble(0) / b;
      emissions.addGradOwned(NativeArrays.create(scaled(dE, scale), type, sh));
      av.addGradOwned(NativeArrays.create(scaled(dA, scale), type, tags, tags));
      sv.addGradOwned(NativeArrays.create(scaled(dS, scale), type, tags));
      ev.addGradOwned(NativeArrays.create(scaled(dEnd, scale), type, tags));
    }, emissions, av, sv, ev);
  }

  private static double[] scaled(double[] v, double s) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * s;
    }
    return out;
  }

  /**
   * One sentence: returns {@code log Z - s(gold)} and adds its gradient (marginals minus gold
   * counts) into the accumulators.
   */
  private double sentence(double[] e, int off, int[] y, Weights w, double[] dE, double[] dA, double[] dS, double[] dEnd) {
    int len = y.length;
    int k = tags;
    double[] alpha = new double[len * k];
    double[] beta = new double[len * k];
    double[] tmp = new double[k];
    for (int j = 0; j < k; j++) {
      alpha[j] = w.s[j] + e[off + j];
    }
    for (int s = 1; s < len; s++) {
      for (int j = 0; j < k; j++) {
        for (int i = 0; i < k; i++) {
          tmp[i] = alpha[(s - 1) * k + i] + w.a[i * k + j];
        }
        alpha[s * k + j] = LogProbs.logSumExp(tmp) + e[off + s * k + j];
      }
    }
    for (int j = 0; j < k; j++) {
      tmp[j] = alpha[(len - 1) * k + j] + w.e[j];
      beta[(len - 1) * k + j] = w.e[j];
    }
    double logZ = LogProbs.logSumExp(tmp);
    for (int s = len - 2; s >= 0; s--) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          tmp[j] = w.a[i * k + j] + e[off + (s + 1) * k + j] + beta[(s + 1) * k + j];
        }
        beta[s * k + i] = LogProbs.logSumExp(tmp);
      }
    }
    double gold = w.s[y[0]] + w.e[y[len - 1]];
    for (int s = 0; s < len; s++) {
      gold += e[off + s * k + y[s]];
      if (s > 0) {
        gold += w.a[y[s - 1] * k + y[s]];
      }
      for (int j = 0; j < k; j++) {
        dE[off + s * k + j] += Math.exp(alpha[s * k + j] + beta[s * k + j] - logZ);
      }
      dE[off + s * k + y[s]] -= 1;
      if (s > 0) {
        for (int i = 0; i < k; i++) {
          for (int j = 0; j < k; j++) {
            dA[i * k + j] += Math.exp(alpha[(s - 1) * k + i] + w.a[i * k + j] + e[off + s * k + j] + beta[s * k + j] - logZ);
          }
        }
        dA[y[s - 1] * k + y[s]] -= 1;
      }
    }
    for (int j = 0; j < k; j++) {
      dS[j] += Math.exp(alpha[j] + beta[j] - logZ);
      dEnd[j] += Math.exp(alpha[(len - 1) * k + j] + beta[(len - 1) * k + j] - logZ);
    }
    dS[y[0]] -= 1;
    dEnd[y[len - 1]] -= 1;
    return logZ - gold;
  }

  /**
   * The highest-scoring tag path of each sentence (Viterbi).
   *
   * @param emissions {@code [B, T, K]}
   * @return {@code [B][len_b]} tags
   */
  public int[][] decode(INDArray emissions, int[] lengths) {
    long[] sh = emissions.shape();
    if (sh.length != 3 || sh[2] != tags || sh[0] != lengths.length) {
      throw new IllegalArgumentException("emissions must be [B, T, " + tags + "] with B = " + lengths.length + ", got " + Arrays.toString(sh));
    }
    int t = (int) sh[1];
    Masks.checkLengths(lengths, t);
    double[] e = NativeArrays.toArray(emissions);
    Weights w = weights();
    int[][] out = new int[lengths.length][];
    for (int b = 0; b < lengths.length; b++) {
      out[b] = viterbi(e, b * t * tags, lengths[b], w);
    }
    return out;
  }

  /**
   * Viterbi under the sum of several CRFs' path scores (a product of the models' unnormalised
   * distributions; the decoding of an ensemble): the emissions and weights of all models are added,
   * then decoded as one CRF.
   *
   * @param crfs models over the same {@code K} tags (in the same order)
   * @param emissions per model, its {@code [B, T, K]} emission scores flattened row-major
   */
  static int[][] decodeSum(java.util.List<LinearChainCrf> crfs, java.util.List<double[]> emissions, int t, int[] lengths) {
    if (crfs.isEmpty() || crfs.size() != emissions.size()) {
      throw new IllegalArgumentException("need one emission array per CRF, got " + crfs.size() + " CRFs and " + emissions.size() + " arrays");
    }
    int k = crfs.get(0).tags;
    Masks.checkLengths(lengths, t);
    double[] e = new double[lengths.length * t * k];
    Weights sum = new Weights(new double[k * k], new double[k], new double[k]);
    for (int m = 0; m < crfs.size(); m++) {
      if (crfs.get(m).tags != k || emissions.get(m).length != e.length) {
        throw new IllegalArgumentException("model " + m + " has " + crfs.get(m).tags + " tags and " + emissions.get(m).length
            + " emission scores, expected " + k + " and " + e.length);
      }
      Weights w = crfs.get(m).weights();
      add(sum.a, w.a);
      add(sum.s, w.s);
      add(sum.e, w.e);
      add(e, emissions.get(m));
    }
    int[][] out = new int[lengths.length][];
    for (int b = 0; b < lengths.length; b++) {
      out[b] = viterbi(e, b * t * k, lengths[b], k, sum);
    }
    return out;
  }

  private static void add(double[] into, double[] x) {
    for (int i = 0; i < into.length; i++) {
      into[i] += x[i];
    }
  }

  private int[] viterbi(double[] e, int off, int len, Weights w) {
    return viterbi(e, off, len, tags, w);
  }

  private static int[] viterbi(double[] e, int off, int len, int k, Weights w) {
    double[] score = new double[k];
    int[] back = new int[len * k];
    for (int j = 0; j < k; j++) {
      score[j] = w.s[j] + e[off + j];
    }
    double[] next = new double[k];
    for (int s = 1; s < len; s++) {
      for (int j = 0; j < k; j++) {
        int best = 0;
        double bv = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
          double v = score[i] + w.a[i * k + j];
          if (v > bv) {
            bv = v;
            best = i;
          }
        }
        next[j] = bv + e[off + s * k + j];
        back[s * k + j] = best;
      }
      System.arraycopy(next, 0, score, 0, k);
    }
    int last = 0;
    for (int j = 1; j < k; j++) {
      if (score[j] + w.e[j] > score[last] + w.e[last]) {
        last = j;
      }
    }
    int[] path = new int[len];
    path[len - 1] = last;
    for (int s = len - 1; s > 0; s--) {
      path[s - 1] = back[s * k + path[s]];
    }
    return path;
  }

  /** The score {@code s(y)} of one path of sentence 0 of {@code emissions [1, T, K]} (for tests and diagnostics). */
  public double pathScore(INDArray emissions, int[] path) {
    double[] e = NativeArrays.toArray(emissions);
    Weights w = weights();
    double s = w.s[path[0]] + w.e[path[path.length - 1]];
    for (int t = 0; t < path.length; t++) {
      s += e[t * tags + path[t]] + (t > 0 ? w.a[path[t - 1] * tags + path[t]] : 0);
    }
    return s;
  }
}
