package org.seqlab.embeddings.eval;

import java.util.List;

/**
 * The outcome of {@link AnalogyEval}: per-section scores plus the semantic, syntactic and total
 * aggregates, with gensim's counting (a question with any word outside the top-N vocabulary is
 * skipped, not counted wrong).
 *
 * @param sections per-section scores in file order
 * @param semantic the sum over semantic sections
 * @param syntactic the sum over syntactic ({@code gram*}) sections
 * @param total the sum over all sections
 * @param invalidLines lines of the file that were not four-word questions
 * @param signature how the score was computed, e.g. {@code analogy|method:3cosadd|restrict:30000|case:fold|v:1}
 */
public record AnalogyResult(
    List<SectionScore> sections,
    SectionScore semantic,
    SectionScore syntactic,
    SectionScore total,
    int invalidLines,
    String signature) {
  public AnalogyResult {
    sections = List.copyOf(sections);
  }

  /** Skipped questions as a fraction of all questions read (gensim's "OOV ratio"). */
  public double oovRatio() {
    int all = total.total() + total.skipped();
    return all == 0 ? Double.NaN : (double) total.skipped() / all;
  }
}
