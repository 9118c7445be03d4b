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
 * <p>Tags are {@code O} or {@code PREFIX-TYPE} with prefix B, I, E or S. A chunk starts at a B or
 * S tag, at an I or E tag after O, or where the type changes; this accepts both IOB1 (CoNLL-2003's
 * original files) and IOB2. A predicted chunk counts as correct only when its type, start and end
 * all match a gold chunk.
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
    List<Span> out = new ArrayList<>();
    String prevTag = "O";
    String prevType = "";
    int start = -1;
    for (int i = 0; i <= tags.size(); i++) {
      String tag;
      String type;
      if (i == tags.size()) {
        tag = "O";
        type = "";
      } else {
        String t = Objects.requireNonNull(tags.get(i), "tag " + i);
        int dash = t.indexOf('-');
        if (t.equals("O")) {
          tag = "O";
          type = "";
        } else if (dash == 1 && "BIES".indexOf(t.charAt(0)) >= 0) {
          tag = t.substring(0, 1);
          type = t.substring(2);
        } else {
          throw new IllegalArgumentException(
              "tag " + i + " is '" + t + "'; expected O or B-/I-/E-/S-TYPE");
        }
      }
      if (start >= 0 && endOfChunk(prevTag, tag, prevType, type)) {
        out.add(new Span(prevType, start, i));
        start = -1;
      }
      if (startOfChunk(prevTag, tag, prevType, type)) {
        start = i;
      }
      prevTag = tag;
      prevType = type;
    }
    return out;
  }

  private static boolean endOfChunk(String prevTag, String tag, String prevType, String type) {
    return switch (prevTag) {
      case "B", "I" -> tag.equals("B") || tag.equals("S") || tag.equals("O") || !prevType.equals(type);
      case "E", "S" -> true;
      default -> false;
    };
  }

  private static boolean startOfChunk(String prevTag, String tag, String prevType, String type) {
    return switch (tag) {
      case "B", "S" -> true;
      case "I", "E" ->
          prevTag.equals("E") || prevTag.equals("S") || prevTag.equals("O") || !prevType.equals(type);
      default -> false;
    };
  }
}
