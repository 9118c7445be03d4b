package org.seqlab.corpora;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Finds whitespace-separated tokens in a {@link Reader} through a 64K-character buffer. After {@link
 * #advance()} returns true the token is {@code buffer()[start(), end())}; a token cut by the buffer end
 * is shifted to the front before refilling (the buffer grows only for a token longer than itself).
 * Closes the reader at end of input, on error, or on {@link #close()}. Not thread-safe.
 */
final class WhitespaceScanner implements AutoCloseable {
  private final Reader reader;
  private final String source;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private int start;
  private boolean eof;
  private boolean closed;

  WhitespaceScanner(Reader reader, String source) {
    this.reader = reader;
    this.source = source;
  }

  char[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return pos;
  }

  /** Moves to the next token; false (and closed) at end of input. */
  boolean advance() {
    if (closed) {
      return false;
    }
    while (true) {
      while (pos < limit && isSpace(buf[pos])) {
        pos++;
      }
      if (pos < limit) {
        break;
      }
      pos = 0;
      limit = 0;
      if (!refill()) {
        close();
        return false;
      }
    }
    start = pos;
    while (true) {
      while (pos < limit && !isSpace(buf[pos])) {
        pos++;
      }
      if (pos < limit || eof) {
        return true;
      }
      int len = limit - start;
      if (len == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      System.arraycopy(buf, start, buf, 0, len);
      start = 0;
      pos = len;
      limit = len;
      if (!refill()) {
        return true;
      }
    }
  }

  /** {@link Character#isWhitespace(char)} with a fast path for printable ASCII. */
  static boolean isSpace(char c) {
    if (c > ' ') {
      return c >= 0x80 && Character.isWhitespace(c);
    }
    return Character.isWhitespace(c);
  }

  /** Reads more characters after {@code limit}; false at end of input. */
  private boolean refill() {
    try {
      int n = reader.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      return true;
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
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
