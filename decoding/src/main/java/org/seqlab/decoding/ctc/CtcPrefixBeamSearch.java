package org.seqlab.decoding.ctc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CTC prefix beam search (Graves 2012, section 7.5; Hannun et al. 2014, "First-pass large
 * vocabulary continuous speech recognition using bi-directional recurrent DNNs", algorithm 1).
 *
 * <p>Each prefix {@code W} carries two acoustic log-probabilities over the frames read so far: {@code
 * b} for alignments ending in a blank and {@code n} for alignments ending in its last label. Reading
 * frame {@code t} with log-probabilities {@code y}:
 *
 * <pre>
 *   W     <- b' = lse(b, n) + y(∅),    n' += n + y(last(W))            (blank; repeated last label)
 *   W + c <- n' += lse(b, n) + y(c)      for c != last(W)
 *   W + c <- n' += b + y(c)              for c == last(W) (a repeat needs a blank between)
 * </pre>
 *
 * <p>and the {@code beamWidth} prefixes with the highest {@code lse(b, n) + alpha log P_lm(W) + beta
 * |W|} survive. The language model and bonus depend only on the prefix, so they are added once per
 * extension and the acoustic part stays a true sum over alignments. At the end {@code alpha log
 * P_lm(end | W)} is added. Ties are broken by the label sequence, so results are deterministic.
 */
public final class CtcPrefixBeamSearch {
  private final CtcBeamConfig config;
  private final CtcLanguageModel lm;

  /** Without a language model. */
  public CtcPrefixBeamSearch(CtcBeamConfig config) {
    this(config, null);
  }

  /**
   * @param lm the language model, or null (then {@code lmWeight} must be 0)
   */
  public CtcPrefixBeamSearch(CtcBeamConfig config, CtcLanguageModel lm) {
    this.config = Objects.requireNonNull(config, "config");
    if (lm == null && config.lmWeight() != 0) {
      throw new IllegalArgumentException("lmWeight " + config.lmWeight() + " needs a language model");
    }
    this.lm = lm;
  }

  public CtcBeamConfig config() {
    return config;
  }

  private static final class Beam {
    final int[] labels;
    final double lmPart; // alpha log P_lm(labels) + beta |labels|
    final double lmLogProb;
    double b = Double.NEGATIVE_INFINITY;
    double n = Double.NEGATIVE_INFINITY;

    Beam(int[] labels, double lmPart, double lmLogProb) {
      this.labels = labels;
      this.lmPart = lmPart;
      this.lmLogProb = lmLogProb;
    }

    double acoustic() {
      return lse(b, n);
    }

    double score() {
      return acoustic() + lmPart;
    }
  }

  private record Key(int[] labels) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(labels, k.labels);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(labels);
    }
  }

  /**
   * Decodes one utterance.
   *
   * @param logProbs {@code [T][C]} per-frame log-probabilities (e.g. {@link Frames#logSoftmax})
   * @return up to {@code beamWidth} hypotheses, best first
   */
  public List<CtcHypothesis> decode(double[][] logProbs) {
    Frames.check(logProbs, config.blank());
    int blank = config.blank();
    Map<Key, Beam> beams = new LinkedHashMap<>();
    Beam empty = new Beam(new int[0], 0, 0);
    empty.b = 0;
    beams.put(new Key(empty.labels), empty);
    for (double[] y : logProbs) {
      Map<Key, Beam> next = new LinkedHashMap<>();
      for (Beam w : beams.values()) {
        double total = w.acoustic();
        Beam same = entry(next, w.labels, w);
        same.b = lse(same.b, total + y[blank]);
        int last = w.labels.length == 0 ? -1 : w.labels[w.labels.length - 1];
        if (last >= 0) {
          same.n = lse(same.n, w.n + y[last]);
        }
        for (int c = 0; c < y.length; c++) {
          if (c == blank || y[c] < config.pruneLogProb()) {
            continue;
          }
          int[] ext = Arrays.copyOf(w.labels, w.labels.length + 1);
          ext[w.labels.length] = c;
          Beam e = extension(next, ext, w, c);
          e.n = lse(e.n, (c == last ? w.b : total) + y[c]);
        }
      }
      beams = prune(next, config.beamWidth());
    }
    List<CtcHypothesis> out = new ArrayList<>();
    for (Beam w : beams.values()) {
      double end = lm == null ? 0 : lm.endLogProb(w.labels);
      double score = w.score() + config.lmWeight() * end;
      out.add(new CtcHypothesis(w.labels, score, w.acoustic(), w.lmLogProb + end));
    }
    out.sort(Comparator.comparingDouble(CtcHypothesis::score).reversed().thenComparing(CtcHypothesis::labels, Arrays::compare));
    return out;
  }

  /** The best hypothesis' labels. */
  public int[] best(double[][] logProbs) {
    return decode(logProbs).get(0).labels();
  }

  private static Beam entry(Map<Key, Beam> next, int[] labels, Beam source) {
    return next.computeIfAbsent(new Key(labels), k -> new Beam(labels, source.lmPart, source.lmLogProb));
  }

  private Beam extension(Map<Key, Beam> next, int[] labels, Beam parent, int c) {
    return next.computeIfAbsent(new Key(labels), k -> {
      double lp = lm == null ? 0 : lm.logProb(parent.labels, c);
      return new Beam(labels, parent.lmPart + config.lmWeight() * lp + config.insertionBonus(), parent.lmLogProb + lp);
    });
  }

  private static Map<Key, Beam> prune(Map<Key, Beam> next, int width) {
    List<Beam> all = new ArrayList<>(next.values());
    all.sort(Comparator.comparingDouble(Beam::score).reversed().thenComparing(w -> w.labels, Arrays::compare));
    Map<Key, Beam> kept = new LinkedHashMap<>();
    for (Beam w : all.subList(0, Math.min(width, all.size()))) {
      if (w.score() == Double.NEGATIVE_INFINITY && !kept.isEmpty()) {
        break;
      }
      kept.put(new Key(w.labels), w);
    }
    return kept;
  }

  static double lse(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
