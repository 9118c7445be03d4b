package org.seqlab.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Beam search over a {@link StepModel}, batched over sentences and beams.
 *
 * <p>The state holds {@code K} rows per live sentence (row {@code p*K + j} is beam {@code j} of the
 * {@code p}-th live sentence); every step runs the model once on all rows. Per sentence, with
 * {@code score_j} the log-probability of beam {@code j}:
 *
 * <ol>
 *   <li>candidates {@code score_j + log p(v | beam j)} over all {@code (j, v)}; the best {@code 2K}
 *       are kept, ordered by score, then beam, then token (fairseq's {@code 2 x beam}: at most {@code
 *       K} of them end in {@code <eos>}, so {@code <eos>} can never starve the beam);
 *   <li>a candidate ending in {@code <eos>} among the best {@code K} becomes a finished hypothesis
 *       with score {@code logProb / T^alpha}; {@code <eos>} candidates ranked lower are dropped;
 *   <li>the best {@code K} other candidates are the next beams;
 *   <li>the sentence stops when it reaches its length limit (where only {@code <eos>} is allowed),
 *       has no live beam, or (early stopping) has {@code nBest} finished hypotheses and no live beam
 *       can reach the n-th best score ({@link LengthPenalty#bestReachable}). Stopped sentences leave
 *       the batch ({@link DecoderState#reorder} with fewer rows).
 * </ol>
 *
 * <p>At the first step only beam 0 is live, so the first {@code K} beams are distinct tokens. With a
 * beam wide enough to hold every prefix the search is exhaustive, which the tests check against
 * brute-force enumeration.
 */
public record BeamSearch(BeamSearchConfig config) implements Decoder {
  public BeamSearch {
    Objects.requireNonNull(config, "config");
  }

  /** The per-sentence bookkeeping of the live beams. */
  private static final class Sentence {
    final int id;
    final int maxLength;
    double[] scores; // [K] log-probabilities of the live beams, -Infinity for empty slots
    int[][] prefixes; // [K] tokens emitted so far
    final List<Hypothesis> finished = new ArrayList<>();

    Sentence(int id, int maxLength, int k) {
      this.id = id;
      this.maxLength = maxLength;
      this.scores = new double[k];
      Arrays.fill(scores, Double.NEGATIVE_INFINITY);
      scores[0] = 0;
      this.prefixes = new int[k][0];
    }
  }

  @Override
  public <S extends DecoderState<S>> List<List<Hypothesis>> decode(StepModel<S> model, S initial, int[] maxLengths) {
    int n = initial.rows();
    int k = config.beamSize();
    int[] limit = Decoder.limits(n, maxLengths, config.maxLength());
    List<Sentence> live = new ArrayList<>(n);
    List<Sentence> all = new ArrayList<>(n);
    int[] expand = new int[n * k];
    for (int i = 0; i < n; i++) {
      Sentence s = new Sentence(i, limit[i], k);
      live.add(s);
      all.add(s);
      Arrays.fill(expand, i * k, (i + 1) * k, i);
    }
    S state = initial.reorder(expand); // [n*K rows]
    int[] last = new int[n * k];
    Arrays.fill(last, model.bosId());
    Candidates cand = new Candidates(2 * k);
    for (int t = 0; !live.isEmpty(); t++) {
      StepModel.Step<S> step = model.step(state, last);
      LogProbs lp = step.logProbs();
      if (lp.rows() != live.size() * k) {
        throw new IllegalStateException("the model returned " + lp.rows() + " rows for a state of " + live.size() * k);
      }
      List<Sentence> next = new ArrayList<>(live.size());
      int[] rows = new int[live.size() * k];
      int[] tokens = new int[live.size() * k];
      for (int p = 0; p < live.size(); p++) {
        Sentence s = live.get(p);
        boolean forceEos = t + 1 >= s.maxLength;
        cand.collect(lp, p * k, s.scores, forceEos ? model.eosId() : -1);
        int q = next.size(); // the sentence's block in the next state, if it continues
        if (advance(s, cand, t, model.eosId(), rows, tokens, q * k, p * k) && !forceEos && !stops(s)) {
          next.add(s);
        }
      }
      live = next;
      if (!live.isEmpty()) {
        int m = live.size() * k;
        state = step.state().reorder(Arrays.copyOf(rows, m));
        last = Arrays.copyOf(tokens, m);
      }
    }
    List<List<Hypothesis>> out = new ArrayList<>(n);
    for (Sentence s : all) {
      List<Hypothesis> f = new ArrayList<>(s.finished);
      f.sort(Comparator.comparingDouble(Hypothesis::score).reversed()); // stable: earlier finished first on ties
      out.add(List.copyOf(f.subList(0, Math.min(config.nBest(), f.size()))));
    }
    return out;
  }

  /**
   * Applies one step's candidates to a sentence: finishes the {@code <eos>} candidates ranked below
   * {@code K}, and writes the next beams' source rows and tokens at {@code [dst, dst + K)}.
   *
   * @return whether any beam is still live
   */
  private boolean advance(Sentence s, Candidates c, int t, int eos, int[] rows, int[] tokens, int dst, int src) {
    int k = config.beamSize();
    double[] scores = new double[k];
    int[][] prefixes = new int[k][];
    int live = 0;
    for (int r = 0; r < c.size && live < k; r++) {
      int[] prefix = s.prefixes[c.beam[r]];
      if (c.token[r] == eos) {
        if (r < k) {
          double lp = c.score[r];
          s.finished.add(new Hypothesis(prefix, lp, config.lengthPenalty().score(lp, t + 1), t + 1));
        }
        continue;
      }
      int[] y = Arrays.copyOf(prefix, prefix.length + 1);
      y[prefix.length] = c.token[r];
      scores[live] = c.score[r];
      prefixes[live] = y;
      rows[dst + live] = src + c.beam[r];
      tokens[dst + live] = c.token[r];
      live++;
    }
    for (int j = live; j < k; j++) { // empty slots: any valid row, never selected
      scores[j] = Double.NEGATIVE_INFINITY;
      prefixes[j] = new int[0];
      rows[dst + j] = src;
      tokens[dst + j] = eos;
    }
    s.scores = scores;
    s.prefixes = prefixes;
    return live > 0;
  }

  /** Early stopping: n finished and no live beam can reach the n-th best finished score. */
  private boolean stops(Sentence s) {
    if (!config.earlyStopping() || s.finished.size() < config.nBest()) {
      return false;
    }
    double[] f = s.finished.stream().mapToDouble(Hypothesis::score).toArray();
    Arrays.sort(f);
    double nth = f[f.length - config.nBest()];
    double best = Double.NEGATIVE_INFINITY;
    for (double v : s.scores) {
      best = Math.max(best, v);
    }
    return config.lengthPenalty().bestReachable(best, s.maxLength) <= nth;
  }

  @Override
  public String signature() {
    return config.signature();
  }

  /** The best {@code capacity} (score, beam, token) candidates of one sentence, best first. */
  private static final class Candidates {
    final double[] score;
    final int[] beam;
    final int[] token;
    int size;

    Candidates(int capacity) {
      score = new double[capacity];
      beam = new int[capacity];
      token = new int[capacity];
    }

    /**
     * Scans beams in order and tokens in order, so on equal scores the earlier (lower beam, lower
     * token) candidate ranks first.
     *
     * @param only a single token to consider, or -1 for all
     */
    void collect(LogProbs lp, int firstRow, double[] beamScores, int only) {
      size = 0;
      int v = lp.vocabSize();
      double[] values = lp.values();
      for (int j = 0; j < beamScores.length; j++) {
        double base = beamScores[j];
        if (base == Double.NEGATIVE_INFINITY) {
          continue;
        }
        int off = (firstRow + j) * v;
        int from = only < 0 ? 0 : only;
        int to = only < 0 ? v : only + 1;
        for (int w = from; w < to; w++) {
          double sc = base + values[off + w];
          if (sc == Double.NEGATIVE_INFINITY || Double.isNaN(sc)) {
            continue;
          }
          if (size < score.length || sc > score[size - 1]) {
            insert(sc, j, w);
          }
        }
      }
    }

    private void insert(double sc, int j, int w) {
      int pos = Math.min(size, score.length - 1);
      while (pos > 0 && score[pos - 1] < sc) {
        pos--;
      }
      int end = Math.min(size, score.length - 1);
      System.arraycopy(score, pos, score, pos + 1, end - pos);
      System.arraycopy(beam, pos, beam, pos + 1, end - pos);
      System.arraycopy(token, pos, token, pos + 1, end - pos);
      score[pos] = sc;
      beam[pos] = j;
      token[pos] = w;
      size = Math.min(size + 1, score.length);
    }
  }
}
