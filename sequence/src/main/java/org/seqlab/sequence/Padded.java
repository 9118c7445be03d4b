package org.seqlab.sequence;

import java.util.List;
import java.util.function.Function;

/**
 * A right-padded batch of variable-length id sequences.
 *
 * @param ids {@code [B][T]} ids, 0 at padded steps
 * @param lengths valid steps per row, each {@code >= 1}
 */
record Padded(int[][] ids, int[] lengths) {
  /** Pads {@code items[order[from..to)]}, taking each item's ids with {@code tokens}. */
  static <X> Padded of(List<X> items, int[] order, int from, int to, Function<X, int[]> tokens) {
    int b = to - from;
    int t = 0;
    int[] lengths = new int[b];
    for (int i = 0; i < b; i++) {
      lengths[i] = tokens.apply(items.get(order[from + i])).length;
      if (lengths[i] == 0) {
        throw new IllegalArgumentException("sequence " + order[from + i] + " is empty; every sequence needs a token");
      }
      t = Math.max(t, lengths[i]);
    }
    int[][] ids = new int[b][t];
    for (int i = 0; i < b; i++) {
      int[] src = tokens.apply(items.get(order[from + i]));
      System.arraycopy(src, 0, ids[i], 0, src.length);
    }
    return new Padded(ids, lengths);
  }

  /** A shuffled index order from a seeded Fisher-Yates pass. */
  static int[] shuffled(int n, java.util.SplittableRandom rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  /** {@code 0..n-1}. */
  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
