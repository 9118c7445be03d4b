package org.seqlab.embeddings.debias;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seqlab.embeddings.WordVectors;

/**
 * Hard debiasing, "neutralize and equalize" (Bolukbasi et al. 2016, section 5), as the authors'
 * {@code debias.py} does it:
 *
 * <ol>
 *   <li>all vectors are scaled to unit length;
 *   <li><b>neutralize</b>: every word not in the gender-specific list loses its component in the
 *       bias subspace B, {@code w := (w - w_B) / |w - w_B|};
 *   <li><b>equalize</b>: for each equalize pair, in its lower, Title and UPPER case forms, with
 *       {@code mu = (a + b) / 2} and {@code nu = mu - mu_B}: {@code a := nu + sqrt(1 - |nu|^2) (a_B -
 *       mu_B) / |a_B - mu_B|} and likewise b. The two end up at unit length, equidistant from every
 *       neutralized word, and mirror images through the subspace orthogonal to B.
 * </ol>
 *
 * The returned vectors are unit length; word order is kept.
 */
public final class HardDebias {
  /** The version of the procedure, part of the signature. */
  public static final int VERSION = 1;

  /**
   * What {@link #apply} did.
   *
   * @param vectors the debiased vectors, unit length
   * @param neutralized how many words were neutralized
   * @param equalized the (case-variant) pairs equalized, both words present
   * @param signature e.g. {@code debias|hard|k:1|pairs:9|specific:1441|equalize:52|v:1}
   */
  public record Result(WordVectors vectors, int neutralized, List<WordPair> equalized, String signature) {
    public Result {
      equalized = List.copyOf(equalized);
    }
  }

  private HardDebias() {}

  /**
   * Neutralizes and equalizes.
   *
   * @param v the vectors
   * @param b the bias subspace (from {@link BiasSubspace#fromPairs})
   * @param genderSpecific words left un-neutralized (exact, case-sensitive match)
   * @param equalize pairs to equalize; lower, Title and UPPER variants of each are tried
   */
  public static Result apply(WordVectors v, BiasSubspace b, Set<String> genderSpecific, List<WordPair> equalize) {
    int n = v.size();
    int dim = v.dim();
    if (b.directions()[0].length != dim) {
      throw new IllegalArgumentException(
          "bias subspace has shape [" + b.dimension() + ", " + b.directions()[0].length + "] but the vectors have dimension " + dim);
    }
    double[][] rows = new double[n][];
    int neutralized = 0;
    for (int i = 0; i < n; i++) {
      rows[i] = BiasSubspace.unitRow(v, i);
      if (!genderSpecific.contains(v.word(i))) {
        double[] pb = b.projectOnto(rows[i]);
        for (int d = 0; d < dim; d++) {
          rows[i][d] -= pb[d];
        }
        normalize(rows[i]);
        neutralized++;
      }
    }
    List<WordPair> done = new ArrayList<>();
    for (WordPair p : caseVariants(equalize)) {
      if (v.contains(p.first()) && v.contains(p.second())) {
        equalizePair(rows, v.indexOf(p.first()).getAsInt(), v.indexOf(p.second()).getAsInt(), b);
        done.add(p);
      }
    }
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        m[i * dim + d] = (float) rows[i][d];
      }
    }
    String sig = "debias|hard|k:" + b.dimension() + "|pairs:" + b.used().size() + "|specific:" + genderSpecific.size()
        + "|equalize:" + equalize.size() + "|v:" + VERSION;
    return new Result(WordVectors.of(v.words(), m, dim), neutralized, done, sig);
  }

  private static void equalizePair(double[][] rows, int ia, int ib, BiasSubspace b) {
    double[] a = rows[ia];
    double[] c = rows[ib];
    int dim = a.length;
    double[] mu = new double[dim];
    for (int d = 0; d < dim; d++) {
      mu[d] = (a[d] + c[d]) / 2;
    }
    double[] muB = b.projectOnto(mu);
    double[] nu = new double[dim];
    for (int d = 0; d < dim; d++) {
      nu[d] = mu[d] - muB[d];
    }
    double scale = Math.sqrt(Math.max(0, 1 - BiasSubspace.dot(nu, nu)));
    double[] offA = b.projectOnto(a);
    double[] g = b.directions()[0];
    for (int d = 0; d < dim; d++) {
      offA[d] -= muB[d];
    }
    double len = Math.sqrt(BiasSubspace.dot(offA, offA));
    if (len < 1e-12) {
      // a and b agree inside B: fall back to the first direction, as the k = 1 original does
      offA = g.clone();
      len = 1;
    }
    double[] newA = new double[dim];
    double[] newB = new double[dim];
    for (int d = 0; d < dim; d++) {
      newA[d] = nu[d] + scale * offA[d] / len;
      newB[d] = nu[d] - scale * offA[d] / len;
    }
    rows[ia] = newA;
    rows[ib] = newB;
  }

  /** Each pair in lower, Title and UPPER case (Python's {@code str.lower/title/upper}), without duplicates. */
  static Set<WordPair> caseVariants(List<WordPair> pairs) {
    Set<WordPair> out = new LinkedHashSet<>();
    for (WordPair p : pairs) {
      out.add(new WordPair(p.first().toLowerCase(Locale.ROOT), p.second().toLowerCase(Locale.ROOT)));
      out.add(new WordPair(title(p.first()), title(p.second())));
      out.add(new WordPair(p.first().toUpperCase(Locale.ROOT), p.second().toUpperCase(Locale.ROOT)));
    }
    return out;
  }

  /** Python's {@code str.title()}: a letter after a non-letter is upper-cased, other letters lower-cased. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean prevLetter = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean letter = Character.isLetter(cp);
      sb.appendCodePoint(letter ? (prevLetter ? Character.toLowerCase(cp) : Character.toTitleCase(cp)) : cp);
      prevLetter = letter;
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static void normalize(double[] x) {
    double norm = Math.sqrt(BiasSubspace.dot(x, x));
    if (norm > 0) {
      for (int d = 0; d < x.length; d++) {
        x[d] /= norm;
      }
    }
  }
}
