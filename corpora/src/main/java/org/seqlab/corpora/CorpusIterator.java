package org.seqlab.corpora;

import java.util.Iterator;

/**
 * An iterator over one pass of a {@link Corpus} that may hold an open file. It closes itself when
 * exhausted; a caller that stops early should close it (try-with-resources). {@link #close()} is
 * idempotent and never throws a checked exception.
 *
 * @param <T> element type
 */
public interface CorpusIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();

  /** An iterator over an in-memory iterator; {@link #close()} does nothing. */
  static <T> CorpusIterator<T> wrap(Iterator<T> it) {
    return new CorpusIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
  }
}
