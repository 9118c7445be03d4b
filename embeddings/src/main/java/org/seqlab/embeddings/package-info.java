/**
 * Word embeddings: vectors, their file formats, their evaluation, nearest-neighbour search and
 * debiasing.
 *
 * <p>A {@link org.seqlab.embeddings.WordVectors} is an immutable vocabulary (most frequent word
 * first) with a {@code [N, D]} float matrix. Words are compared by cosine similarity,
 * {@code cos(u, v) = u . v / (|u| |v|)}, computed as a dot product of unit vectors. Analogies "a is
 * to b as c is to d" are answered by the vector offset method (Mikolov, Yih &amp; Zweig 2013,
 * "Linguistic Regularities in Continuous Space Word Representations"), 3CosAdd:
 *
 * <pre>  d* = argmax_{d not in {a, b, c}} cos(d, b) - cos(d, a) + cos(d, c)</pre>
 *
 * or by 3CosMul (Levy &amp; Goldberg 2014), which multiplies the shifted cosines {@code s = (cos+1)/2}
 * so that no single term dominates:
 *
 * <pre>  d* = argmax_d s(d, b) s(d, c) / (s(d, a) + 1e-3)</pre>
 *
 * <p>Subpackages: {@code train} and {@code glove} (skip-gram with negative sampling, GloVe),
 * {@code io} (word2vec text/binary and GloVe text formats), {@code eval} (analogy accuracy,
 * Spearman correlation with human similarity judgements), {@code index} (approximate nearest
 * neighbours with Lucene's HNSW graph), {@code plot} (PCA and t-SNE projections, scatter plots) and
 * {@code debias} (hard debiasing, Bolukbasi et al. 2016).
 */
package org.seqlab.embeddings;
