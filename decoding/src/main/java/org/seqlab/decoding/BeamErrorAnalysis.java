package org.seqlab.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Attributes decoding errors to the search or to the model (as in Andrew Ng's deep learning course
 * and Stahlberg and Byrne 2019, "On NMT Search Errors and Model Errors"). For a source {@code x},
 * a reference {@code y*} and the decoder output {@code y^}:
 *
 * <ul>
 *   <li>{@code y^ = y*}: correct;
 *   <li>{@code score(y*) > score(y^)}: a <b>search error</b>: the model prefers the reference, the
 *       search did not find it (a wider beam may help);
 *   <li>otherwise a <b>model error</b>: the model itself ranks the wrong output at least as high.
 * </ul>
 *
 * <p>{@code score} is {@code log P(y | x)} (under {@link LengthPenalty#NONE}) or the length-normalised
 * search objective {@code log P(y | x) / T^alpha}, so the comparison matches what the search optimised.
 */
public final class BeamErrorAnalysis {
  /** The verdict for one sentence. */
  public enum Kind {
    CORRECT,
    SEARCH_ERROR,
    MODEL_ERROR
  }

  /**
   * One sentence.
   *
   * @param kind the verdict
   * @param referenceLogProb {@code log P(y* | x)}
   * @param outputLogProb {@code log P(y^ | x)}
   * @param referenceScore the objective of the reference
   * @param outputScore the objective of the output
   */
  public record Case(Kind kind, double referenceLogProb, double outputLogProb, double referenceScore, double outputScore) {}

  /**
   * The corpus summary.
   *
   * @param cases one per sentence, in input order
   * @param lengthPenalty the objective used
   */
  public record Report(List<Case> cases, LengthPenalty lengthPenalty) {
    public Report {
      cases = List.copyOf(cases);
      Objects.requireNonNull(lengthPenalty, "lengthPenalty");
    }

    public long count(Kind kind) {
      return cases.stream().filter(c -> c.kind() == kind).count();
    }

    /** Fraction of all sentences with this verdict (0 for an empty report). */
    public double fraction(Kind kind) {
      return cases.isEmpty() ? 0 : (double) count(kind) / cases.size();
    }

    /** Fraction of the wrong outputs that are search errors (0 when none are wrong). */
    public double searchErrorShare() {
      long wrong = cases.size() - count(Kind.CORRECT);
      return wrong == 0 ? 0 : (double) count(Kind.SEARCH_ERROR) / wrong;
    }

    /** For example {@code 1000 sentences: correct 12.0%, search errors 3.1%, model errors 84.9% (alpha 0)}. */
    public String format() {
      return String.format(Locale.ROOT, "%d sentences: correct %.1f%%, search errors %.1f%%, model errors %.1f%%"
              + " (%.1f%% of the errors are search errors; objective logP/T^%s)",
          cases.size(), 100 * fraction(Kind.CORRECT), 100 * fraction(Kind.SEARCH_ERROR), 100 * fraction(Kind.MODEL_ERROR),
          100 * searchErrorShare(), BeamSearchConfig.fmt(lengthPenalty.alpha()));
    }
  }

  private BeamErrorAnalysis() {}

  /**
   * Scores references and outputs under the model and classifies every sentence.
   *
   * @param initial one row per sentence (the encoded sources)
   * @param references per sentence, {@code y*} without {@code <bos>}/{@code <eos>}
   * @param outputs per sentence, the decoder's {@code y^} without {@code <bos>}/{@code <eos>}
   */
  public static <S extends DecoderState<S>> Report analyze(
      StepModel<S> model, S initial, List<int[]> references, List<int[]> outputs, LengthPenalty lengthPenalty) {
    Objects.requireNonNull(lengthPenalty, "lengthPenalty");
    if (references.size() != initial.rows() || outputs.size() != initial.rows()) {
      throw new IllegalArgumentException("got " + references.size() + " references and " + outputs.size()
          + " outputs for " + initial.rows() + " sentences");
    }
    double[] ref = SequenceScorer.logProbs(model, initial, references);
    double[] out = SequenceScorer.logProbs(model, initial, outputs);
    List<Case> cases = new ArrayList<>(ref.length);
    for (int i = 0; i < ref.length; i++) {
      double rs = lengthPenalty.score(ref[i], references.get(i).length + 1);
      double os = lengthPenalty.score(out[i], outputs.get(i).length + 1);
      Kind kind = Arrays.equals(references.get(i), outputs.get(i)) ? Kind.CORRECT
          : rs > os ? Kind.SEARCH_ERROR : Kind.MODEL_ERROR;
      cases.add(new Case(kind, ref[i], out[i], rs, os));
    }
    return new Report(cases, lengthPenalty);
  }
}
