package org.seqlab.embeddings.debias;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.seqlab.embeddings.WordVectors;

/**
 * Direct bias (Bolukbasi et al. 2016, section 4.1): {@code DirectBias_c = (1/|N|) sum_{w in N}
 * |cos(w, g)|^c} over a set N of gender-neutral words, with strictness c (c = 1 in the paper's
 * tables); 0 when every word is orthogonal to g.
 *
 * @param c the strictness exponent
 * @param value the direct bias
 * @param words the words of N found in the vocabulary
 * @param missing words of N not in the vocabulary
 */
public record DirectBias(double c, double value, int words, int missing) {
  /** A word's projection on g before and after debiasing. */
  public record Shift(String word, double before, double after) {}

  /**
   * Computes DirectBias_c of the words of {@code neutral} present in {@code v}.
   *
   * @throws IllegalArgumentException if c &lt;= 0 or no word is in the vocabulary
   */
  public static DirectBias of(WordVectors v, BiasSubspace b, Collection<String> neutral, double c) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("c must be > 0, got " + c);
    }
    double sum = 0;
    int found = 0;
    for (String w : neutral) {
      if (v.contains(w)) {
        sum += Math.pow(Math.abs(b.projection(v, w)), c);
        found++;
      }
    }
    if (found == 0) {
      throw new IllegalArgumentException("none of the " + neutral.size() + " words is in the vocabulary");
    }
    return new DirectBias(c, sum / found, found, neutral.size() - found);
  }

  /**
   * The projections on g of the words present in both tables, before and after, sorted by the
   * projection before (most "she" first). The same direction g is used for both.
   */
  public static List<Shift> shifts(WordVectors before, WordVectors after, BiasSubspace b, Collection<String> words) {
    List<Shift> out = new ArrayList<>();
    for (String w : words) {
      if (before.contains(w) && after.contains(w)) {
        out.add(new Shift(w, b.projection(before, w), b.projection(after, w)));
      }
    }
    out.sort(Comparator.comparingDouble(Shift::before).reversed().thenComparing(Shift::word));
    return out;
  }
}
