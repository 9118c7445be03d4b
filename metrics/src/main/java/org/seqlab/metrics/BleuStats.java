package org.seqlab.metrics;

import java.util.Arrays;

/**
 * BLEU's sufficient statistics: per-order matched and total hypothesis n-grams plus hypothesis and
 * (closest) reference lengths. Corpus BLEU is computed from the sum of the segments' statistics,
 * never from averaged sentence scores.
 *
 * @param correct clipped n-gram matches per order (index 0 = unigrams)
 * @param total hypothesis n-grams per order
 * @param sysLen hypothesis length in tokens
 * @param refLen closest reference length in tokens
 */
public record BleuStats(long[] correct, long[] total, long sysLen, long refLen) {
  public BleuStats {
    if (correct.length != total.length || correct.length == 0) {
      throw new IllegalArgumentException(
          "correct and total must have the same non-zero length, got "
              + correct.length
              + " and "
              + total.length);
    }
    correct = correct.clone();
    total = total.clone();
  }

  /** Empty statistics for {@code maxOrder} n-gram orders. */
  public static BleuStats zero(int maxOrder) {
    return new BleuStats(new long[maxOrder], new long[maxOrder], 0, 0);
  }

  public int maxOrder() {
    return correct.length;
  }

  @Override
  public long[] correct() {
    return correct.clone();
  }

  @Override
  public long[] total() {
    return total.clone();
  }

  /** Element-wise sum. */
  public BleuStats plus(BleuStats o) {
    if (o.maxOrder() != maxOrder()) {
      throw new IllegalArgumentException(
          "cannot add statistics of max order " + o.maxOrder() + " to " + maxOrder());
    }
    long[] c = new long[maxOrder()];
    long[] t = new long[maxOrder()];
    for (int i = 0; i < c.length; i++) {
      c[i] = correct[i] + o.correct[i];
      t[i] = total[i] + o.total[i];
    }
    return new BleuStats(c, t, sysLen + o.sysLen, refLen + o.refLen);
  }

  long correctAt(int i) {
    return correct[i];
  }

  long totalAt(int i) {
    return total[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BleuStats s
        && Arrays.equals(correct, s.correct)
        && Arrays.equals(total, s.total)
        && sysLen == s.sysLen
        && refLen == s.refLen;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(correct) + Arrays.hashCode(total)) + Long.hashCode(sysLen * 31 + refLen);
  }

  @Override
  public String toString() {
    return "BleuStats[correct="
        + Arrays.toString(correct)
        + ", total="
        + Arrays.toString(total)
        + ", sysLen="
        + sysLen
        + ", refLen="
        + refLen
        + "]";
  }
}
