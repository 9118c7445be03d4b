package org.seqlab.corpora;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Reader} that decodes strictly: a malformed or unmappable byte sequence throws a {@link
 * CorpusFormatException} naming the source, the 1-based line (counted by {@code '\n'}) and the byte
 * offset, instead of silently producing U+FFFD. All characters decoded before the bad bytes are
 * delivered first. A UTF-8 byte order mark at the very start is dropped. Not thread-safe.
 */
final class StrictDecodingReader extends Reader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final String source;
  private final boolean dropBom;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private long bytesRead;
  private long newlines;
  private boolean eof;
  private boolean flushed;
  private boolean started;
  private CorpusFormatException pending;

  StrictDecodingReader(InputStream in, Charset charset, String source) {
    this.in = in;
    this.source = source;
    this.dropBom = charset.equals(StandardCharsets.UTF_8);
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    bytes.flip(); // empty, in read mode
    chars.flip();
  }

  @Override
  public int read(char[] dst, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!chars.hasRemaining()) {
      if (pending != null) {
        throw pending;
      }
      fill();
      if (!chars.hasRemaining()) {
        if (pending != null) {
          throw pending;
        }
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(dst, off, n);
    return n;
  }

  /** Decodes the next block into {@link #chars}; sets {@link #pending} on bad input. */
  private void fill() throws IOException {
    chars.clear();
    while (!flushed) {
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        long offset = bytesRead - bytes.remaining();
        long line = newlines + countNewlines(chars, 0, chars.position()) + 1;
        String what = r.isMalformed() ? "invalid " : "unmappable ";
        pending =
            new CorpusFormatException(
                source,
                line,
                what + decoder.charset().name() + " byte sequence (length " + r.length()
                    + ") at byte offset " + offset + "; the file must be " + decoder.charset().name());
        break;
      }
      if (r.isOverflow() || chars.position() > 0) {
        break;
      }
      if (eof) {
        if (!flushed) {
          decoder.flush(chars);
          flushed = true;
        }
        break;
      }
      readMoreBytes();
    }
    newlines += countNewlines(chars, 0, chars.position());
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (dropBom && chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
  }

  private void readMoreBytes() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
      bytesRead += n;
    }
    bytes.flip();
  }

  private static long countNewlines(CharBuffer cb, int from, int to) {
    long n = 0;
    char[] a = cb.array();
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
