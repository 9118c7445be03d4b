package org.seqlab.embeddings.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.TextSource;
import org.seqlab.embeddings.WordVectors;

/** Reads and writes word2vec text and GloVe text ({@link VectorsFormat}). */
final class TextCodec {
  private TextCodec() {}

  /**
   * Reads a text file.
   *
   * @param header true for word2vec text (an {@code "N D"} first line), false for GloVe
   */
  static WordVectors read(Path path, boolean header) throws IOException {
    String src = path.toString();
    try (BufferedReader r = TextSource.of(path).openReader()) {
      long lineNo = 0;
      int n = -1;
      int dim = -1;
      if (header) {
        String h = r.readLine();
        lineNo++;
        int[] nd = h == null ? null : VectorsFormat.Header.parse(h);
        if (nd == null || nd[1] < 1) {
          throw new CorpusFormatException(src, 1, "expected a header line 'N D' (vocabulary size, dimension >= 1), got '" + h + "'");
        }
        n = nd[0];
        dim = nd[1];
      }
      List<String> words = new ArrayList<>(Math.max(16, n));
      FloatList values = new FloatList(n > 0 ? (long) n * dim : 1 << 16);
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (n >= 0 && words.size() == n) {
          throw new CorpusFormatException(src, lineNo, "more vectors than the " + n + " the header announces (header/row count mismatch)");
        }
        dim = parseLine(line, dim, words, values, src, lineNo);
      }
      if (n >= 0 && words.size() != n) {
        throw new CorpusFormatException(src, 0, "the header announces " + n + " vectors but the file has " + words.size() + " (truncated?)");
      }
      if (words.isEmpty() && dim < 0) {
        throw new CorpusFormatException(src, 0, "no vectors: the file is empty");
      }
      return Formats.build(path, words, values.toArray(), dim, header ? 1 : 0);
    }
  }

  /** Parses "word v1 ... vD", appending to words and values; returns D (inferred when dim < 0). */
  private static int parseLine(String line, int dim, List<String> words, FloatList values, String src, long lineNo) {
    int len = line.length();
    int i = 0;
    while (i < len && isSep(line.charAt(i))) {
      i++;
    }
    int start = i;
    while (i < len && !isSep(line.charAt(i))) {
      i++;
    }
    String word = line.substring(start, i);
    int count = 0;
    while (true) {
      while (i < len && isSep(line.charAt(i))) {
        i++;
      }
      if (i >= len) {
        break;
      }
      int s = i;
      while (i < len && !isSep(line.charAt(i))) {
        i++;
      }
      float x;
      try {
        x = FastFloat.parse(line, s, i);
      } catch (NumberFormatException e) {
        x = Float.NaN;
      }
      if (!Float.isFinite(x)) {
        throw new CorpusFormatException(
            src, lineNo, "value " + (count + 1) + " of \"" + word + "\" is not a finite number: '" + line.substring(s, i) + "'");
      }
      values.add(x);
      count++;
    }
    if (dim < 0) {
      if (count < 1) {
        throw new CorpusFormatException(src, lineNo, "expected a word followed by its vector, got '" + line + "'");
      }
      dim = count;
    } else if (count != dim) {
      throw new CorpusFormatException(src, lineNo, "expected " + dim + " values after \"" + word + "\", got " + count);
    }
    words.add(word);
    return dim;
  }

  private static boolean isSep(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /**
   * Writes text vectors, each value as the shortest decimal that reads back to the same float.
   *
   * @param header true for word2vec text, false for GloVe
   */
  static void write(OutputStream os, WordVectors v, boolean header) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    if (header) {
      out.write(v.size() + " " + v.dim() + "\n");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.size(); i++) {
      sb.setLength(0);
      sb.append(Formats.checkWord(v.word(i)));
      for (float x : v.vector(i)) {
        sb.append(' ').append(x);
      }
      sb.append('\n');
      out.write(sb.toString());
    }
    out.flush();
  }

  /** A growable float array. */
  private static final class FloatList {
    private float[] a;
    private int n;

    FloatList(long capacity) {
      a = new float[(int) Math.min(Math.max(capacity, 16), 1 << 24)];
    }

    void add(float x) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, (int) Math.min((long) a.length * 2, Integer.MAX_VALUE - 8));
      }
      a[n++] = x;
    }

    float[] toArray() {
      return n == a.length ? a : java.util.Arrays.copyOf(a, n);
    }
  }
}
