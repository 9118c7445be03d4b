package org.seqlab.corpora;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/**
 * Reads the numbered lines of a {@link TextSource}, closing the file at the end, on error and on
 * {@link #close()}. Not thread-safe.
 */
final class LineIterator implements CorpusIterator<Line> {
  private final TextSource source;
  private final BufferedReader reader;
  private long number;
  private Line next;
  private boolean closed;

  LineIterator(TextSource source) {
    this.source = source;
    try {
      this.reader = source.openReader();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !closed) {
      String text;
      try {
        text = reader.readLine();
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      if (text == null) {
        close();
      } else {
        next = new Line(++number, text);
      }
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more lines in " + source);
    }
    Line l = next;
    next = null;
    return l;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + source + ": " + e.getMessage(), e);
      }
    }
  }
}
