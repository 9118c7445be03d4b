package org.seqlab.embeddings.glove;

import org.seqlab.corpora.VocabularyConfig;
import org.seqlab.embeddings.train.Numbers;

/**
 * Hyperparameters of GloVe (Pennington, Socher, Manning 2014), defaults as Stanford's {@code demo.sh}
 * except the dimension (100 here, 50 there).
 *
 * @param dim vector dimension, >= 1
 * @param window symmetric context window, >= 1; a pair at distance d counts 1/d
 * @param xMax weighting cap: {@code f(x) = min(1, (x / xMax)^alpha)}, > 0
 * @param alpha weighting exponent, > 0
 * @param eta initial AdaGrad learning rate, > 0 (0.05 as Stanford's)
 * @param iterations passes over the shuffled co-occurrence records, >= 1
 * @param minCount words seen fewer times are dropped, >= 1
 * @param maxVocab keep at most this many most frequent words ({@link #UNLIMITED} for all)
 * @param threads Hogwild threads, >= 1 (1 gives reproducible vectors)
 * @param seed seed of initialisation and shuffling
 * @param memoryBudgetMiB memory for counting co-occurrences before spilling sorted runs to disk, >= 1
 */
public record GloveConfig(
    int dim,
    int window,
    double xMax,
    double alpha,
    double eta,
    int iterations,
    int minCount,
    int maxVocab,
    int threads,
    long seed,
    int memoryBudgetMiB) {
  /** Algorithm version, part of the signature. */
  public static final int VERSION = 1;
  /** No vocabulary limit. */
  public static final int UNLIMITED = VocabularyConfig.UNLIMITED;

  public GloveConfig {
    atLeast("dim", dim, 1);
    atLeast("window", window, 1);
    atLeast("iterations", iterations, 1);
    atLeast("minCount", minCount, 1);
    atLeast("maxVocab", maxVocab, 1);
    atLeast("threads", threads, 1);
    atLeast("memoryBudgetMiB", memoryBudgetMiB, 1);
    positive("xMax", xMax);
    positive("alpha", alpha);
    positive("eta", eta);
  }

  private static void atLeast(String name, long v, long min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }
  }

  private static void positive(String name, double v) {
    if (!(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
    }
  }

  /**
   * dim 100, window 15, x_max 10, alpha 0.75, eta 0.05, 15 iterations, min count 5, 1 thread, seed 1,
   * 1024 MiB for counting.
   */
  public static GloveConfig defaults() {
    return new GloveConfig(100, 15, 10, 0.75, 0.05, 15, 5, UNLIMITED, 1, 1L, 1024);
  }

  public GloveConfig withDim(int v) {
    return new GloveConfig(v, window, xMax, alpha, eta, iterations, minCount, maxVocab, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withWindow(int v) {
    return new GloveConfig(dim, v, xMax, alpha, eta, iterations, minCount, maxVocab, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withXMax(double v) {
    return new GloveConfig(dim, window, v, alpha, eta, iterations, minCount, maxVocab, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withIterations(int v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, v, minCount, maxVocab, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withMinCount(int v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, iterations, v, maxVocab, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withMaxVocab(int v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, iterations, minCount, v, threads, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withThreads(int v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, iterations, minCount, maxVocab, v, seed,
        memoryBudgetMiB);
  }

  public GloveConfig withSeed(long v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, iterations, minCount, maxVocab, threads, v,
        memoryBudgetMiB);
  }

  public GloveConfig withMemoryBudgetMiB(int v) {
    return new GloveConfig(dim, window, xMax, alpha, eta, iterations, minCount, maxVocab, threads, seed, v);
  }

  /**
   * For example {@code glove|dim:100|win:15|xmax:10|alpha:0.75|eta:0.05|it:15|min:5|seed:1|v:1}
   * ({@code |max:N} when the vocabulary is capped). Threads and the memory budget do not change the
   * model and are not part of it.
   */
  public String signature() {
    String max = maxVocab == UNLIMITED ? "" : "|max:" + maxVocab;
    return "glove|dim:" + dim + "|win:" + window + "|xmax:" + Numbers.compact(xMax) + "|alpha:"
        + Numbers.compact(alpha) + "|eta:" + Numbers.compact(eta) + "|it:" + iterations + "|min:" + minCount
        + max + "|seed:" + seed + "|v:" + VERSION;
  }
}
