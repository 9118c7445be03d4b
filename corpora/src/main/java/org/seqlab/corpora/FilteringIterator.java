package org.seqlab.corpora;

import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** The iterator behind {@link Corpus#filter}: looks ahead one element. */
final class FilteringIterator<T> implements CorpusIterator<T> {
  private final CorpusIterator<T> inner;
  private final Predicate<? super T> keep;
  private T pending;
  private boolean hasPending;

  FilteringIterator(CorpusIterator<T> inner, Predicate<? super T> keep) {
    this.inner = inner;
    this.keep = keep;
  }

  @Override
  public boolean hasNext() {
    while (!hasPending && inner.hasNext()) {
      T t = inner.next();
      if (keep.test(t)) {
        pending = t;
        hasPending = true;
      }
    }
    return hasPending;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("corpus pass is exhausted");
    }
    hasPending = false;
    T t = pending;
    pending = null;
    return t;
  }

  @Override
  public void close() {
    inner.close();
  }
}
