package org.seqlab.embeddings.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.debias.WordPair;

/**
 * Pushes antonyms apart in a set of word vectors: the antonym-repel term of counter-fitting
 * (Mrkšić et al. 2016) with an L2 anchor to the original directions in place of their
 * vector-space-preservation term, and no synonym term (pulling WordNet synonyms together drags
 * words towards rare senses; it lowered emojify accuracy here).
 *
 * <p>Only words that occur in a pair (both words in the vocabulary) move. On the unit sphere, with
 * {@code u_i} the original unit vector of word i, it minimises
 * {@code sum over pairs (i, j) of max(0, x_i . x_j - margin) + anchor / 2 * sum_i |x_i - u_i|^2} by
 * full-batch projected gradient descent: every iteration computes all gradients, takes one step of
 * {@code learningRate} and rescales each moved row to unit length. Each moved word then gets its
 * original length back ({@code x_i * |v_i|}), because the length carries information (frequency,
 * specificity) that an averaging classifier uses. The result is deterministic: no randomness, and the
 * pairs are processed in sorted order.
 */
public final class AntonymRepulsion {
  /**
   * @param iterations gradient steps, {@code >= 1}
   * @param learningRate step size, {@code > 0}
   * @param anchor weight of the pull back to the original direction, {@code >= 0}
   * @param margin cosine above which a pair is pushed, in {@code [-1, 1)}
   */
  public record Config(int iterations, double learningRate, double anchor, double margin) {
    public Config {
      if (iterations < 1) {
        throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
      }
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
      }
      if (!(anchor >= 0) || !Double.isFinite(anchor)) {
        throw new IllegalArgumentException("anchor must be finite and >= 0, got " + anchor);
      }
      if (!(margin >= -1 && margin < 1)) {
        throw new IllegalArgumentException("margin must be in [-1, 1), got " + margin);
      }
    }

    /** 200 iterations, step 0.1, anchor 1, margin 0 (push every pair with a positive cosine). */
    public static Config defaults() {
      return new Config(200, 0.1, 1.0, 0.0);
    }

    /** For example {@code repel|it:200|lr:0.1|anchor:1.0|margin:0.0}. */
    public String signature() {
      return String.format(Locale.ROOT, "repel|it:%d|lr:%s|anchor:%s|margin:%s", iterations, learningRate, anchor, margin);
    }
  }

  /**
   * @param vectors the adjusted vectors (same words, order and dimension; unmoved rows bit-identical)
   * @param pairs the pairs used: both words in the vocabulary, different, non-zero vectors; sorted
   * @param skipped pairs given but not used (a word missing or a zero vector)
   * @param moved words that occur in a used pair
   * @param cosinesBefore the cosine of each used pair before, in the order of {@code pairs}
   * @param cosinesAfter the same after
   * @param config the settings it ran with
   */
  public record Result(
      WordVectors vectors, List<WordPair> pairs, int skipped, int moved, double[] cosinesBefore, double[] cosinesAfter,
      Config config) {
    /** Used pairs with a cosine above the margin before. */
    public int aboveBefore() {
      return count(cosinesBefore, config.margin());
    }

    /** The same after. */
    public int aboveAfter() {
      return count(cosinesAfter, config.margin());
    }

    /** Mean cosine over the used pairs before (NaN without pairs). */
    public double meanCosineBefore() {
      return mean(cosinesBefore);
    }

    /** The same after. */
    public double meanCosineAfter() {
      return mean(cosinesAfter);
    }

    /** The config's signature and the number of pairs. */
    public String signature() {
      return config.signature() + "|pairs:" + pairs.size();
    }
  }

  private AntonymRepulsion() {}

  /** Applies the repulsion to {@code v} for the given pairs (order and duplicates do not matter). */
  public static Result apply(WordVectors v, List<WordPair> antonyms, Config config) {
    int dim = v.dim();
    TreeSet<Long> keys = new TreeSet<>();
    int skipped = 0;
    for (WordPair p : antonyms) {
      int a = v.indexOf(p.first()).orElse(-1);
      int b = v.indexOf(p.second()).orElse(-1);
      if (a < 0 || b < 0 || a == b || v.norm(a) == 0 || v.norm(b) == 0) {
        skipped++;
        continue;
      }
      keys.add((long) Math.min(a, b) << 32 | Math.max(a, b));
    }
    Map<Integer, Integer> slot = new LinkedHashMap<>();
    int[][] pairs = new int[keys.size()][];
    List<WordPair> used = new ArrayList<>(keys.size());
    int k = 0;
    for (long key : keys) {
      int a = (int) (key >>> 32);
      int b = (int) key;
      used.add(new WordPair(v.word(a), v.word(b)));
      pairs[k++] = new int[] {slot.computeIfAbsent(a, x -> slot.size()), slot.computeIfAbsent(b, x -> slot.size())};
    }
    int m = slot.size();
    int[] rows = new int[m];
    slot.forEach((row, s) -> rows[s] = row);
    double[][] anchorRows = new double[m][dim];
    double[][] x = new double[m][];
    for (int s = 0; s < m; s++) {
      float[] u = v.unitVector(rows[s]);
      for (int d = 0; d < dim; d++) {
        anchorRows[s][d] = u[d];
      }
      x[s] = anchorRows[s].clone();
    }
    double[] before = cosines(x, pairs);
    double[][] g = new double[m][dim];
    for (int it = 0; it < config.iterations(); it++) {
      for (int s = 0; s < m; s++) {
        for (int d = 0; d < dim; d++) {
          g[s][d] = config.anchor() * (x[s][d] - anchorRows[s][d]);
        }
      }
      for (int[] p : pairs) {
        double[] xa = x[p[0]];
        double[] xb = x[p[1]];
        if (dot(xa, xb) > config.margin()) {
          double[] ga = g[p[0]];
          double[] gb = g[p[1]];
          for (int d = 0; d < dim; d++) {
            ga[d] += xb[d];
            gb[d] += xa[d];
          }
        }
      }
      for (int s = 0; s < m; s++) {
        double ss = 0;
        for (int d = 0; d < dim; d++) {
          x[s][d] -= config.learningRate() * g[s][d];
          ss += x[s][d] * x[s][d];
        }
        double inv = 1 / Math.sqrt(ss);
        for (int d = 0; d < dim; d++) {
          x[s][d] *= inv;
        }
      }
    }
    double[] after = cosines(x, pairs);
    float[] matrix = v.matrix();
    for (int s = 0; s < m; s++) {
      double len = v.norm(rows[s]);
      for (int d = 0; d < dim; d++) {
        matrix[rows[s] * dim + d] = (float) (x[s][d] * len);
      }
    }
    return new Result(WordVectors.of(v.words(), matrix, dim), List.copyOf(used), skipped, m, before, after, config);
  }

  private static double[] cosines(double[][] x, int[][] pairs) {
    double[] c = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      c[i] = dot(x[pairs[i][0]], x[pairs[i][1]]);
    }
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }

  private static int count(double[] c, double margin) {
    return (int) Arrays.stream(c).filter(x -> x > margin).count();
  }

  private static double mean(double[] c) {
    return c.length == 0 ? Double.NaN : Arrays.stream(c).average().orElse(Double.NaN);
  }
}
