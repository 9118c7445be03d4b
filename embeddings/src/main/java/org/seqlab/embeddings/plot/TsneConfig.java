package org.seqlab.embeddings.plot;

/**
 * Settings of exact t-SNE (van der Maaten &amp; Hinton 2008), with the optimisation schedule of the
 * reference implementation and scikit-learn: early exaggeration for the first 250 iterations,
 * momentum 0.5 then 0.8, per-parameter adaptive gains.
 *
 * @param perplexity the effective number of neighbours, {@code > 0} and below the number of points
 * @param iterations gradient steps, {@code >= 1} (1000 is the usual)
 * @param learningRate step size, {@code > 0} (200)
 * @param earlyExaggeration factor on P during the first 250 steps, {@code >= 1} (12)
 * @param seed seeds the Gaussian initialisation (standard deviation 1e-4)
 */
public record TsneConfig(double perplexity, int iterations, double learningRate, double earlyExaggeration, long seed) {
  public TsneConfig {
    if (!(perplexity > 0) || !Double.isFinite(perplexity)) {
      throw new IllegalArgumentException("perplexity must be > 0, got " + perplexity);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (!(earlyExaggeration >= 1) || !Double.isFinite(earlyExaggeration)) {
      throw new IllegalArgumentException("earlyExaggeration must be >= 1, got " + earlyExaggeration);
    }
  }

  /** Perplexity 30, 1000 iterations, learning rate 200, exaggeration 12. */
  public static TsneConfig defaults(long seed) {
    return new TsneConfig(30, 1000, 200, 12, seed);
  }

  /** A copy with another perplexity. */
  public TsneConfig withPerplexity(double p) {
    return new TsneConfig(p, iterations, learningRate, earlyExaggeration, seed);
  }

  /** E.g. {@code tsne|perp:30|iter:1000|lr:200|exag:12|seed:7|v:1}. */
  public String signature() {
    return "tsne|perp:" + fmt(perplexity) + "|iter:" + iterations + "|lr:" + fmt(learningRate) + "|exag:"
        + fmt(earlyExaggeration) + "|seed:" + seed + "|v:1";
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
