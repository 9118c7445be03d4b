package org.seqlab.embeddings.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.seqlab.embeddings.Pca;
import org.seqlab.embeddings.WordVectors;

/**
 * 2-D maps of a word subset, computed on the words' unit vectors so that distances reflect cosine
 * similarity ({@code |u - v|^2 = 2 - 2 cos(u, v)} for unit u, v).
 */
public final class Projection {
  /** A word placed on the plane. */
  public record Point(String word, double x, double y) {}

  private Projection() {}

  /**
   * Projects the words on the first two principal components of their unit vectors (exact and
   * deterministic; see {@link Pca}).
   *
   * @throws IllegalArgumentException naming an unknown word, or for fewer than 2 words or D &lt; 2
   */
  public static List<Point> pca(WordVectors v, List<String> words) {
    double[][] x = unitRows(v, words);
    if (v.dim() < 2) {
      throw new IllegalArgumentException("a 2-D projection needs vectors of dimension >= 2, got " + v.dim());
    }
    Pca pca = Pca.fit(x, 2);
    List<Point> out = new ArrayList<>(words.size());
    for (int i = 0; i < x.length; i++) {
      double[] c = pca.project(x[i]);
      out.add(new Point(words.get(i), c[0], c[1]));
    }
    return out;
  }

  /**
   * Exact t-SNE of the words' unit vectors (at most 1000 words).
   *
   * @throws IllegalArgumentException naming an unknown word, for too few or too many words, or a
   *     perplexity not below the number of words
   */
  public static List<Point> tsne(WordVectors v, List<String> words, TsneConfig config) {
    double[][] x = unitRows(v, words);
    double[][] y = Tsne.run(x, config).y();
    List<Point> out = new ArrayList<>(words.size());
    for (int i = 0; i < x.length; i++) {
      out.add(new Point(words.get(i), y[i][0], y[i][1]));
    }
    return out;
  }

  private static double[][] unitRows(WordVectors v, List<String> words) {
    if (words == null || words.size() < 2) {
      throw new IllegalArgumentException("need at least 2 words to project, got " + (words == null ? "null" : words.size()));
    }
    double[][] x = new double[words.size()][];
    for (int i = 0; i < words.size(); i++) {
      OptionalInt row = v.indexOf(words.get(i));
      if (row.isEmpty()) {
        throw new IllegalArgumentException("unknown word \"" + words.get(i) + "\": not in the vocabulary of " + v.size() + " words");
      }
      float[] u = v.unitVector(row.getAsInt());
      x[i] = new double[u.length];
      for (int d = 0; d < u.length; d++) {
        x[i][d] = u[d];
      }
    }
    return x;
  }
}
