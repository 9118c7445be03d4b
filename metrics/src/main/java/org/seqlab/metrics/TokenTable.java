package org.seqlab.metrics;

import java.util.Arrays;

/**
 * Interns whitespace-separated tokens straight from a character buffer to dense int ids, without
 * creating a {@code String} per token. Tokens are split as Python's {@code str.split()} splits
 * ({@link PyText#isSpace}). Ids are 0, 1, 2, ... in order of first appearance; two tokens get the
 * same id exactly when their characters are equal. Not thread-safe: one table per scoring call.
 */
final class TokenTable {
  private char[] pool = new char[1 << 12]; // the characters of every distinct token, back to back
  private int poolSize;
  private int[] starts = new int[1 << 8]; // id -> offset in pool
  private int[] lengths = new int[1 << 8]; // id -> length
  private int[] hashes = new int[1 << 8]; // id -> hash
  private int size;
  private int[] slots = new int[1 << 9]; // open addressing: id + 1, 0 = empty
  private int[] buffer = new int[64];

  /** Number of distinct tokens seen. */
  int size() {
    return size;
  }

  /** The ids of the whitespace-separated tokens of {@code text}, in order. */
  int[] ids(CharSequence text) {
    char[] chars = text.toString().toCharArray();
    return ids(chars, chars.length);
  }

  /** The ids of the whitespace-separated tokens of {@code text[0, n)}, in order. */
  int[] ids(char[] text, int n) {
    int count = 0;
    int i = 0;
    while (i < n) {
      while (i < n && PyText.isSpace(text[i])) {
        i++;
      }
      int start = i;
      int h = 0;
      while (i < n && !PyText.isSpace(text[i])) {
        h = 31 * h + text[i];
        i++;
      }
      if (i > start) {
        if (count == buffer.length) {
          buffer = Arrays.copyOf(buffer, count * 2);
        }
        buffer[count++] = intern(text, start, i, h);
      }
    }
    return Arrays.copyOf(buffer, count);
  }

  private int intern(char[] text, int start, int end, int hash) {
    int mask = slots.length - 1;
    int slot = mix(hash) & mask;
    while (true) {
      int entry = slots[slot];
      if (entry == 0) {
        break;
      }
      int id = entry - 1;
      if (hashes[id] == hash && sameChars(id, text, start, end)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
    int id = add(text, start, end, hash);
    slots[slot] = id + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return id;
  }

  private boolean sameChars(int id, char[] text, int start, int end) {
    int len = end - start;
    if (lengths[id] != len) {
      return false;
    }
    int off = starts[id];
    for (int k = 0; k < len; k++) {
      if (pool[off + k] != text[start + k]) {
        return false;
      }
    }
    return true;
  }

  private int add(char[] text, int start, int end, int hash) {
    int len = end - start;
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    for (int k = 0; k < len; k++) {
      pool[poolSize + k] = text[start + k];
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    starts[size] = poolSize;
    lengths[size] = len;
    hashes[size] = hash;
    poolSize += len;
    return size++;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = mix(hashes[id]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  /** The characters of token {@code id}. */
  String token(int id) {
    return new String(pool, starts[id], lengths[id]);
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
