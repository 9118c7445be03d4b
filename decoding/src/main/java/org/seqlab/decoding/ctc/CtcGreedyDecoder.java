package org.seqlab.decoding.ctc;

import java.util.Arrays;

/**
 * Best-path decoding: the most probable class at every frame, then repeats merged and blanks dropped.
 * It returns the collapse of the single most probable alignment, which is not always the most
 * probable label sequence (that sums over alignments; see {@link CtcPrefixBeamSearch}).
 */
public final class CtcGreedyDecoder {
  private final int blank;

  /** @param blank the blank's class index, {@code >= 0} */
  public CtcGreedyDecoder(int blank) {
    if (blank < 0) {
      throw new IllegalArgumentException("blank must be >= 0, got " + blank);
    }
    this.blank = blank;
  }

  public int blank() {
    return blank;
  }

  /**
   * @param scores {@code [T][C]} per-frame scores (log-probabilities or logits: only the argmax
   *     matters; ties go to the lowest index)
   * @return the labels
   */
  public int[] decode(double[][] scores) {
    Frames.check(scores, blank);
    int[] best = new int[scores.length];
    for (int t = 0; t < scores.length; t++) {
      int arg = 0;
      for (int k = 1; k < scores[t].length; k++) {
        if (scores[t][k] > scores[t][arg]) {
          arg = k;
        }
      }
      best[t] = arg;
    }
    return collapse(best, blank);
  }

  /** Merges repeats not separated by a blank, then drops blanks: {@code a a ∅ a b b -> a a b}. */
  public static int[] collapse(int[] path, int blank) {
    int[] out = new int[path.length];
    int n = 0;
    int prev = -1;
    for (int p : path) {
      if (p != prev && p != blank) {
        out[n++] = p;
      }
      prev = p;
    }
    return Arrays.copyOf(out, n);
  }
}
