package org.seqlab.embeddings.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlab.corpora.TextSource;

/**
 * A word-similarity test set such as WordSim353 or SimLex-999 in gensim's tab-separated form: {@code
 * #} comment lines, then {@code word1 TAB word2 TAB score}. As in gensim's {@code
 * evaluate_word_pairs}, a line without exactly three fields or with a non-numeric score is skipped
 * and counted.
 *
 * @param pairs the pairs in file order
 * @param invalidLines skipped malformed lines
 */
public record WordPairs(List<Pair> pairs, int invalidLines) {
  /** A scored pair; {@code score} is the human judgement. */
  public record Pair(String a, String b, double score) {}

  public WordPairs {
    pairs = List.copyOf(pairs);
  }

  /**
   * Reads a pair file (UTF-8).
   *
   * @throws org.seqlab.corpora.CorpusFormatException naming the path and line on invalid UTF-8
   */
  public static WordPairs read(Path path) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    int invalid = 0;
    try (BufferedReader r = TextSource.of(path).openReader()) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Pair p = f.length == 3 ? parse(f) : null;
        if (p == null) {
          invalid++;
        } else {
          pairs.add(p);
        }
      }
    }
    return new WordPairs(pairs, invalid);
  }

  private static Pair parse(String[] f) {
    String a = f[0].strip();
    String b = f[1].strip();
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    try {
      double s = Double.parseDouble(f[2].strip());
      return Double.isFinite(s) ? new Pair(a, b, s) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
