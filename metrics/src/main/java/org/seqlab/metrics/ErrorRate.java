package org.seqlab.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Word and character error rates: total edits over total reference length, summed over the corpus
 * (not averaged per sentence).
 *
 * @param substitutions total substitutions
 * @param deletions total deletions
 * @param insertions total insertions
 * @param referenceLength total reference tokens (words or characters)
 */
public record ErrorRate(long substitutions, long deletions, long insertions, long referenceLength) {
  public ErrorRate {
    if (substitutions < 0 || deletions < 0 || insertions < 0 || referenceLength < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got substitutions="
              + substitutions
              + " deletions="
              + deletions
              + " insertions="
              + insertions
              + " referenceLength="
              + referenceLength);
    }
    if (substitutions + deletions > referenceLength) {
      throw new IllegalArgumentException(
          "substitutions + deletions (" + (substitutions + deletions) + ") exceed referenceLength " + referenceLength);
    }
  }

  /** Edits / reference length; infinite when the reference is empty but edits exist, 0 if neither. */
  public double rate() {
    long edits = substitutions + deletions + insertions;
    if (referenceLength == 0) {
      return edits == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
    return (double) edits / referenceLength;
  }

  public ErrorRate plus(ErrorRate o) {
    return new ErrorRate(
        substitutions + o.substitutions,
        deletions + o.deletions,
        insertions + o.insertions,
        referenceLength + o.referenceLength);
  }

  /** Word error rate; words are separated by runs of whitespace (Python's {@code str.split()}). */
  public static ErrorRate wer(List<String> references, List<String> hypotheses) {
    return corpus(references, hypotheses, false);
  }

  /**
   * Character error rate over Unicode code points; leading and trailing whitespace is removed
   * ({@link String#strip()}), inner spaces count as characters.
   */
  public static ErrorRate cer(List<String> references, List<String> hypotheses) {
    return corpus(references, hypotheses, true);
  }

  /** Error rate between two token sequences. */
  public static <T> ErrorRate of(List<T> reference, List<T> hypothesis) {
    EditDistance.Alignment a = EditDistance.align(reference, hypothesis);
    return new ErrorRate(a.substitutions(), a.deletions(), a.insertions(), reference.size());
  }

  /** Error rate between the code points of two strings. */
  public static ErrorRate of(String reference, String hypothesis) {
    EditDistance.Alignment a = EditDistance.align(reference, hypothesis);
    return new ErrorRate(
        a.substitutions(), a.deletions(), a.insertions(), reference.codePointCount(0, reference.length()));
  }

  private static ErrorRate corpus(List<String> refs, List<String> hyps, boolean chars) {
    Objects.requireNonNull(refs, "references");
    Objects.requireNonNull(hyps, "hypotheses");
    if (refs.size() != hyps.size()) {
      throw new IllegalArgumentException(
          "got " + refs.size() + " references but " + hyps.size() + " hypotheses; they must be aligned");
    }
    ErrorRate sum = new ErrorRate(0, 0, 0, 0);
    for (int i = 0; i < refs.size(); i++) {
      String r = Objects.requireNonNull(refs.get(i), "reference " + i);
      String h = Objects.requireNonNull(hyps.get(i), "hypothesis " + i);
      sum =
          sum.plus(
              chars ? of(r.strip(), h.strip()) : of(PyText.split(r), PyText.split(h)));
    }
    return sum;
  }
}
