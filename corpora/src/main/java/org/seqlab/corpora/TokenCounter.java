package org.seqlab.corpora;

import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * A hash table from token to count, built so that counting a 17M-token stream touches little memory.
 *
 * <p>Layout: an open-addressing table of {@code long} slots (linear probing, load factor at most 1/2)
 * holds {@code hash << 32 | entry + 1}. Entries are dense, in insertion order: the characters of
 * every token sit in one shared {@code char[]} pool, with offset, length and count in parallel arrays.
 * A lookup reads one table slot; on a hash match it compares characters in the pool. Frequent tokens
 * arrive early, so their entries and characters stay in cache. A token given as a {@code char[]}
 * range becomes a {@code String} only when it is new. Hashes equal {@link String#hashCode()}.
 * Not thread-safe.
 */
final class TokenCounter {
  private long[] table = new long[1 << 16];
  private int shift = 32 - 16;
  private char[] pool = new char[1 << 16];
  private int poolSize;
  private int[] offsets = new int[1 << 12];
  private int[] lengths = new int[1 << 12];
  private long[] counts = new long[1 << 12];
  private String[] strings = new String[1 << 12];
  private int size;
  private char[] scratch = new char[64];

  int size() {
    return size;
  }

  /** Adds {@code n} to the count of {@code token}. */
  void add(String token, long n) {
    int len = token.length();
    if (scratch.length < len) {
      scratch = new char[Math.max(len, scratch.length * 2)];
    }
    token.getChars(0, len, scratch, 0);
    int e = findOrInsert(scratch, 0, len, token);
    counts[e] += n;
  }

  /** Counts one occurrence of the token {@code buf[off, off+len)}. */
  void add(char[] buf, int off, int len) {
    int e = findOrInsert(buf, off, len, null); // before reading the field: insert may grow counts
    counts[e]++;
  }

  /** The count of {@code token}, 0 if absent. */
  long get(String token) {
    char[] c = token.toCharArray();
    return get(c, 0, c.length);
  }

  /** The count of the token {@code buf[off, off+len)}, 0 if absent; never inserts. */
  long get(char[] buf, int off, int len) {
    int h = hash(buf, off, len);
    int mask = table.length - 1;
    for (int i = slot(h); table[i] != 0; i = (i + 1) & mask) {
      int e = matches(table[i], h, buf, off, len);
      if (e >= 0) {
        return counts[e];
      }
    }
    return 0;
  }

  /** Visits every token with its count, in first-seen order. */
  void forEach(ObjLongConsumer<String> action) {
    for (int e = 0; e < size; e++) {
      action.accept(strings[e], counts[e]);
    }
  }

  private int findOrInsert(char[] buf, int off, int len, String known) {
    int h = hash(buf, off, len);
    int mask = table.length - 1;
    int i = slot(h);
    while (true) {
      long v = table[i];
      if (v == 0) {
        return insert(i, h, buf, off, len, known);
      }
      int e = matches(v, h, buf, off, len);
      if (e >= 0) {
        return e;
      }
      i = (i + 1) & mask;
    }
  }

  /** The entry of slot value {@code v} if it holds the token, else -1. */
  private int matches(long v, int h, char[] buf, int off, int len) {
    if ((int) (v >>> 32) != h) {
      return -1;
    }
    int e = (int) v - 1;
    if (lengths[e] != len) {
      return -1;
    }
    int o = offsets[e];
    return Arrays.equals(pool, o, o + len, buf, off, off + len) ? e : -1;
  }

  private int insert(int slotIndex, int h, char[] buf, int off, int len, String known) {
    if (size == offsets.length) {
      int cap = size * 2;
      offsets = Arrays.copyOf(offsets, cap);
      lengths = Arrays.copyOf(lengths, cap);
      counts = Arrays.copyOf(counts, cap);
      strings = Arrays.copyOf(strings, cap);
    }
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(buf, off, pool, poolSize, len);
    int e = size++;
    offsets[e] = poolSize;
    lengths[e] = len;
    strings[e] = known != null ? known : new String(buf, off, len);
    poolSize += len;
    table[slotIndex] = ((long) h << 32) | (e + 1L);
    if (size * 2 > table.length) {
      grow();
    }
    return e;
  }

  private static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int j = off; j < off + len; j++) {
      h = 31 * h + buf[j];
    }
    return h;
  }

  /** Fibonacci hashing: the top bits of {@code h * 2^32/phi}. */
  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    shift--;
    int mask = table.length - 1;
    for (long v : old) {
      if (v != 0) {
        int i = slot((int) (v >>> 32));
        while (table[i] != 0) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
  }
}
