package org.seqlab.corpora.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Cuts {@link SequenceData} into {@link PaddedBatch}es for one epoch, padding each batch to its own
 * longest sequence.
 *
 * <p>With {@code poolFactor = k > 0} it does length bucketing as torchtext's {@code BucketIterator}
 * does. The examples are shuffled. Each pool of {@code k * B} consecutive examples is sorted by
 * (input length, target length). The pool is cut into batches, and the batch order is shuffled. Batches
 * then hold sequences of similar length, so little compute goes to padding, while the order stays
 * random. All randomness comes from the epoch seed: the same data, config and seed give the same
 * batches. Immutable and thread-safe.
 */
public final class Batcher {
  private final BatcherConfig config;

  public Batcher(BatcherConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public BatcherConfig config() {
    return config;
  }

  /**
   * The batches of one epoch.
   *
   * @param seed the epoch's seed (derive a different one per epoch)
   */
  public List<PaddedBatch> batches(SequenceData data, long seed) {
    Objects.requireNonNull(data, "data");
    List<int[]> plan = plan(data, seed);
    List<PaddedBatch> out = new ArrayList<>(plan.size());
    for (int[] rows : plan) {
      out.add(data.batch(rows));
    }
    return out;
  }

  /** The example indices of each batch, without padding anything. */
  public List<int[]> plan(SequenceData data, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = data.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (config.shuffle()) {
      shuffle(order, rnd);
    }
    int b = config.batchSize();
    if (config.poolFactor() > 0) {
      long poolSize = (long) config.poolFactor() * b;
      Comparator<Integer> byLength =
          Comparator.<Integer>comparingInt(data::inputLength).thenComparingInt(data::targetLength);
      for (long from = 0; from < n; from += poolSize) {
        Arrays.sort(order, (int) from, (int) Math.min(n, from + poolSize), byLength);
      }
    }
    List<int[]> batches = new ArrayList<>(n / b + 1);
    for (int from = 0; from < n; from += b) {
      int to = Math.min(n, from + b);
      if (to - from < b && config.dropLast()) {
        break;
      }
      int[] rows = new int[to - from];
      for (int i = from; i < to; i++) {
        rows[i - from] = order[i];
      }
      batches.add(rows);
    }
    if (config.shuffle() && config.poolFactor() > 0) {
      int[][] arr = batches.toArray(new int[0][]);
      shuffle(arr, rnd);
      return List.of(arr);
    }
    return batches;
  }

  private static <T> void shuffle(T[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
