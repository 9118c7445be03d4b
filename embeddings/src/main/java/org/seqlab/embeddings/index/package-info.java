/**
 * Approximate nearest-neighbour search over word vectors with Apache Lucene's HNSW graphs
 * (Malkov &amp; Yashunin 2018, "Efficient and robust approximate nearest neighbor search using
 * Hierarchical Navigable Small World graphs").
 *
 * <p>HNSW keeps a layered proximity graph: every vector is inserted at a random top layer (with
 * probability decaying as {@code exp(-l / ln M)}) and linked to its M nearest already-inserted
 * neighbours found by a beam search of width efConstruction. A query descends greedily from the top
 * layer and runs a beam search of width efSearch on the bottom layer, visiting {@code O(log N)}
 * nodes instead of N. The exact answer ({@link org.seqlab.embeddings.WordVectors#nearest}) is the
 * reference; {@code recall@k = |approx top-k ∩ exact top-k| / k} measures the loss.
 */
package org.seqlab.embeddings.index;
