package org.seqlab.embeddings.glove;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stream of (pair key, weight) in increasing key order, key = {@code i << 32 | j} with {@code i <= j}.
 * Sources are a spilled run file, an in-memory sorted table or the dense triangle.
 */
abstract class SortedPairs implements AutoCloseable {
  private long key;
  private double value;

  /** Moves to the next entry; false at the end. */
  abstract boolean advance();

  /** Upper bound of the number of entries. */
  abstract long size();

  final long key() {
    return key;
  }

  final double value() {
    return value;
  }

  final void set(long k, double v) {
    key = k;
    value = v;
  }

  @Override
  public void close() {}

  static SortedPairs ofArrays(long[] keys, double[] values) {
    return new SortedPairs() {
      private int next;

      @Override
      boolean advance() {
        if (next >= keys.length) {
          return false;
        }
        set(keys[next], values[next]);
        next++;
        return true;
      }

      @Override
      long size() {
        return keys.length;
      }
    };
  }

  /** Non-zero cells of the triangle {@code i <= j < k}, in (i, j) order. */
  static SortedPairs ofDense(double[] dense, int k) {
    return new SortedPairs() {
      private int i;
      private int j = -1;

      @Override
      boolean advance() {
        while (i < k) {
          j++;
          if (j >= k) {
            i++;
            j = i - 1;
            continue;
          }
          double v = dense[(int) ((long) j * (j + 1) / 2) + i];
          if (v != 0) {
            set(((long) i << 32) | j, v);
            return true;
          }
        }
        return false;
      }

      @Override
      long size() {
        return (long) k * (k + 1) / 2;
      }
    };
  }

  /** A run file: u32 count, then count x (i64 key, f64 value), big-endian. Deleted on close. */
  static SortedPairs ofRun(Path run) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
    int count = in.readInt();
    return new SortedPairs() {
      private int read;

      @Override
      boolean advance() {
        if (read >= count) {
          return false;
        }
        try {
          set(in.readLong(), in.readDouble());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read co-occurrence run " + run + ": " + e.getMessage(), e);
        }
        read++;
        return true;
      }

      @Override
      long size() {
        return count;
      }

      @Override
      public void close() {
        try {
          in.close();
          Files.deleteIfExists(run);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete co-occurrence run " + run + ": " + e.getMessage(), e);
        }
      }
    };
  }
}
