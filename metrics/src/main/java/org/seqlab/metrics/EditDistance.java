package org.seqlab.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Levenshtein distance with unit costs, and its decomposition into substitutions, deletions and
 * insertions (one optimal alignment; ties prefer substitution, then deletion, then insertion).
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
    return distance(codePoints(reference), codePoints(hypothesis));
  }

  /** An optimal alignment's operation counts. */
  public static <T> Alignment align(List<T> ref, List<T> hyp) {
    Objects.requireNonNull(ref, "reference");
    Objects.requireNonNull(hyp, "hypothesis");
    int n = ref.size();
    int m = hyp.size();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int sub = d[i - 1][j - 1] + (Objects.equals(ref.get(i - 1), hyp.get(j - 1)) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    int s = 0;
    int del = 0;
    int ins = 0;
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        boolean same = Objects.equals(ref.get(i - 1), hyp.get(j - 1));
        if (d[i][j] == d[i - 1][j - 1] + (same ? 0 : 1)) {
          if (!same) {
            s++;
          }
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        del++;
        i--;
      } else {
        ins++;
        j--;
      }
    }
    return new Alignment(s, del, ins);
  }

  static List<Integer> codePoints(String s) {
    return s.codePoints().boxed().toList();
  }
}
