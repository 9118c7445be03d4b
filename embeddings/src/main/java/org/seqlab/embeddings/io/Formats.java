package org.seqlab.embeddings.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.WordVectors;

/** Checks shared by the codecs. */
final class Formats {
  private Formats() {}

  /**
   * Builds the table, turning a duplicate word into a format error that names both records.
   *
   * @param lineOffset added to a record's 0-based index to give its line number (1 after a header
   *     line, 0 without one), or -1 to name records rather than lines (binary files)
   */
  static WordVectors build(Path path, List<String> words, float[] m, int dim, int lineOffset) {
    Map<String, Integer> seen = new HashMap<>(2 * words.size());
    for (int i = 0; i < words.size(); i++) {
      Integer prev = seen.putIfAbsent(words.get(i), i);
      if (prev != null) {
        String msg = "duplicate word \"" + words.get(i) + "\" (first at " + where(prev, lineOffset) + ")";
        if (lineOffset < 0) {
          throw new CorpusFormatException(path.toString(), 0, where(i, lineOffset) + ": " + msg);
        }
        throw new CorpusFormatException(path.toString(), i + 1 + lineOffset, msg);
      }
    }
    return WordVectors.of(words, m, dim);
  }

  static WordVectors build(Path path, List<String> words, float[] m, int dim) {
    return build(path, words, m, dim, -1);
  }

  private static String where(int i, int lineOffset) {
    return lineOffset < 0 ? "record " + (i + 1) : "line " + (i + 1 + lineOffset);
  }

  /** The word, if it can be stored in the whitespace-separated formats; IAE naming it otherwise. */
  static String checkWord(String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "word \"" + w + "\" contains whitespace or a control character (U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) c) + ") and cannot be written in a word2vec/GloVe file");
      }
    }
    return w;
  }
}
