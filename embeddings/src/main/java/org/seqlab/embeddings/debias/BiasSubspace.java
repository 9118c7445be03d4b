package org.seqlab.embeddings.debias;

import java.util.ArrayList;
import java.util.List;
import org.seqlab.embeddings.Pca;
import org.seqlab.embeddings.WordVectors;

/**
 * A bias subspace B (Bolukbasi et al. 2016, section 5 "Identify gender subspace"): the first k
 * principal components of the definitional pairs' unit vectors, each centred on its pair mean
 * ({@code a - (a+b)/2} and {@code b - (a+b)/2}). With k = 1 this is the gender direction g.
 *
 * <p>Components are orthonormal. The first is oriented so that the first words of the pairs
 * (female in {@code definitional_pairs.json}: woman, she, ...) have the larger projection, so a
 * positive {@link #projection} means "toward she", as on the she-he axis of the paper.
 *
 * @param directions the orthonormal basis of B, {@code [k][D]}
 * @param explainedRatios each component's share of the total variance of the centred pair vectors
 *     ({@code [k]}; the paper finds the first clearly dominant)
 * @param used the pairs with both words in the vocabulary
 * @param skipped the pairs with a word missing (case-sensitive lookup, as the original code)
 */
public record BiasSubspace(double[][] directions, double[] explainedRatios, List<WordPair> used, List<WordPair> skipped) {
  public BiasSubspace {
    used = List.copyOf(used);
    skipped = List.copyOf(skipped);
  }

  /**
   * Fits the subspace.
   *
   * @param k its dimension, {@code 1 <= k <= min(D, 2 * pairs used)}
   * @throws IllegalArgumentException if fewer than 1 pair is in the vocabulary or k is out of range
   */
  public static BiasSubspace fromPairs(WordVectors v, List<WordPair> pairs, int k) {
    List<WordPair> used = new ArrayList<>();
    List<WordPair> skipped = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (WordPair p : pairs) {
      if (!v.contains(p.first()) || !v.contains(p.second())) {
        skipped.add(p);
        continue;
      }
      used.add(p);
      double[] a = unit(v, p.first());
      double[] b = unit(v, p.second());
      double[] ra = new double[a.length];
      double[] rb = new double[a.length];
      for (int d = 0; d < a.length; d++) {
        double c = (a[d] + b[d]) / 2;
        ra[d] = a[d] - c;
        rb[d] = b[d] - c;
      }
      rows.add(ra);
      rows.add(rb);
    }
    if (used.isEmpty()) {
      throw new IllegalArgumentException("none of the " + pairs.size() + " definitional pairs has both words in the vocabulary");
    }
    if (k < 1 || k > Math.min(v.dim(), rows.size())) {
      throw new IllegalArgumentException("k must be in [1, " + Math.min(v.dim(), rows.size()) + "], got " + k);
    }
    Pca pca = Pca.fit(rows.toArray(new double[0][]), k);
    double[][] dirs = pca.components();
    double orient = 0;
    for (int i = 0; i < rows.size(); i += 2) {
      orient += dot(rows.get(i), dirs[0]) - dot(rows.get(i + 1), dirs[0]);
    }
    if (orient < 0) {
      for (int d = 0; d < dirs[0].length; d++) {
        dirs[0][d] = -dirs[0][d];
      }
    }
    double[] ratios = new double[k];
    for (int i = 0; i < k; i++) {
      ratios[i] = pca.totalVariance() > 0 ? pca.variances()[i] / pca.totalVariance() : 0;
    }
    return new BiasSubspace(dirs, ratios, used, skipped);
  }

  /** The dimension k of B. */
  public int dimension() {
    return directions.length;
  }

  /** The first (gender) direction g, a copy, {@code [D]}. */
  public double[] direction() {
    return directions[0].clone();
  }

  /** cos(w, g): the projection of a word's unit vector on the first direction. */
  public double projection(WordVectors v, String word) {
    return dot(unit(v, word), directions[0]);
  }

  /** The component of x in B, {@code sum_i (x . b_i) b_i}, {@code [D]}. */
  public double[] projectOnto(double[] x) {
    double[] out = new double[x.length];
    for (double[] b : directions) {
      double s = dot(x, b);
      for (int d = 0; d < x.length; d++) {
        out[d] += s * b[d];
      }
    }
    return out;
  }

  /** A word's unit vector in double precision; IAE naming an unknown word. */
  static double[] unit(WordVectors v, String word) {
    if (!v.contains(word)) {
      throw new IllegalArgumentException("unknown word \"" + word + "\": not in the vocabulary of " + v.size() + " words");
    }
    return unitRow(v, v.indexOf(word).getAsInt());
  }

  /** Row i of the raw matrix scaled to unit length in double precision (zero stays zero). */
  static double[] unitRow(WordVectors v, int i) {
    float[] raw = v.vector(i);
    double ss = 0;
    for (float x : raw) {
      ss += (double) x * x;
    }
    double norm = Math.sqrt(ss);
    double[] out = new double[raw.length];
    for (int d = 0; d < raw.length; d++) {
      out[d] = norm > 0 ? raw[d] / norm : 0;
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }
}
