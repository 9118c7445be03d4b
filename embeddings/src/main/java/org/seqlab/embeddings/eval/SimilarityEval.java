package org.seqlab.embeddings.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.seqlab.embeddings.WordVectors;

/**
 * Word-similarity evaluation with gensim's {@code evaluate_word_pairs} semantics: words are
 * compared case-insensitively within the {@code restrictTopN} most frequent words (the most frequent
 * of several case variants stands for them), pairs with a word outside are skipped and counted, and
 * the model's cosine similarities are correlated with the human scores by Spearman's rho.
 */
public final class SimilarityEval {
  /** The version of the evaluation protocol, part of the signature. */
  public static final int VERSION = 1;

  /** gensim's default vocabulary restriction for word-pair evaluation. */
  public static final int DEFAULT_RESTRICT = 300_000;

  private SimilarityEval() {}

  /** Reads a pair file and evaluates it; see {@link #evaluate(WordVectors, WordPairs, int)}. */
  public static SimilarityResult spearman(WordVectors v, Path wordSimFile, int restrictTopN) throws IOException {
    return evaluate(v, WordPairs.read(wordSimFile), restrictTopN);
  }

  /**
   * Correlates cosine similarities with human judgements.
   *
   * @param restrictTopN how many of the most frequent words take part, {@code >= 1}
   * @throws IllegalArgumentException if fewer than 2 pairs are in the vocabulary
   */
  public static SimilarityResult evaluate(WordVectors v, WordPairs pairs, int restrictTopN) {
    if (restrictTopN < 1) {
      throw new IllegalArgumentException("restrictTopN must be >= 1, got " + restrictTopN);
    }
    int n = Math.min(restrictTopN, v.size());
    Map<String, String> ok = new HashMap<>(2 * n);
    for (int i = n - 1; i >= 0; i--) {
      ok.put(AnalogyEval.fold(v.word(i)), v.word(i));
    }
    double[] gold = new double[pairs.pairs().size()];
    double[] model = new double[gold.length];
    int used = 0;
    for (WordPairs.Pair p : pairs.pairs()) {
      String a = ok.get(AnalogyEval.fold(p.a()));
      String b = ok.get(AnalogyEval.fold(p.b()));
      if (a != null && b != null) {
        gold[used] = p.score();
        model[used] = v.similarity(a, b);
        used++;
      }
    }
    if (used < 2) {
      throw new IllegalArgumentException(
          "only " + used + " of " + pairs.pairs().size() + " pairs have both words in the top " + n
              + " words; need at least 2 for a correlation");
    }
    double[] g = java.util.Arrays.copyOf(gold, used);
    double[] m = java.util.Arrays.copyOf(model, used);
    return new SimilarityResult(
        Correlation.spearman(g, m), Correlation.pearson(g, m), used, pairs.pairs().size() - used,
        pairs.invalidLines(), signature(restrictTopN));
  }

  /** The signature of an evaluation, e.g. {@code wordsim|restrict:300000|case:fold|v:1}. */
  public static String signature(int restrictTopN) {
    return "wordsim|restrict:" + restrictTopN + "|case:fold|v:" + VERSION;
  }
}
