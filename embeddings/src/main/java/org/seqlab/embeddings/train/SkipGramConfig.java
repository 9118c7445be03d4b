package org.seqlab.embeddings.train;

import org.seqlab.corpora.VocabularyConfig;

/**
 * Hyperparameters of skip-gram with negative sampling.
 *
 * @param dim vector dimension, >= 1
 * @param window maximum distance between centre and context word, >= 1 (each centre word draws its
 *     effective window uniformly from 1..window, as word2vec does)
 * @param negative noise words per centre word, >= 1
 * @param minCount words seen fewer times are dropped, >= 1
 * @param sample subsampling threshold t of frequent words (0 disables; word2vec's {@code -sample})
 * @param alpha initial learning rate, > 0
 * @param minAlpha final learning rate, in [0, alpha]
 * @param epochs passes over the corpus, >= 1
 * @param threads Hogwild worker threads, >= 1 (1 gives bit-for-bit reproducible vectors)
 * @param seed seed of every random choice (initialisation, subsampling, windows, noise words)
 * @param maxVocab keep at most this many most frequent words ({@link #UNLIMITED} for all)
 */
public record SkipGramConfig(
    int dim,
    int window,
    int negative,
    int minCount,
    double sample,
    double alpha,
    double minAlpha,
    int epochs,
    int threads,
    long seed,
    int maxVocab) {
  /** Format version of the algorithm, part of the signature. */
  public static final int VERSION = 1;
  /** No vocabulary limit. */
  public static final int UNLIMITED = VocabularyConfig.UNLIMITED;

  public SkipGramConfig {
    requireAtLeast("dim", dim, 1);
    requireAtLeast("window", window, 1);
    requireAtLeast("negative", negative, 1);
    requireAtLeast("minCount", minCount, 1);
    requireAtLeast("epochs", epochs, 1);
    requireAtLeast("threads", threads, 1);
    requireAtLeast("maxVocab", maxVocab, 1);
    if (!(sample >= 0 && sample < 1)) {
      throw new IllegalArgumentException("sample must be in [0, 1), got " + sample);
    }
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
    }
    if (!(minAlpha >= 0 && minAlpha <= alpha)) {
      throw new IllegalArgumentException(
          "minAlpha must be in [0, alpha=" + alpha + "], got " + minAlpha);
    }
    if (negative > 64) {
      throw new IllegalArgumentException("negative must be <= 64, got " + negative);
    }
    if (window > 64) {
      throw new IllegalArgumentException("window must be <= 64, got " + window);
    }
  }

  private static void requireAtLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  /**
   * word2vec's skip-gram settings as used for text8: dim 100, window 5, negative 5, min-count 5,
   * sample 1e-4, alpha 0.025 down to 0.0001, 5 epochs, 1 thread, seed 1, no vocabulary limit.
   */
  public static SkipGramConfig defaults() {
    return new SkipGramConfig(100, 5, 5, 5, 1e-4, 0.025, 0.0001, 5, 1, 1L, UNLIMITED);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public SkipGramConfig withThreads(int value) {
    return toBuilder().threads(value).build();
  }

  public SkipGramConfig withEpochs(int value) {
    return toBuilder().epochs(value).build();
  }

  public SkipGramConfig withSeed(long value) {
    return toBuilder().seed(value).build();
  }

  /**
   * For example {@code sgns|dim:100|win:5|neg:5|sample:1e-4|min:5|alpha:0.025|ep:5|seed:7|v:1}
   * ({@code |max:N} is added when the vocabulary is capped). Threads are not part of it.
   */
  public String signature() {
    String max = maxVocab == UNLIMITED ? "" : "|max:" + maxVocab;
    return "sgns|dim:" + dim + "|win:" + window + "|neg:" + negative + "|sample:" + Numbers.compact(sample)
        + "|min:" + minCount + max + "|alpha:" + Numbers.compact(alpha) + "|ep:" + epochs + "|seed:" + seed
        + "|v:" + VERSION;
  }

  /** A mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int dim;
    private int window;
    private int negative;
    private int minCount;
    private double sample;
    private double alpha;
    private double minAlpha;
    private int epochs;
    private int threads;
    private long seed;
    private int maxVocab;

    private Builder(SkipGramConfig c) {
      dim = c.dim;
      window = c.window;
      negative = c.negative;
      minCount = c.minCount;
      sample = c.sample;
      alpha = c.alpha;
      minAlpha = c.minAlpha;
      epochs = c.epochs;
      threads = c.threads;
      seed = c.seed;
      maxVocab = c.maxVocab;
    }

    public Builder dim(int v) {
      dim = v;
      return this;
    }

    public Builder window(int v) {
      window = v;
      return this;
    }

    public Builder negative(int v) {
      negative = v;
      return this;
    }

    public Builder minCount(int v) {
      minCount = v;
      return this;
    }

    public Builder sample(double v) {
      sample = v;
      return this;
    }

    public Builder alpha(double v) {
      alpha = v;
      return this;
    }

    public Builder minAlpha(double v) {
      minAlpha = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder maxVocab(int v) {
      maxVocab = v;
      return this;
    }

    public SkipGramConfig build() {
      return new SkipGramConfig(
          dim, window, negative, minCount, sample, alpha, minAlpha, epochs, threads, seed, maxVocab);
    }
  }
}
