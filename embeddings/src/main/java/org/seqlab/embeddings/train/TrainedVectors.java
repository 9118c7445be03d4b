package org.seqlab.embeddings.train;

import java.util.Arrays;
import java.util.Objects;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.embeddings.WordVectors;

/**
 * The result of a trainer: one vector per vocabulary word (row {@code id} of a row-major {@code [V, D]}
 * matrix, words in vocabulary order, most frequent first) and the signature of the configuration that
 * produced them. Optimiser state (SGNS output vectors, GloVe's AdaGrad sums) is not kept. Immutable.
 */
public final class TrainedVectors {
  private final Vocabulary vocabulary;
  private final int dim;
  private final float[] matrix; // [V, D]
  private final String signature;

  /**
   * @param matrix row-major {@code [vocabulary.size(), dim]}, copied
   * @throws IllegalArgumentException if the length is not {@code size * dim}
   */
  public TrainedVectors(Vocabulary vocabulary, int dim, float[] matrix, String signature) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.signature = Objects.requireNonNull(signature, "signature");
    if (dim < 1 || (long) vocabulary.size() * dim != matrix.length) {
      throw new IllegalArgumentException("matrix must have length vocabulary.size() * dim = "
          + vocabulary.size() + " * " + dim + ", got " + matrix.length);
    }
    this.dim = dim;
    this.matrix = matrix.clone();
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public int size() {
    return vocabulary.size();
  }

  public int dim() {
    return dim;
  }

  public String signature() {
    return signature;
  }

  /** A copy of the vector of word {@code id}. */
  public float[] vector(int id) {
    if (id < 0 || id >= size()) {
      throw new IllegalArgumentException("id must be in [0, " + size() + "), got " + id);
    }
    return Arrays.copyOfRange(matrix, id * dim, (id + 1) * dim);
  }

  /** A copy of the {@code [V, D]} row-major matrix. */
  public float[] matrix() {
    return matrix.clone();
  }

  /** The vectors as {@link WordVectors} (same word order: most frequent first). */
  public WordVectors toWordVectors() {
    return WordVectors.of(vocabulary.tokens(), matrix, dim);
  }

  /** Cosine similarity of two words by id. */
  public double cosine(int a, int b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < dim; d++) {
      double x = matrix[a * dim + d];
      double y = matrix[b * dim + d];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** Whether the two results hold bit-for-bit identical vectors for the same words. */
  public boolean sameVectors(TrainedVectors other) {
    return dim == other.dim
        && vocabulary.tokens().equals(other.vocabulary.tokens())
        && Arrays.equals(matrix, other.matrix);
  }
}
