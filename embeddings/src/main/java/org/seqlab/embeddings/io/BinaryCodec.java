package org.seqlab.embeddings.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;

/** Reads and writes the word2vec binary format ({@link VectorsFormat#WORD2VEC_BINARY}). */
final class BinaryCodec {
  /** Longer words mean a missing separator (a corrupt or misaligned file). */
  static final int MAX_WORD_BYTES = 4096;

  private BinaryCodec() {}

  static WordVectors read(Path path) throws IOException {
    try (InputStream raw = Files.newInputStream(path)) {
      Input in = new Input(raw);
      int[] header = readHeader(in, path);
      int n = header[0];
      int dim = header[1];
      long minBytes = (long) n * (4L * dim + 2);
      long size = Files.size(path);
      if (size < minBytes) {
        throw new CorpusFormatException(
            path.toString(), 0, "truncated: the header announces " + n + " vectors of dimension " + dim
                + ", at least " + minBytes + " bytes, but the file has " + size);
      }
      List<String> words = new ArrayList<>(n);
      float[] m = new float[Math.multiplyExact(n, dim)];
      byte[] vec = new byte[4 * dim];
      ByteBuffer bb = ByteBuffer.wrap(vec).order(ByteOrder.LITTLE_ENDIAN);
      for (int r = 0; r < n; r++) {
        long offset = in.skipWhitespace();
        if (offset < 0) {
          throw error(path, r, in.position(), "the file ends after " + r + " records but the header says " + n);
        }
        words.add(readWord(in, path, r, offset));
        int got = in.readFully(vec);
        if (got < vec.length) {
          throw error(path, r, offset, "truncated: the vector ends after " + got + " of " + vec.length + " bytes (dim " + dim + ")");
        }
        bb.rewind();
        for (int d = 0; d < dim; d++) {
          float x = bb.getFloat();
          if (!Float.isFinite(x)) {
            throw error(path, r, offset, "component " + d + " of \"" + words.get(r) + "\" is " + x);
          }
          m[r * dim + d] = x;
        }
      }
      long extra = in.skipWhitespace();
      if (extra >= 0) {
        throw error(path, n, extra, "more data after the " + n + " records the header announces (header/row count mismatch)");
      }
      return Formats.build(path, words, m, dim);
    }
  }

  private static int[] readHeader(Input in, Path path) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (line.size() > 64) {
        break;
      }
      line.write(b);
    }
    int[] header = VectorsFormat.Header.parse(line.toString(StandardCharsets.ISO_8859_1));
    if (header == null || header[1] < 1) {
      throw new CorpusFormatException(path.toString(), 1, "expected a header line 'N D' (vocabulary size, dimension >= 1)");
    }
    if ((long) header[0] * header[1] > Integer.MAX_VALUE - 8) {
      throw new CorpusFormatException(path.toString(), 1, "N * D = " + (long) header[0] * header[1] + " floats is too large for one table");
    }
    return header;
  }

  private static String readWord(Input in, Path path, int r, long offset) throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != ' ') {
      if (b == '\n' || b == 0) {
        throw error(path, r, offset, "a word contains byte 0x" + Integer.toHexString(b) + " (is the dimension in the header right?)");
      }
      if (w.size() >= MAX_WORD_BYTES) {
        throw error(path, r, offset, "no space after " + MAX_WORD_BYTES + " bytes of word: the file is corrupt or not word2vec binary");
      }
      w.write(b);
    }
    if (b < 0) {
      throw error(path, r, offset, "truncated: the file ends inside a word");
    }
    byte[] bytes = w.toByteArray();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(path, r, offset, "the word is not valid UTF-8: bytes " + HexFormat.ofDelimiter(" ").formatHex(bytes));
    }
  }

  private static CorpusFormatException error(Path path, int record, long offset, String message) {
    return new CorpusFormatException(path.toString(), 0, "record " + (record + 1) + " (byte " + offset + "): " + message);
  }

  /** Writes the C tool's layout: header, then word, space, D float32 LE and a newline per word. */
  static void write(OutputStream out, WordVectors v) throws IOException {
    out.write((v.size() + " " + v.dim() + "\n").getBytes(StandardCharsets.US_ASCII));
    ByteBuffer bb = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    float[] m = v.matrix();
    int dim = v.dim();
    for (int i = 0; i < v.size(); i++) {
      byte[] word = Formats.checkWord(v.word(i)).getBytes(StandardCharsets.UTF_8);
      if (bb.remaining() < word.length + 2 + 4 * dim) {
        out.write(bb.array(), 0, bb.position());
        bb.clear();
      }
      if (bb.remaining() < word.length + 2 + 4 * dim) {
        out.write(word);
        out.write(' ');
        ByteBuffer one = ByteBuffer.allocate(4 * dim + 1).order(ByteOrder.LITTLE_ENDIAN);
        for (int d = 0; d < dim; d++) {
          one.putFloat(m[i * dim + d]);
        }
        out.write(one.put((byte) '\n').array());
        continue;
      }
      bb.put(word).put((byte) ' ');
      for (int d = 0; d < dim; d++) {
        bb.putFloat(m[i * dim + d]);
      }
      bb.put((byte) '\n');
    }
    out.write(bb.array(), 0, bb.position());
  }

  /** A buffered byte stream that knows its position (unsynchronised, unlike BufferedInputStream). */
  private static final class Input {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long base;

    Input(InputStream in) {
      this.in = in;
    }

    long position() {
      return base + pos;
    }

    private boolean fill() throws IOException {
      base += limit;
      pos = 0;
      limit = 0;
      int n = in.read(buf);
      if (n <= 0) {
        return false;
      }
      limit = n;
      return true;
    }

    int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    int readFully(byte[] dst) throws IOException {
      int got = 0;
      while (got < dst.length) {
        if (pos == limit && !fill()) {
          break;
        }
        int n = Math.min(dst.length - got, limit - pos);
        System.arraycopy(buf, pos, dst, got, n);
        pos += n;
        got += n;
      }
      return got;
    }

    /** Skips ASCII whitespace; returns the offset of the next byte (left unread), or -1 at EOF. */
    long skipWhitespace() throws IOException {
      while (true) {
        if (pos == limit && !fill()) {
          return -1;
        }
        byte b = buf[pos];
        if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
          return position();
        }
        pos++;
      }
    }
  }
}
