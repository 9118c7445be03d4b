package org.seqlab.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Levenshtein (1966) distance with unit costs, and its decomposition into substitutions, deletions
 * and insertions along one optimal alignment.
 *
 * <p>{@code d[i][j] = min(d[i-1][j-1] + [r_i != h_j], d[i-1][j] + 1, d[i][j-1] + 1)} with {@code
 * d[i][0] = i}, {@code d[0][j] = j}. Each cell also carries the operation counts of the path it
 * came from (ties prefer the diagonal, then deletion, then insertion), so only two rows are kept:
 * O(|h|) memory, O(|r| |h|) time.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * Edit operations turning {@code reference} into {@code hypothesis}.
   *
   * @param substitutions reference tokens replaced
   * @param deletions reference tokens missing from the hypothesis
   * @param insertions extra hypothesis tokens
   */
  public record Alignment(int substitutions, int deletions, int insertions) {
    public int distance() {
      return substitutions + deletions + insertions;
    }
  }

  /** The edit distance between two token sequences. */
  public static <T> int distance(List<T> reference, List<T> hypothesis) {
    return align(reference, hypothesis).distance();
  }

  /** The edit distance between the code points of two strings. */
  public static int distance(String reference, String hypothesis) {
    return align(reference, hypothesis).distance();
  }

  /** An optimal alignment of the code points of two strings. */
  public static Alignment align(String reference, String hypothesis) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(hypothesis, "hypothesis");
    int[] r = reference.codePoints().toArray();
    int[] h = hypothesis.codePoints().toArray();
    return align(r.length, h.length, (i, j) -> r[i] == h[j]);
  }

  /** An optimal alignment's operation counts. */
  public static <T> Alignment align(List<T> reference, List<T> hypothesis) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(hypothesis, "hypothesis");
    Object[] r = reference.toArray();
    Object[] h = hypothesis.toArray();
    return align(r.length, h.length, (i, j) -> Objects.equals(r[i], h[j]));
  }

  private interface Same {
    boolean test(int i, int j);
  }

  private static Alignment align(int n, int m, Same same) {
    // per cell: distance, substitutions, deletions (insertions = distance - subs - dels)
    int[] dist = new int[m + 1];
    int[] subs = new int[m + 1];
    int[] dels = new int[m + 1];
    int[] nDist = new int[m + 1];
    int[] nSubs = new int[m + 1];
    int[] nDels = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      dist[j] = j; // j insertions
    }
    for (int i = 1; i <= n; i++) {
      nDist[0] = i;
      nSubs[0] = 0;
      nDels[0] = i;
      for (int j = 1; j <= m; j++) {
        boolean eq = same.test(i - 1, j - 1);
        int diag = dist[j - 1] + (eq ? 0 : 1);
        int del = dist[j] + 1;
        int ins = nDist[j - 1] + 1;
        if (diag <= del && diag <= ins) {
          nDist[j] = diag;
          nSubs[j] = subs[j - 1] + (eq ? 0 : 1);
          nDels[j] = dels[j - 1];
        } else if (del <= ins) {
          nDist[j] = del;
          nSubs[j] = subs[j];
          nDels[j] = dels[j] + 1;
        } else {
          nDist[j] = ins;
          nSubs[j] = nSubs[j - 1];
          nDels[j] = nDels[j - 1];
        }
      }
      int[] t = dist;
      dist = nDist;
      nDist = t;
      t = subs;
      subs = nSubs;
      nSubs = t;
      t = dels;
      dels = nDels;
      nDels = t;
    }
    return new Alignment(subs[m], dels[m], dist[m] - subs[m] - dels[m]);
  }
}
