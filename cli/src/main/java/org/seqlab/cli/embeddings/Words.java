package org.seqlab.cli.embeddings;

import org.seqlab.embeddings.WordVectors;

/** Checks on words given on the command line. */
final class Words {
  private Words() {}

  /** Throws an IAE (exit code 2) naming the first word not in the vocabulary. */
  static void requireKnown(WordVectors v, String... words) {
    for (String w : words) {
      if (!v.contains(w)) {
        throw new IllegalArgumentException(
            "unknown word \"" + w + "\": not in the vocabulary of " + v.size() + " words" + hint(v, w));
      }
    }
  }

  private static String hint(WordVectors v, String w) {
    String lower = w.toLowerCase(java.util.Locale.ROOT);
    return !lower.equals(w) && v.contains(lower) ? " (did you mean \"" + lower + "\"?)" : "";
  }
}
