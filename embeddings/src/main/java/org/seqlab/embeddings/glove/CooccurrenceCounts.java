package org.seqlab.embeddings.glove;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The word-word co-occurrence matrix {@code X} of GloVe: for every position and every earlier word at
 * distance {@code d <= window} in the same sentence, {@code X[i][j]} and {@code X[j][i]} grow by
 * {@code 1/d} (Stanford's {@code cooccur} with {@code symmetric=1}, so the diagonal counts twice).
 *
 * <p>Counting stays within a memory budget: pairs are accumulated per unordered pair in a dense
 * triangle for frequent words plus a hash table, which is sorted and spilled to temporary run files
 * when full; the runs are then k-way merged. The result holds the non-zero entries in both directions
 * as records {@code (row, col, value)}, sorted by (row, col) until {@link #shuffle} permutes them.
 */
public final class CooccurrenceCounts {
  private static final Logger LOG = LoggerFactory.getLogger(CooccurrenceCounts.class);

  private final int vocabSize;
  private final int[] rows;
  private final int[] cols;
  private final float[] values;
  private final int spilledRuns;

  private CooccurrenceCounts(int vocabSize, int[] rows, int[] cols, float[] values, int spilledRuns) {
    this.vocabSize = vocabSize;
    this.rows = rows;
    this.cols = cols;
    this.values = values;
    this.spilledRuns = spilledRuns;
  }

  /**
   * Counts co-occurrences of {@code corpus}.
   *
   * @param memoryBudgetBytes memory for the counting tables (the result arrays come on top: 12 bytes
   *     per record)
   * @param tempDir where sorted runs are spilled (deleted after the merge)
   */
  public static CooccurrenceCounts count(EncodedCorpus corpus, int window, long memoryBudgetBytes, Path tempDir) {
    Objects.requireNonNull(corpus, "corpus");
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    if (memoryBudgetBytes < 4096) {
      throw new IllegalArgumentException("memoryBudgetBytes must be >= 4096, got " + memoryBudgetBytes);
    }
    try {
      Files.createDirectories(tempDir);
      PairAccumulator acc = new PairAccumulator(corpus.vocabulary().size(), memoryBudgetBytes, tempDir);
      double[] inverse = new double[window + 1];
      for (int d = 1; d <= window; d++) {
        inverse[d] = 1.0 / d;
      }
      for (int s = 0; s < corpus.sentenceCount(); s++) {
        int[] ids = corpus.sentence(s);
        for (int p = 1; p < ids.length; p++) {
          int w = ids[p];
          for (int d = 1, q = p - 1; d <= window && q >= 0; d++, q--) {
            acc.add(ids[q], w, inverse[d]);
          }
        }
      }
      int runs = acc.runs().size();
      LOG.info("co-occurrence counting: dense block of {} words, {} spilled runs", acc.denseK(), runs);
      return merge(corpus.vocabulary().size(), acc.finish(), runs);
    } catch (IOException e) {
      throw new UncheckedIOException("co-occurrence counting in " + tempDir + " failed: " + e.getMessage(), e);
    }
  }

  /** K-way merge of sorted unordered-pair sources into symmetric records. */
  private static CooccurrenceCounts merge(int vocabSize, List<SortedPairs> sources, int runs) {
    long bound = 0;
    PriorityQueue<SortedPairs> heap = new PriorityQueue<>((a, b) -> Long.compare(a.key(), b.key()));
    for (SortedPairs src : sources) {
      bound += src.size();
      if (src.advance()) {
        heap.add(src);
      } else {
        src.close();
      }
    }
    Records out = new Records((int) Math.min(Integer.MAX_VALUE - 8, Math.min(bound, 1L << 24) * 2));
    while (!heap.isEmpty()) {
      SortedPairs top = heap.poll();
      long key = top.key();
      double sum = top.value();
      requeue(heap, top);
      while (!heap.isEmpty() && heap.peek().key() == key) {
        SortedPairs same = heap.poll();
        sum += same.value();
        requeue(heap, same);
      }
      int i = (int) (key >>> 32);
      int j = (int) key;
      if (i == j) {
        out.add(i, i, (float) (2 * sum));
      } else {
        out.add(i, j, (float) sum);
        out.add(j, i, (float) sum);
      }
    }
    return new CooccurrenceCounts(vocabSize, out.rows(), out.cols(), out.values(), runs);
  }

  private static void requeue(PriorityQueue<SortedPairs> heap, SortedPairs src) {
    if (src.advance()) {
      heap.add(src);
    } else {
      src.close();
    }
  }

  /** Number of non-zero records (both directions). */
  public int size() {
    return rows.length;
  }

  public int vocabSize() {
    return vocabSize;
  }

  /** How many sorted runs were spilled to disk while counting (0 when everything fit). */
  public int spilledRuns() {
    return spilledRuns;
  }

  public int row(int record) {
    return rows[record];
  }

  public int col(int record) {
    return cols[record];
  }

  public float value(int record) {
    return values[record];
  }

  /** {@code X[i][j]} by linear scan (for tests and inspection; 0 when absent). */
  public double get(int i, int j) {
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == i && cols[r] == j) {
        return values[r];
      }
    }
    return 0;
  }

  /** A copy with the records in a random order (Fisher-Yates with {@code rng}). */
  public CooccurrenceCounts shuffle(SplittableRandom rng) {
    int[] r = rows.clone();
    int[] c = cols.clone();
    float[] v = values.clone();
    for (int k = r.length - 1; k > 0; k--) {
      int m = rng.nextInt(k + 1);
      int ti = r[k];
      r[k] = r[m];
      r[m] = ti;
      ti = c[k];
      c[k] = c[m];
      c[m] = ti;
      float tv = v[k];
      v[k] = v[m];
      v[m] = tv;
    }
    return new CooccurrenceCounts(vocabSize, r, c, v, spilledRuns);
  }

  int[] rowsUnsafe() {
    return rows;
  }

  int[] colsUnsafe() {
    return cols;
  }

  float[] valuesUnsafe() {
    return values;
  }

  /** Growable parallel record arrays. */
  private static final class Records {
    private int[] r;
    private int[] c;
    private float[] v;
    private int n;

    Records(int capacity) {
      r = new int[Math.max(16, capacity)];
      c = new int[r.length];
      v = new float[r.length];
    }

    void add(int i, int j, float x) {
      if (n == r.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, r.length + (long) (r.length >> 1));
        if (cap == n) {
          throw new IllegalStateException("more than " + n + " co-occurrence records");
        }
        r = Arrays.copyOf(r, cap);
        c = Arrays.copyOf(c, cap);
        v = Arrays.copyOf(v, cap);
      }
      r[n] = i;
      c[n] = j;
      v[n] = x;
      n++;
    }

    int[] rows() {
      return Arrays.copyOf(r, n);
    }

    int[] cols() {
      return Arrays.copyOf(c, n);
    }

    float[] values() {
      return Arrays.copyOf(v, n);
    }
  }
}
