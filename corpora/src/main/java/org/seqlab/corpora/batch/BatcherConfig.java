package org.seqlab.corpora.batch;

/**
 * How a {@link Batcher} cuts an epoch into batches.
 *
 * @param batchSize examples per batch ({@code B}), at least 1
 * @param poolFactor length bucketing: the (shuffled) examples are cut into pools of {@code poolFactor
 *     * batchSize}, each pool is sorted by length, then cut into batches; 0 turns bucketing off
 * @param shuffle shuffle the examples (and, with bucketing, the batch order) with the epoch's seed
 * @param dropLast drop a final batch smaller than {@code batchSize}
 */
public record BatcherConfig(int batchSize, int poolFactor, boolean shuffle, boolean dropLast) {
  public BatcherConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (poolFactor < 0) {
      throw new IllegalArgumentException("poolFactor must be >= 0 (0 = no bucketing), got " + poolFactor);
    }
  }

  /** Shuffled, bucketed over pools of 50 batches (a common choice), last batch kept. */
  public static BatcherConfig of(int batchSize) {
    return new BatcherConfig(batchSize, 50, true, false);
  }

  public BatcherConfig withPoolFactor(int value) {
    return new BatcherConfig(batchSize, value, shuffle, dropLast);
  }

  public BatcherConfig withShuffle(boolean value) {
    return new BatcherConfig(batchSize, poolFactor, value, dropLast);
  }

  public BatcherConfig withDropLast(boolean value) {
    return new BatcherConfig(batchSize, poolFactor, shuffle, value);
  }

  /** For example {@code batch|B:32|pool:50|shuffle:yes|drop:no}. */
  public String signature() {
    return "batch|B:" + batchSize + "|pool:" + poolFactor + "|shuffle:" + (shuffle ? "yes" : "no")
        + "|drop:" + (dropLast ? "yes" : "no");
  }
}
