/**
 * Intrinsic evaluation of word vectors, with the counting rules of gensim so numbers compare.
 *
 * <p>{@link org.seqlab.embeddings.eval.AnalogyEval}: the Google analogy set (Mikolov et al. 2013,
 * "Efficient Estimation of Word Representations in Vector Space"), 19,544 questions "a : b :: c :
 * d" in 5 semantic and 9 syntactic sections. A question counts as correct when
 * {@code argmax_{x not in {a,b,c}} cos(x, b) - cos(x, a) + cos(x, c) = d} (3CosAdd; or 3CosMul, Levy
 * &amp; Goldberg 2014) over the 30,000 most frequent words; questions with a word outside them are
 * skipped. Accuracy is reported per section, for the semantic and syntactic halves and in total.
 *
 * <p>{@link org.seqlab.embeddings.eval.SimilarityEval}: WordSim353 (Finkelstein et al. 2002,
 * relatedness) and SimLex-999 (Hill et al. 2015, genuine similarity). The score is Spearman's rank
 * correlation {@code rho = cov(rank(h), rank(c)) / (sd(rank(h)) sd(rank(c)))} between the human
 * scores h and the cosines c, tied values sharing their average rank.
 */
package org.seqlab.embeddings.eval;
