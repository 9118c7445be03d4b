package org.seqlab.embeddings.glove;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sums weights of unordered word pairs {@code (i <= j)} within a memory budget: a dense triangle for
 * pairs of the {@code K} most frequent words (ids are frequency ranks, so most increments land there)
 * and an open-addressing hash table for the rest. When the table is full it is sorted and spilled to
 * a run file; {@link #finish()} returns every sorted source for a k-way merge. Not thread-safe.
 */
final class PairAccumulator {
  private static final long EMPTY = -1L;
  private static final double MAX_LOAD = 0.6;

  private final int denseK;
  private final double[] dense; // triangle: index j*(j+1)/2 + i for i <= j < K
  private final int maxCapacity;
  private final Path tempDir;
  private final List<Path> runs = new ArrayList<>();
  private long[] keys;
  private double[] values;
  private int size;

  /**
   * @param budgetBytes about a quarter goes to the dense triangle, the rest to the hash table
   */
  PairAccumulator(int vocabSize, long budgetBytes, Path tempDir) {
    long denseBytes = budgetBytes / 4;
    int k = (int) Math.min(vocabSize, Math.max(1, (long) Math.sqrt(denseBytes / 4.0)));
    this.denseK = k;
    this.dense = new double[(int) Math.min(Integer.MAX_VALUE - 8, (long) k * (k + 1) / 2)];
    long hashBytes = Math.max(16L * 64, budgetBytes - 8L * dense.length);
    this.maxCapacity = (int) Math.min(1 << 30, Long.highestOneBit(hashBytes / 16));
    this.tempDir = tempDir;
    int cap = Math.min(maxCapacity, 1 << 16);
    this.keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    this.values = new double[cap];
  }

  int denseK() {
    return denseK;
  }

  List<Path> runs() {
    return runs;
  }

  /** Adds {@code w} to the pair {a, b} (in either order). */
  void add(int a, int b, double w) throws IOException {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    if (j < denseK) {
      dense[(int) ((long) j * (j + 1) / 2) + i] += w;
      return;
    }
    long key = ((long) i << 32) | j;
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        values[slot] += w;
        return;
      }
      if (k == EMPTY) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    values[slot] = w;
    if (++size > keys.length * MAX_LOAD) {
      if (keys.length < maxCapacity) {
        rehash(keys.length * 2);
      } else {
        spill();
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    return z ^ (z >>> 29);
  }

  private void rehash(int capacity) {
    long[] oldKeys = keys;
    double[] oldValues = values;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new double[capacity];
    int mask = capacity - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != EMPTY) {
        int slot = (int) mix(oldKeys[s]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[s];
        values[slot] = oldValues[s];
      }
    }
  }

  /** Sorted keys and their sums. */
  private record Entries(long[] keys, double[] values) {}

  /** The table's entries sorted by key. */
  private Entries sortedEntries() {
    long[] k = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        k[n++] = key;
      }
    }
    Arrays.sort(k);
    double[] v = new double[size];
    int mask = keys.length - 1;
    for (int e = 0; e < n; e++) {
      int slot = (int) mix(k[e]) & mask;
      while (keys[slot] != k[e]) {
        slot = (slot + 1) & mask;
      }
      v[e] = values[slot];
    }
    return new Entries(k, v);
  }

  /** Writes the table as a sorted run file and empties it. */
  private void spill() throws IOException {
    Entries entries = sortedEntries();
    long[] k = entries.keys();
    double[] v = entries.values();
    Path run = Files.createTempFile(tempDir, "cooccur-run-", ".bin");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      out.writeInt(k.length);
      for (int e = 0; e < k.length; e++) {
        out.writeLong(k[e]);
        out.writeDouble(v[e]);
      }
    }
    runs.add(run);
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  /** The sorted sources to merge: the run files, the remaining table and the dense triangle. */
  List<SortedPairs> finish() throws IOException {
    List<SortedPairs> sources = new ArrayList<>();
    for (Path run : runs) {
      sources.add(SortedPairs.ofRun(run));
    }
    Entries entries = sortedEntries();
    sources.add(SortedPairs.ofArrays(entries.keys(), entries.values()));
    sources.add(SortedPairs.ofDense(dense, denseK));
    keys = new long[1];
    values = new double[1];
    return sources;
  }
}
