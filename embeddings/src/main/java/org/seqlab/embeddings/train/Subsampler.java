package org.seqlab.embeddings.train;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Frequent-word subsampling with word2vec's formula (Mikolov et al. 2013, as implemented in
 * {@code word2vec.c}): a word of count {@code c} among {@code N} corpus words is kept with probability
 *
 * <pre>  keep(c) = min(1, (sqrt(c / (t N)) + 1) * (t N) / c)</pre>
 *
 * where {@code t} is the sample threshold. {@code t = 0} keeps every word. Discarded words are removed
 * before windows are formed, so windows reach further past frequent words. Immutable.
 */
public final class Subsampler {
  private final float[] keep;

  private Subsampler(float[] keep) {
    this.keep = keep;
  }

  /**
   * @param counts corpus count of each vocabulary id; {@code N} is their sum
   * @param sample threshold {@code t} in [0, 1)
   */
  public static Subsampler of(long[] counts, double sample) {
    Objects.requireNonNull(counts, "counts");
    if (!(sample >= 0 && sample < 1)) {
      throw new IllegalArgumentException("sample must be in [0, 1), got " + sample);
    }
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] must be >= 0, got " + counts[i]);
      }
      total += counts[i];
    }
    float[] keep = new float[counts.length];
    double tn = sample * total;
    for (int i = 0; i < counts.length; i++) {
      keep[i] = sample == 0 || counts[i] == 0 ? 1f : (float) Math.min(1.0, keepProbability(counts[i], tn));
    }
    return new Subsampler(keep);
  }

  private static double keepProbability(long count, double tn) {
    return (Math.sqrt(count / tn) + 1) * tn / count;
  }

  /** The probability that an occurrence of {@code id} is kept. */
  public double keepProbability(int id) {
    return keep[id];
  }

  /** Expected number of kept words of a corpus with these counts. */
  public double expectedKept(long[] counts) {
    double s = 0;
    for (int i = 0; i < counts.length; i++) {
      s += counts[i] * (double) keep[i];
    }
    return s;
  }

  /** Whether to keep one occurrence of {@code id}. */
  public boolean keep(int id, SplittableRandom rng) {
    return rng.nextFloat() < keep[id];
  }

  /**
   * Copies the kept ids of {@code ids[from, to)} into {@code out} (from index 0).
   *
   * @return how many were kept
   */
  int filter(int[] ids, int from, int to, int[] out, FastRandom rng) {
    int n = 0;
    float[] k = keep;
    for (int i = from; i < to; i++) {
      int id = ids[i];
      float p = k[id];
      if (p >= 1f || rng.nextFloat() < p) {
        out[n++] = id;
      }
    }
    return n;
  }
}
