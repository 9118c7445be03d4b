package org.seqlab.embeddings.eval;

import java.util.Locale;

/**
 * Analogy accuracy of one section (or of an aggregate: semantic, syntactic, total).
 *
 * @param name the section name
 * @param correct questions answered correctly
 * @param total questions evaluated (those with all four words in the restricted vocabulary)
 * @param skipped questions skipped because a word was outside the restricted vocabulary
 */
public record SectionScore(String name, int correct, int total, int skipped) {
  public SectionScore {
    if (correct < 0 || correct > total || skipped < 0) {
      throw new IllegalArgumentException(
          "need 0 <= correct <= total and skipped >= 0, got correct " + correct + ", total " + total + ", skipped " + skipped);
    }
  }

  /** correct / total, or NaN when no question was evaluated. */
  public double accuracy() {
    return total == 0 ? Double.NaN : (double) correct / total;
  }

  /** The sum of two scores under a new name. */
  public SectionScore plus(SectionScore o, String newName) {
    return new SectionScore(newName, correct + o.correct, total + o.total, skipped + o.skipped);
  }

  /** {@code "name: 45.1 % (451/1000, 12 skipped)"}. */
  public String format() {
    return String.format(Locale.ROOT, "%s: %.1f %% (%d/%d, %d skipped)", name, 100 * accuracy(), correct, total, skipped);
  }
}
