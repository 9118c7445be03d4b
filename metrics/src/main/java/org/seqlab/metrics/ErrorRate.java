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

  /** Word error rate; words are whitespace-separated. */
  public static ErrorRate wer(List<String> references, List<String> hypotheses) {
    return corpus(references, hypotheses, false);
  }

  /** Character error rate over Unicode code points (spaces included, as in most ASR toolkits). */
  public static ErrorRate cer(List<String> references, List<String> hypotheses) {
    return corpus(references, hypotheses, true);
  }

  /** Error rate between two token sequences. */
  public static <T> ErrorRate of(List<T> reference, List<T> hypothesis) {
    EditDistance.Alignment a = EditDistance.align(reference, hypothesis);
    return new ErrorRate(a.substitutions(), a.deletions(), a.insertions(), reference.size());
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
              chars
                  ? of(EditDistance.codePoints(r.strip()), EditDistance.codePoints(h.strip()))
                  : of(PyText.split(r), PyText.split(h)));
    }
    return sum;
  }
}
