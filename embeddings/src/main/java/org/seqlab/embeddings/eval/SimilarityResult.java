package org.seqlab.embeddings.eval;

import java.util.Locale;

/**
 * Correlation between cosine similarities and human similarity judgements.
 *
 * @param spearman Spearman's rho (average ranks for ties)
 * @param pearson Pearson's r
 * @param used pairs with both words in the (restricted) vocabulary
 * @param oov pairs skipped because a word is out of vocabulary
 * @param invalidLines malformed lines skipped
 * @param signature how the score was computed, e.g. {@code wordsim|restrict:300000|case:fold|v:1}
 */
public record SimilarityResult(double spearman, double pearson, int used, int oov, int invalidLines, String signature) {
  /** Skipped pairs as a fraction of all pairs (gensim's OOV ratio). */
  public double oovRatio() {
    return used + oov == 0 ? Double.NaN : (double) oov / (used + oov);
  }

  /** {@code "spearman 0.6612, pearson 0.6401 (340 pairs, 13 oov)"}. */
  public String format() {
    return String.format(
        Locale.ROOT, "spearman %.4f, pearson %.4f (%d pairs, %d oov)", spearman, pearson, used, oov);
  }
}
