package org.seqlab.corpora.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.CorpusIterator;
import org.seqlab.corpora.Line;
import org.seqlab.corpora.LineCorpus;
import org.seqlab.corpora.TextSource;

/** Small whole-file helpers shared by the loaders. */
final class Texts {
  private Texts() {}

  /** The whole file as one string (strict decoding). */
  static String readAll(TextSource source) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1 << 16];
    try (BufferedReader r = source.openReader()) {
      int n;
      while ((n = r.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
    return sb.toString();
  }

  /** The numbered lines of a file. */
  static List<Line> lines(TextSource source) {
    List<Line> out = new ArrayList<>();
    try (CorpusIterator<Line> it = LineCorpus.of(source).numbered().iterator()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
