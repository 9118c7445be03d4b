package org.seqlab.embeddings;

/**
 * How an analogy "a is to b as c is to ?" is answered (Levy &amp; Goldberg 2014, "Linguistic
 * Regularities in Sparse and Explicit Word Representations"). All cosines are between unit vectors;
 * the query words a, b, c are never answers.
 */
public enum AnalogyMethod {
  /**
   * 3CosAdd (Mikolov et al. 2013): {@code argmax_d cos(d, b) - cos(d, a) + cos(d, c)}, the same
   * ranking as gensim's {@code most_similar(positive=[b, c], negative=[a])}.
   */
  COS_ADD,
  /**
   * 3CosMul: {@code argmax_d s(d, b) * s(d, c) / (s(d, a) + eps)} with the shifted cosine {@code
   * s = (cos + 1) / 2} and {@code eps = }{@value #COS_MUL_EPSILON} as in the paper (gensim's {@code
   * most_similar_cosmul} uses 1e-6; the shifted cosines are near 0.5, so both give the same ranking
   * almost always).
   */
  COS_MUL;

  /** The 3CosMul denominator epsilon of Levy &amp; Goldberg (2014), section 6. */
  public static final double COS_MUL_EPSILON = 1e-3;

  /**
   * Combines the three cosines of a candidate d into its score.
   *
   * @param cosA cos(d, a), the negative word
   * @param cosB cos(d, b)
   * @param cosC cos(d, c)
   */
  public double score(double cosA, double cosB, double cosC) {
    if (this == COS_ADD) {
      return cosB - cosA + cosC;
    }
    return ((1 + cosB) / 2) * ((1 + cosC) / 2) / ((1 + cosA) / 2 + COS_MUL_EPSILON);
  }
}
