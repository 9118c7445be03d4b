package org.seqlab.embeddings;

import java.util.Arrays;

/**
 * The k highest-scoring indices of a stream of (index, score) offers, kept in a bounded min-heap of
 * primitives. Ties go to the smaller index (the more frequent word, in vocabulary order), so results
 * are deterministic. NaN scores are never kept.
 */
public final class TopK {
  private final int k;
  private final int[] idx;
  private final float[] score;
  private int size;

  /** @param k how many to keep, {@code >= 1} */
  public TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.idx = new int[k];
    this.score = new float[k];
  }

  /** The capacity k. */
  public int capacity() {
    return k;
  }

  /** The number of entries kept so far (at most k). */
  public int size() {
    return size;
  }

  /** Empties the heap for reuse. */
  public void clear() {
    size = 0;
  }

  /** The lowest score kept once full, else negative infinity: offers at or below it can be skipped. */
  public float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : score[0];
  }

  /** Offers index i with score s. */
  public void offer(int i, float s) {
    if (!(s == s)) {
      return;
    }
    if (size < k) {
      idx[size] = i;
      score[size] = s;
      siftUp(size++);
    } else if (worse(0, i, s)) {
      idx[0] = i;
      score[0] = s;
      siftDown(0);
    }
  }

  /** Offers every element of {@code scores[0..n)} with its position as the index. */
  public void offerAll(float[] scores, int n) {
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      if (s > threshold() || size < k) {
        offer(i, s);
      }
    }
  }

  /** The kept indices, best first (score descending, then index ascending). */
  public int[] indices() {
    Integer[] order = order();
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = idx[order[i]];
    }
    return out;
  }

  /** The kept scores in the order of {@link #indices()}. */
  public float[] scores() {
    Integer[] order = order();
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = score[order[i]];
    }
    return out;
  }

  private Integer[] order() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, this::better);
    return order;
  }

  private int better(int a, int b) {
    int c = Float.compare(score[b], score[a]);
    return c != 0 ? c : Integer.compare(idx[a], idx[b]);
  }

  /** True if the heap slot h ranks below the candidate (i, s). */
  private boolean worse(int h, int i, float s) {
    return score[h] < s || (score[h] == s && idx[h] > i);
  }

  /** Min-heap order: the root is the worst entry. */
  private boolean lower(int a, int b) {
    return score[a] < score[b] || (score[a] == score[b] && idx[a] > idx[b]);
  }

  private void siftUp(int c) {
    while (c > 0) {
      int p = (c - 1) >>> 1;
      if (!lower(c, p)) {
        return;
      }
      swap(c, p);
      c = p;
    }
  }

  private void siftDown(int p) {
    while (true) {
      int l = 2 * p + 1;
      if (l >= size) {
        return;
      }
      int m = l + 1 < size && lower(l + 1, l) ? l + 1 : l;
      if (!lower(m, p)) {
        return;
      }
      swap(m, p);
      p = m;
    }
  }

  private void swap(int a, int b) {
    int ti = idx[a];
    idx[a] = idx[b];
    idx[b] = ti;
    float ts = score[a];
    score[a] = score[b];
    score[b] = ts;
  }
}
