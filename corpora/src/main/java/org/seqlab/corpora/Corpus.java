package org.seqlab.corpora;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A restartable collection of examples: every call to {@link #iterator()} starts a fresh pass
 * (re-reading the file for file-backed corpora). This is gensim's rule that a training corpus "must be
 * restartable (not just a generator)": trainers iterate several epochs and a vocabulary pass.
 *
 * <p>Iterators of file-backed corpora hold an open file until they are exhausted or closed. {@link
 * #forEach} and {@link #stream()} (closed by try-with-resources) release it; code that stops a
 * manual iteration early should close the {@link CorpusIterator}.
 *
 * <p>Implementations are immutable and may be iterated from several threads at once (each iterator
 * is confined to one thread).
 *
 * @param <T> element type
 */
public interface Corpus<T> extends Iterable<T> {

  /** Starts a new pass over the corpus. */
  @Override
  CorpusIterator<T> iterator();

  /** Runs {@code action} on every element of one pass, closing the pass even on an exception. */
  @Override
  default void forEach(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action");
    try (CorpusIterator<T> it = iterator()) {
      while (it.hasNext()) {
        action.accept(it.next());
      }
    }
  }

  /** One pass as a sequential stream; close it (try-with-resources) to release the file early. */
  default Stream<T> stream() {
    CorpusIterator<T> it = iterator();
    Spliterator<T> split = Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED);
    return StreamSupport.stream(split, false).onClose(it::close);
  }

  /** Number of elements (one full pass). */
  default long count() {
    long n = 0;
    try (CorpusIterator<T> it = iterator()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  /** Reads one pass into an unmodifiable list. */
  default List<T> toList() {
    List<T> out = new ArrayList<>();
    forEach(out::add);
    return Collections.unmodifiableList(out);
  }

  /** A lazy view applying {@code fn} to every element; still restartable. */
  default <R> Corpus<R> map(Function<? super T, ? extends R> fn) {
    Objects.requireNonNull(fn, "fn");
    Corpus<T> self = this;
    return () -> {
      CorpusIterator<T> it = self.iterator();
      return new CorpusIterator<R>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public R next() {
          return fn.apply(it.next());
        }

        @Override
        public void close() {
          it.close();
        }
      };
    };
  }

  /** A lazy view keeping only elements that satisfy {@code keep}; still restartable. */
  default Corpus<T> filter(Predicate<? super T> keep) {
    Objects.requireNonNull(keep, "keep");
    Corpus<T> self = this;
    return () -> new FilteringIterator<>(self.iterator(), keep);
  }

  /** An in-memory corpus over a copy of {@code items}. */
  static <T> Corpus<T> of(List<? extends T> items) {
    List<T> copy = List.copyOf(items);
    return () -> CorpusIterator.wrap(copy.iterator());
  }
}
