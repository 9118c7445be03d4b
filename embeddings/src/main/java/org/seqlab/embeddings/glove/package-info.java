/**
 * GloVe: global vectors for word representation (Pennington, Socher, Manning, EMNLP 2014).
 *
 * <p>From the co-occurrence matrix {@code X} ({@link org.seqlab.embeddings.glove.CooccurrenceCounts}:
 * symmetric window, a pair at distance {@code d} adds {@code 1/d}) GloVe fits word vectors {@code w},
 * context vectors {@code w~} and biases by weighted least squares,
 *
 * <pre>  J = sum_{i,j: X_ij > 0} f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2,
 *  f(x) = min(1, (x / x_max)^alpha)   (x_max = 10 or 100, alpha = 3/4)</pre>
 *
 * minimised by AdaGrad (initial rate 0.05) over the shuffled non-zero records with lock-free worker
 * threads ({@link org.seqlab.embeddings.glove.GloveTrainer}); the vectors kept are {@code w + w~}.
 * Counting works within a memory budget: a dense triangle for frequent pairs, a hash table for the
 * rest, sorted runs spilled to disk and k-way merged, as in Stanford's {@code cooccur}.
 */
package org.seqlab.embeddings.glove;
