package org.seqlab.decoding.ctc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A label (character) n-gram model with interpolated Witten-Bell smoothing (Witten and Bell 1991;
 * Chen and Goodman 1998, section 2.5), with an end-of-sequence symbol and start padding:
 *
 * <pre>
 *   P(w | h) = (c(h w) + N1+(h .) P(w | h')) / (c(h) + N1+(h .))      h' = h without its oldest label
 *   P(w | empty context of order 0) = 1 / (V + 1)                    (V labels plus the end symbol)
 * </pre>
 *
 * <p>where {@code c} counts training n-grams and {@code N1+(h .)} is the number of distinct labels
 * seen after {@code h}; a context never seen backs off entirely. Every distribution sums to 1 over
 * the {@code V} labels and the end symbol.
 */
public final class NgramLanguageModel implements CtcLanguageModel {
  private final int order;
  private final int vocabSize;
  private final Map<String, Counts> counts; // context (padded history, as chars) -> counts of the next symbol

  private static final class Counts {
    final int[] next;
    long total;
    int distinct;

    Counts(int size) {
      next = new int[size];
    }
  }

  private NgramLanguageModel(int order, int vocabSize, Map<String, Counts> counts) {
    this.order = order;
    this.vocabSize = vocabSize;
    this.counts = counts;
  }

  /**
   * Counts the n-grams of {@code sequences}.
   *
   * @param sequences training sequences of labels in {@code [0, vocabSize)}
   * @param vocabSize number of labels {@code V}, {@code >= 1}
   * @param order {@code n >= 1} (1: unigram)
   */
  public static NgramLanguageModel train(List<int[]> sequences, int vocabSize, int order) {
    Objects.requireNonNull(sequences, "sequences");
    if (vocabSize < 1 || vocabSize > Character.MAX_VALUE - 2) {
      throw new IllegalArgumentException("vocabSize must be in [1, " + (Character.MAX_VALUE - 2) + "], got " + vocabSize);
    }
    if (order < 1) {
      throw new IllegalArgumentException("order must be >= 1, got " + order);
    }
    Map<String, Counts> counts = new HashMap<>();
    int end = vocabSize;
    for (int i = 0; i < sequences.size(); i++) {
      int[] s = sequences.get(i);
      for (int j = 0; j <= s.length; j++) {
        int w = j == s.length ? end : s[j];
        if (w < 0 || w > end || (j < s.length && w == end)) {
          throw new IllegalArgumentException("sequence " + i + " has label " + w + " at " + j + ", outside [0, " + vocabSize + ")");
        }
        for (int k = 0; k < order; k++) { // contexts of length 0 .. order-1
          Counts c = counts.computeIfAbsent(context(s, j, k, vocabSize), x -> new Counts(vocabSize + 1));
          if (c.next[w]++ == 0) {
            c.distinct++;
          }
          c.total++;
        }
      }
    }
    return new NgramLanguageModel(order, vocabSize, counts);
  }

  /**
   * Trains on text, mapping each character through {@code alphabet} (label {@code i} is the
   * {@code i}-th character); characters outside it are an error naming the line and column.
   */
  public static NgramLanguageModel trainOnText(List<String> lines, String alphabet, int order) {
    int[][] seqs = new int[lines.size()][];
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      seqs[i] = new int[line.length()];
      for (int j = 0; j < line.length(); j++) {
        int id = alphabet.indexOf(line.charAt(j));
        if (id < 0) {
          throw new IllegalArgumentException("line " + (i + 1) + ", column " + (j + 1) + ": character '" + line.charAt(j)
              + "' is not in the alphabet \"" + alphabet + "\"");
        }
        seqs[i][j] = id;
      }
    }
    return train(Arrays.asList(seqs), alphabet.length(), order);
  }

  /** The last {@code k} symbols before position {@code j}, padded on the left with the start symbol. */
  private static String context(int[] s, int j, int k, int vocabSize) {
    char[] c = new char[k];
    for (int i = 0; i < k; i++) {
      int pos = j - k + i;
      c[i] = (char) (pos < 0 ? vocabSize + 1 : s[pos]);
    }
    return new String(c);
  }

  public int order() {
    return order;
  }

  public int vocabSize() {
    return vocabSize;
  }

  @Override
  public double logProb(int[] history, int label) {
    if (label < 0 || label >= vocabSize) {
      throw new IllegalArgumentException("label " + label + " is outside [0, " + vocabSize + ")");
    }
    return Math.log(prob(history, label));
  }

  @Override
  public double endLogProb(int[] history) {
    return Math.log(prob(history, vocabSize));
  }

  /** {@code P(w | history)} for a label or the end symbol ({@code w = V}). */
  double prob(int[] history, int w) {
    double p = 1.0 / (vocabSize + 1);
    for (int k = 0; k < order; k++) {
      Counts c = counts.get(context(history, history.length, k, vocabSize));
      if (c == null) {
        break; // longer contexts extend this one, so they are unseen too
      }
      p = (c.next[w] + c.distinct * p) / (c.total + c.distinct);
    }
    return p;
  }

  /** For example {@code ngram|order:3|vocab:10|wb}. */
  public String signature() {
    return "ngram|order:" + order + "|vocab:" + vocabSize + "|wb";
  }
}
