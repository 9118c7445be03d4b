package org.seqlab.decoding;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Draws one token from a step's logits with temperature, top-k and nucleus (top-p) filtering, in that
 * order:
 *
 * <pre>
 *   p_i = softmax(z / temperature)_i
 *   keep the k largest p_i (ties broken by the lower id), then the smallest prefix of the remaining
 *   tokens, by decreasing p, whose mass reaches topP; renormalise and draw u ~ U[0, 1)
 * </pre>
 *
 * <p>The sampler is model-agnostic and stateless: all randomness comes from the {@link
 * SplittableRandom} the caller passes, so a seed reproduces a sample. Temperature 0 is greedy
 * decoding (the lowest id among equal maxima).
 */
public final class Sampler {
  private final SamplerConfig config;

  public Sampler(SamplerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public SamplerConfig config() {
    return config;
  }

  /**
   * Samples one token id.
   *
   * @param logits unnormalised log-probabilities, one per token (finite or {@code -Infinity} for a
   *     forbidden token; at least one finite)
   * @param rng the random source, advanced by one draw (none when greedy)
   */
  public int sample(double[] logits, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    if (config.temperature() == 0) {
      return argmax(checked(logits));
    }
    double[] p = distribution(logits);
    double u = rng.nextDouble();
    double cum = 0;
    int last = -1;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        cum += p[i];
        last = i;
        if (u < cum) {
          return i;
        }
      }
    }
    return last; // rounding left u >= cum: the last kept token
  }

  /**
   * Samples one token per row.
   *
   * @param logits {@code [B, V]} (or {@code [V]} for one row)
   * @return {@code B} token ids
   */
  public int[] sample(INDArray logits, SplittableRandom rng) {
    INDArray rows = logits.rank() == 1 ? logits.reshape(1, logits.length()) : logits;
    if (rows.rank() != 2) {
      throw new IllegalArgumentException(
          "logits must be [B, V] or [V], got " + Arrays.toString(logits.shape()));
    }
    int[] out = new int[(int) rows.size(0)];
    for (int b = 0; b < out.length; b++) {
      out[b] = sample(rows.getRow(b).toDoubleVector(), rng);
    }
    return out;
  }

  /**
   * The distribution that {@link #sample(double[], SplittableRandom)} draws from: filtered tokens have
   * probability 0, the rest sum to 1. With temperature 0 it is the one-hot of the argmax.
   */
  public double[] distribution(double[] logits) {
    checked(logits);
    int v = logits.length;
    double[] p = new double[v];
    if (config.temperature() == 0) {
      p[argmax(logits)] = 1;
      return p;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int i = 0; i < v; i++) {
      p[i] = Math.exp((logits[i] - max) / config.temperature());
      sum += p[i];
    }
    for (int i = 0; i < v; i++) {
      p[i] /= sum;
    }
    boolean filterK = config.topK() > 0 && config.topK() < v;
    if (filterK || config.topP() < 1) {
      filter(p);
    }
    return p;
  }

  /** Zeroes the tokens outside top-k and the nucleus, then renormalises. */
  private void filter(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
    int keep = config.topK() > 0 ? Math.min(config.topK(), p.length) : p.length;
    if (config.topP() < 1) {
      double kept = 0;
      for (int r = 0; r < keep; r++) {
        kept += p[order[r]];
      }
      double cum = 0;
      for (int r = 0; r < keep; r++) {
        cum += p[order[r]] / kept; // the nucleus is taken within the top-k renormalised mass
        if (cum >= config.topP() - 1e-12) { // tolerance: a mass of exactly topP is reached
          keep = r + 1;
          break;
        }
      }
    }
    double sum = 0;
    for (int r = 0; r < p.length; r++) {
      if (r < keep) {
        sum += p[order[r]];
      } else {
        p[order[r]] = 0;
      }
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
  }

  private static double[] checked(double[] logits) {
    Objects.requireNonNull(logits, "logits");
    if (logits.length == 0) {
      throw new IllegalArgumentException("logits must not be empty");
    }
    boolean finite = false;
    for (int i = 0; i < logits.length; i++) {
      double z = logits[i];
      if (Double.isNaN(z) || z == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("logits[" + i + "] is " + z + "; expected finite or -Infinity");
      }
      finite |= z != Double.NEGATIVE_INFINITY;
    }
    if (!finite) {
      throw new IllegalArgumentException("all " + logits.length + " logits are -Infinity; nothing to sample");
    }
    return logits;
  }

  private static int argmax(double[] z) {
    int best = 0;
    for (int i = 1; i < z.length; i++) {
      if (z[i] > z[best]) {
        best = i;
      }
    }
    return best;
  }
}
