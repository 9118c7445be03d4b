package org.seqlab.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chunk (span) precision, recall and F1 as CoNLL's {@code conlleval} computes them.
 *
 * <p>Tags are {@code O}, {@code B-TYPE} or {@code I-TYPE} (the type is everything after the first
 * dash). conlleval's rules for these tags: a chunk <em>starts</em> at every B, and at an I that
 * follows O or a different type; it <em>ends</em> before a B, an O or a change of type. This reads
 * both IOB1 (CoNLL-2003's original files, where I- starts a chunk and B- only separates two
 * adjacent chunks of the same type) and IOB2 (every chunk starts with B-). Sentences are scored
 * separately, so no chunk crosses a sentence boundary (conlleval treats the boundary as O). A
 * predicted chunk is correct only when its type, start and end all match a gold chunk; P = correct
 * / predicted, R = correct / gold, F1 = 2PR / (P + R), per type and micro-averaged over all chunks.
 * conlleval's E- and S- (IOBES) rules are not reproduced: such tags are rejected.
 */
public final class SpanF1 {
  /** A chunk: type and token range [start, end). */
  public record Span(String type, int start, int end) {}

  /** Precision, recall, F1 (in 0..1) with counts. */
  public record Prf(long correct, long predicted, long gold) {
    public double precision() {
      return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Micro-averaged and per-type scores. */
  public record Result(Prf overall, Map<String, Prf> byType) {}

  private SpanF1() {}

  /**
   * Scores predicted tag sequences against gold ones.
   *
   * @param gold one tag list per sentence
   * @param predicted aligned predictions, same lengths
   */
  public static Result evaluate(List<List<String>> gold, List<List<String>> predicted) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold has " + gold.size() + " sentences but predicted has " + predicted.size());
    }
    Map<String, long[]> counts = new TreeMap<>();
    long[] total = new long[3];
    for (int s = 0; s < gold.size(); s++) {
      if (gold.get(s).size() != predicted.get(s).size()) {
        throw new IllegalArgumentException(
            "sentence "
                + s
                + ": gold has "
                + gold.get(s).size()
                + " tags but predicted has "
                + predicted.get(s).size());
      }
      List<Span> g = spans(gold.get(s));
      List<Span> p = spans(predicted.get(s));
      Set<Span> goldSet = new HashSet<>(g);
      for (Span span : p) {
        long[] c = counts.computeIfAbsent(span.type(), k -> new long[3]);
        c[1]++;
        total[1]++;
        if (goldSet.contains(span)) {
          c[0]++;
          total[0]++;
        }
      }
      for (Span span : g) {
        counts.computeIfAbsent(span.type(), k -> new long[3])[2]++;
        total[2]++;
      }
    }
    Map<String, Prf> byType = new TreeMap<>();
    counts.forEach((k, c) -> byType.put(k, new Prf(c[0], c[1], c[2])));
    return new Result(new Prf(total[0], total[1], total[2]), byType);
  }

  /** The chunks of one tag sequence, by conlleval's start/end rules. */
  public static List<Span> spans(List<String> tags) {
    Objects.requireNonNull(tags, "tags");
    List<Span> out = new ArrayList<>();
    char prevTag = 'O';
    String prevType = "";
    int start = -1;
    for (int i = 0; i <= tags.size(); i++) {
      char tag = 'O';
      String type = "";
      if (i < tags.size()) {
        String t = tags.get(i);
        if (t == null) {
          throw new IllegalArgumentException("tag " + i + " is null; expected O, B-TYPE or I-TYPE");
        }
        if (!t.equals("O")) {
          if (t.length() < 2 || (t.charAt(0) != 'B' && t.charAt(0) != 'I') || t.charAt(1) != '-') {
            throw new IllegalArgumentException(
                "tag " + i + " is '" + t + "'; expected O, B-TYPE or I-TYPE");
          }
          tag = t.charAt(0);
          type = t.substring(2);
        }
      }
      boolean typeChanged = !prevType.equals(type);
      // end: a B, an O or a new type after B/I
      if (prevTag != 'O' && (tag != 'I' || typeChanged)) {
        out.add(new Span(prevType, start, i));
      }
      // start: every B; an I after O or after a different type
      if (tag == 'B' || (tag == 'I' && (prevTag == 'O' || typeChanged))) {
        start = i;
      }
      prevTag = tag;
      prevType = type;
    }
    return out;
  }
}
