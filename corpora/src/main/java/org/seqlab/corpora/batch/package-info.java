/**
 * Batching for sequence models: padding, masks, lengths and length bucketing.
 *
 * <p>A batch of {@code B} sequences of lengths {@code l_b} is padded to {@code T = max_b l_b}. The
 * ids form {@code [B, T]}; the mask {@code m[b, t] = 1} if {@code t < l_b}, else 0. Losses are averaged
 * with the mask, so padding never contributes: {@code L = sum_{b,t} m[b,t] l(b,t) / sum_{b,t} m[b,t]}.
 * {@link org.seqlab.corpora.batch.Batcher} groups sequences of similar length (bucketing within
 * shuffled pools, as torchtext's {@code BucketIterator}). This cuts the padded positions, {@code
 * B*T - sum_b l_b}, and keeps batches in a random order. Every shuffle is seeded.
 */
package org.seqlab.corpora.batch;
