package org.seqlab.embeddings;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic vector tables for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** n words "w0".."w{n-1}" with Gaussian vectors of dimension dim. */
  public static WordVectors random(int n, int dim, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> words = new ArrayList<>();
    float[] m = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words.add("w" + i);
      for (int d = 0; d < dim; d++) {
        m[i * dim + d] = (float) gaussian(rnd);
      }
    }
    return WordVectors.of(words, m, dim);
  }

  /** A standard normal draw (Box-Muller). */
  public static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Cosine in double precision, computed directly from raw vectors. */
  public static double cosine(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (double) a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += (double) b[i] * b[i];
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }
}
