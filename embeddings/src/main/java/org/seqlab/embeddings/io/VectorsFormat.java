package org.seqlab.embeddings.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The interchange formats for word vectors. All keep the vocabulary order (most frequent first). */
public enum VectorsFormat {
  /**
   * word2vec text: a header line {@code "N D"}, then N lines {@code "word v1 ... vD"} separated by
   * spaces (the C tool adds a trailing space). Written with the shortest decimal that reads back to
   * the same float.
   */
  WORD2VEC_TEXT("word2vec-text"),
  /**
   * word2vec binary, as the C tool writes it: the header line {@code "N D\n"}, then per word its
   * UTF-8 bytes, one space, D little-endian IEEE-754 float32 values and a newline (gensim omits
   * the newline; both are read).
   */
  WORD2VEC_BINARY("word2vec-binary"),
  /** GloVe text: lines {@code "word v1 ... vD"} with no header; D is taken from the first line. */
  GLOVE_TEXT("glove-text");

  private final String id;

  VectorsFormat(String id) {
    this.id = id;
  }

  /** The name used in sidecars and on the command line, e.g. {@code word2vec-binary}. */
  public String id() {
    return id;
  }

  /** The format named {@code id} ({@link #id()}); IAE listing the names otherwise. */
  public static VectorsFormat fromId(String id) {
    for (VectorsFormat f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown vectors format '" + id + "', expected one of " + Arrays.stream(values()).map(VectorsFormat::id).toList());
  }

  /**
   * Detects the format from the content: no {@code "N D"} header means GloVe text; after a header,
   * a first record whose rest of line is D decimal numbers means word2vec text, anything else
   * word2vec binary.
   */
  public static VectorsFormat detect(Path path) throws IOException {
    byte[] head = new byte[1 << 16];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(head, 0, head.length);
    }
    int eol = indexOf(head, n, 0, (byte) '\n');
    String first = new String(head, 0, eol < 0 ? n : eol, StandardCharsets.ISO_8859_1).strip();
    int[] header = Header.parse(first);
    if (header == null) {
      return GLOVE_TEXT;
    }
    int start = eol + 1;
    int end = indexOf(head, n, start, (byte) '\n');
    if (end < 0) {
      return start >= n ? WORD2VEC_TEXT : WORD2VEC_BINARY;
    }
    String[] tok = new String(head, start, end - start, StandardCharsets.ISO_8859_1).strip().split("[ \t]+");
    if (tok.length != header[1] + 1) {
      return WORD2VEC_BINARY;
    }
    for (int i = 1; i < tok.length; i++) {
      if (!tok[i].matches("[-+0-9.eE]+|[-+]?(?:Infinity|NaN|inf|nan)")) {
        return WORD2VEC_BINARY;
      }
    }
    return WORD2VEC_TEXT;
  }

  private static int indexOf(byte[] b, int n, int from, byte x) {
    for (int i = Math.max(0, from); i < n; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code "N D"} header line of the word2vec formats. */
  static final class Header {
    private Header() {}

    /** {N, D}, or null if the line is not two non-negative integers. */
    static int[] parse(String line) {
      String[] t = line.strip().split("[ \t]+");
      if (t.length != 2 || !t[0].matches("[0-9]{1,10}") || !t[1].matches("[0-9]{1,10}")) {
        return null;
      }
      long n = Long.parseLong(t[0]);
      long d = Long.parseLong(t[1]);
      if (n > Integer.MAX_VALUE || d > Integer.MAX_VALUE) {
        return null;
      }
      return new int[] {(int) n, (int) d};
    }
  }
}
