package org.seqlab.metrics;

import java.util.Arrays;

/**
 * An open-addressing {@code long -> int} map (linear probing) that can be emptied in O(1) by
 * advancing a generation stamp. Values are non-negative; {@link #get} returns -1 for a missing key.
 * Not thread-safe: each scoring call owns its own instance.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int[] stamps;
  private int stamp = 1;
  private int size;
  private int mask;

  LongIntMap() {
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new int[capacity];
    stamps = new int[capacity];
    mask = capacity - 1;
    size = 0;
  }

  /** Removes every entry. */
  void clear() {
    size = 0;
    stamp++;
    if (stamp == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
  }

  int size() {
    return size;
  }

  /** The value stored for {@code key}, or -1. */
  int get(long key) {
    int i = slot(key);
    while (stamps[i] == stamp) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** The value stored for {@code key}; when absent, stores and returns {@code valueIfAbsent}. */
  int putIfAbsent(long key, int valueIfAbsent) {
    int i = slot(key);
    while (stamps[i] == stamp) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    stamps[i] = stamp;
    keys[i] = key;
    values[i] = valueIfAbsent;
    if (++size * 2 > keys.length) {
      grow();
    }
    return valueIfAbsent;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    int[] oldStamps = stamps;
    int oldStamp = stamp;
    allocate(oldKeys.length * 2);
    stamp = 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldStamps[j] == oldStamp) {
        putIfAbsent(oldKeys[j], oldValues[j]);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
