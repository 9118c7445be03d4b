package org.seqlab.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An immutable table of word vectors: a vocabulary in frequency order (most frequent first, as
 * trainers and the word2vec formats store it) and a row-major {@code [N, D]} float matrix.
 *
 * <p>A unit-normalised copy of the matrix is computed at construction, so cosine similarity is a
 * dot product; nearest neighbours are found by brute force over it (exact, about 10 ms for 70k
 * words of dimension 100). Because of the frequency order, {@link #restrictTo(int) restrictTo(n)}
 * keeps the n most frequent words, like gensim's {@code restrict_vocab}.
 */
public final class WordVectors {
  private final List<String> words;
  private final Map<String, Integer> index;
  private final int dim;
  private final float[] matrix; // [N, D]
  private final float[] unit; // [N, D], rows of unit length (zero rows stay zero)

  private WordVectors(List<String> words, Map<String, Integer> index, float[] matrix, int dim) {
    this.words = words;
    this.index = index;
    this.matrix = matrix;
    this.dim = dim;
    this.unit = matrix.clone();
    float[] row = new float[dim];
    for (int i = 0; i < words.size(); i++) {
      System.arraycopy(unit, i * dim, row, 0, dim);
      Cosines.normalize(row);
      System.arraycopy(row, 0, unit, i * dim, dim);
    }
  }

  /**
   * Word vectors from a vocabulary and its matrix; both are copied.
   *
   * @param words distinct, non-empty words, most frequent first
   * @param matrix row-major {@code [words.size(), dim]}, finite values
   * @param dim the vector dimension, {@code >= 1}
   * @throws IllegalArgumentException on a duplicate or empty word, a length mismatch or a non-finite value
   */
  public static WordVectors of(List<String> words, float[] matrix, int dim) {
    if (words == null || matrix == null) {
      throw new IllegalArgumentException("words and matrix must not be null");
    }
    if (dim < 1) {
      throw new IllegalArgumentException("dim must be >= 1, got " + dim);
    }
    if ((long) words.size() * dim != matrix.length) {
      throw new IllegalArgumentException(
          "matrix.length must be words.size() * dim = " + words.size() + " * " + dim + " = "
              + (long) words.size() * dim + ", got " + matrix.length);
    }
    Map<String, Integer> index = new HashMap<>(words.size() * 2);
    List<String> copy = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w == null || w.isEmpty()) {
        throw new IllegalArgumentException("words[" + i + "] must be a non-empty string, got " + (w == null ? "null" : "\"\""));
      }
      Integer prev = index.putIfAbsent(w, i);
      if (prev != null) {
        throw new IllegalArgumentException("duplicate word \"" + w + "\" at positions " + prev + " and " + i);
      }
      copy.add(w);
    }
    for (int k = 0; k < matrix.length; k++) {
      if (!Float.isFinite(matrix[k])) {
        throw new IllegalArgumentException(
            "matrix values must be finite, got " + matrix[k] + " for word \"" + words.get(k / dim) + "\" component " + k % dim);
      }
    }
    return new WordVectors(Collections.unmodifiableList(copy), index, matrix.clone(), dim);
  }

  /** The number of words N. */
  public int size() {
    return words.size();
  }

  /** The vector dimension D. */
  public int dim() {
    return dim;
  }

  /** The word at row i (0 is the most frequent). */
  public String word(int i) {
    checkIndex(i);
    return words.get(i);
  }

  /** The vocabulary, most frequent first (unmodifiable). */
  public List<String> words() {
    return words;
  }

  /** The row of a word, if present. */
  public OptionalInt indexOf(String w) {
    Integer i = index.get(w);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** True if the word has a vector. */
  public boolean contains(String w) {
    return index.containsKey(w);
  }

  /** A copy of a word's raw vector ({@code [D]}); IAE naming the word when it is unknown. */
  public float[] vector(String w) {
    return vector(require(w));
  }

  /** A copy of row i of the raw matrix ({@code [D]}). */
  public float[] vector(int i) {
    checkIndex(i);
    return Arrays.copyOfRange(matrix, i * dim, (i + 1) * dim);
  }

  /** A copy of row i scaled to unit length ({@code [D]}; a zero vector stays zero). */
  public float[] unitVector(int i) {
    checkIndex(i);
    return Arrays.copyOfRange(unit, i * dim, (i + 1) * dim);
  }

  /** A copy of the raw matrix, row-major {@code [N, D]}. */
  public float[] matrix() {
    return matrix.clone();
  }

  /** The Euclidean norm of row i of the raw matrix. */
  public double norm(int i) {
    checkIndex(i);
    double ss = 0;
    for (int d = 0; d < dim; d++) {
      double x = matrix[i * dim + d];
      ss += x * x;
    }
    return Math.sqrt(ss);
  }

  /** The cosine similarity of two words (0 if either vector is zero); IAE naming an unknown word. */
  public double similarity(String a, String b) {
    int ia = require(a);
    int ib = require(b);
    return Cosines.dot(unit, ia, dim, Arrays.copyOfRange(unit, ib * dim, (ib + 1) * dim));
  }

  /** The k words most similar to w by cosine, w itself excluded, best first. */
  public List<Neighbor> nearest(String w, int k) {
    checkK(k);
    int i = require(w);
    return nearest(Arrays.copyOfRange(unit, i * dim, (i + 1) * dim), k, Set.of(w));
  }

  /**
   * The k words whose vectors have the highest cosine with {@code v}, best first, ties to the more
   * frequent word.
   *
   * @param v a query vector {@code [D]}, any non-zero length
   * @param k how many, {@code >= 1}
   * @param exclude words never returned (unknown words are ignored)
   */
  public List<Neighbor> nearest(float[] v, int k, Set<String> exclude) {
    checkK(k);
    checkQuery(v);
    float[] q = v.clone();
    Cosines.normalize(q);
    boolean[] skip = excluded(exclude);
    TopK top = new TopK(k);
    for (int i = 0; i < size(); i++) {
      if (!skip[i]) {
        float s = Cosines.dot(unit, i, dim, q);
        if (s > top.threshold()) {
          top.offer(i, s);
        }
      }
    }
    return neighbors(top);
  }

  /**
   * Answers "a is to b as c is to ?" over all words of this table (use {@link #restrictTo} for the
   * top-N vocabulary), never returning a, b or c.
   *
   * @return the k best answers, best first, with their {@link AnalogyMethod#score} values
   * @throws IllegalArgumentException naming an unknown word, or if k &lt; 1
   */
  public List<Neighbor> analogy(String a, String b, String c, int k, AnalogyMethod method) {
    checkK(k);
    int[] q = {require(a), require(b), require(c)};
    float[][] cos = cosineRows(q, size()); // [3, N]
    TopK top = new TopK(k);
    for (int j = 0; j < size(); j++) {
      if (j != q[0] && j != q[1] && j != q[2]) {
        top.offer(j, (float) method.score(cos[0][j], cos[1][j], cos[2][j]));
      }
    }
    return neighbors(top);
  }

  /**
   * Cosines of some words to each of the first {@code limit} words, by a blocked kernel: the work of
   * many nearest-neighbour queries at once (analogy evaluation).
   *
   * @param rows word rows, {@code [R]}
   * @param limit how many leading words to score, {@code 0 <= limit <= size()}
   * @return {@code [R][limit]}, {@code out[r][j] = cos(word(rows[r]), word(j))}
   */
  public float[][] cosineRows(int[] rows, int limit) {
    if (limit < 0 || limit > size()) {
      throw new IllegalArgumentException("limit must be in [0, " + size() + "], got " + limit);
    }
    float[][] queries = new float[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      queries[r] = unitVector(rows[r]);
    }
    return Cosines.rows(unit, dim, queries, limit);
  }

  /** The first {@code topN} (most frequent) words; this table itself if it has no more than topN. */
  public WordVectors restrictTo(int topN) {
    if (topN < 0) {
      throw new IllegalArgumentException("topN must be >= 0, got " + topN);
    }
    if (topN >= size()) {
      return this;
    }
    return of(words.subList(0, topN), Arrays.copyOf(matrix, topN * dim), dim);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }

  private List<Neighbor> neighbors(TopK top) {
    int[] idx = top.indices();
    float[] sc = top.scores();
    List<Neighbor> out = new ArrayList<>(idx.length);
    for (int i = 0; i < idx.length; i++) {
      out.add(new Neighbor(words.get(idx[i]), sc[i]));
    }
    return out;
  }

  private boolean[] excluded(Set<String> exclude) {
    boolean[] skip = new boolean[size()];
    if (exclude != null) {
      for (String w : exclude) {
        Integer i = index.get(w);
        if (i != null) {
          skip[i] = true;
        }
      }
    }
    return skip;
  }

  private void checkQuery(float[] v) {
    if (v == null || v.length != dim) {
      throw new IllegalArgumentException(
          "query vector must have shape [" + dim + "], got " + (v == null ? "null" : "[" + v.length + "]"));
    }
  }

  private int require(String w) {
    Integer i = index.get(w);
    if (i == null) {
      throw new IllegalArgumentException("unknown word \"" + w + "\": not in the vocabulary of " + size() + " words");
    }
    return i;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size()) {
      throw new IllegalArgumentException("word index must be in [0, " + size() + "), got " + i);
    }
  }

  @Override
  public String toString() {
    return "WordVectors[" + size() + " words, dim " + dim + "]";
  }
}
