package org.seqlab.embeddings;

/**
 * A word and its score against a query: the cosine similarity for {@link WordVectors#nearest} and
 * 3CosAdd, the shifted cosine product for 3CosMul ({@link AnalogyMethod}).
 *
 * @param word the vocabulary word
 * @param similarity its score; higher is closer
 */
public record Neighbor(String word, double similarity) {
  public Neighbor {
    if (word == null) {
      throw new IllegalArgumentException("word must not be null");
    }
  }
}
