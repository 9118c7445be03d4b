package org.seqlab.embeddings.debias;

/** Two words, such as a definitional pair (female, male) or a pair to equalise. */
public record WordPair(String first, String second) {
  public WordPair {
    if (first == null || second == null || first.isEmpty() || second.isEmpty()) {
      throw new IllegalArgumentException("pair words must be non-empty, got (" + first + ", " + second + ")");
    }
  }
}
