package org.seqlab.embeddings.train;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws noise words from the smoothed unigram distribution {@code P(w) = c(w)^p / sum c^p} (word2vec
 * uses {@code p = 0.75}) by Walker's alias method (Vose's construction): one 64-bit random number
 * and one table lookup per draw, exact probabilities, and {@code 8 * V} bytes instead of word2vec's
 * 10<sup>8</sup>-entry table.
 *
 * <p>Each table entry packs the acceptance threshold (high 32 bits, a probability in units of
 * 2<sup>-32</sup>) and the alias id (low 32 bits), so a draw touches one cache line. Immutable and
 * thread-safe.
 */
public final class NegativeSampler {
  private final long[] table;
  private final double[] probabilities;

  private NegativeSampler(long[] table, double[] probabilities) {
    this.table = table;
    this.probabilities = probabilities;
  }

  /**
   * The distribution {@code counts[i]^power}, normalised.
   *
   * @throws IllegalArgumentException if {@code counts} is empty, has a negative entry or sums to 0, or
   *     {@code power} is not in [0, 2]
   */
  public static NegativeSampler unigram(long[] counts, double power) {
    Objects.requireNonNull(counts, "counts");
    if (counts.length == 0) {
      throw new IllegalArgumentException("counts must be non-empty, got length 0");
    }
    if (!(power >= 0 && power <= 2)) {
      throw new IllegalArgumentException("power must be in [0, 2], got " + power);
    }
    int n = counts.length;
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] must be >= 0, got " + counts[i]);
      }
      p[i] = counts[i] == 0 ? 0 : Math.pow(counts[i], power);
      sum += p[i];
    }
    if (sum == 0) {
      throw new IllegalArgumentException("counts must not all be 0");
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return new NegativeSampler(buildAlias(p), p);
  }

  /** Vose's alias construction over scaled probabilities {@code n * p[i]}. */
  private static long[] buildAlias(double[] p) {
    int n = p.length;
    double[] scaled = new double[n];
    ArrayDeque<Integer> small = new ArrayDeque<>();
    ArrayDeque<Integer> large = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      scaled[i] = p[i] * n;
      (scaled[i] < 1.0 ? small : large).add(i);
    }
    long[] table = new long[n];
    while (!small.isEmpty() && !large.isEmpty()) {
      int s = small.poll();
      int l = large.peek();
      table[s] = pack(scaled[s], l);
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small.add(large.poll());
      }
    }
    // what is left has probability 1 up to rounding
    for (Integer i : large) {
      table[i] = pack(1.0, i);
    }
    for (Integer i : small) {
      table[i] = pack(1.0, i);
    }
    return table;
  }

  private static long pack(double accept, int alias) {
    long threshold = accept >= 1.0 ? 0xFFFFFFFFL : (long) Math.floor(accept * 4294967296.0);
    return (threshold << 32) | (alias & 0xFFFFFFFFL);
  }

  /** Vocabulary size. */
  public int size() {
    return table.length;
  }

  /** The exact probability of drawing {@code id}. */
  public double probability(int id) {
    return probabilities[id];
  }

  /** One draw using {@code rng}. */
  public int sample(SplittableRandom rng) {
    return sample(rng.nextLong());
  }

  /** One draw from 64 uniformly random bits: the high half picks a column, the low half accepts. */
  int sample(long bits) {
    int i = (int) (((bits >>> 32) * table.length) >>> 32);
    long e = table[i];
    return (bits & 0xFFFFFFFFL) < (e >>> 32) ? i : (int) e;
  }
}
