package org.seqlab.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy decoding: every row takes its most probable next token (the lowest id among equal
 * maxima) until it emits {@code <eos>} or reaches the length limit, where {@code <eos>} is forced.
 * Rows that finished are dropped from the batch, so the model only computes live rows.
 *
 * @param maxLength at most this many tokens per output, {@code <eos>} included
 */
public record GreedySearch(int maxLength) implements Decoder {
  public GreedySearch {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
  }

  @Override
  public <S extends DecoderState<S>> List<List<Hypothesis>> decode(StepModel<S> model, S initial, int[] maxLengths) {
    int n = initial.rows();
    int[] limit = Decoder.limits(n, maxLengths, maxLength);
    int eos = model.eosId();
    List<List<Hypothesis>> out = new ArrayList<>(n);
    int[][] tokens = new int[n][];
    double[] logProb = new double[n];
    int[] length = new int[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = new int[limit[i]];
      out.add(null);
    }
    int[] active = Decoder.iota(n); // row r of the state is sentence active[r]
    int[] last = new int[n];
    Arrays.fill(last, model.bosId());
    S state = initial;
    while (active.length > 0) {
      StepModel.Step<S> step = model.step(state, last);
      LogProbs lp = step.logProbs();
      int[] keep = new int[active.length];
      int kept = 0;
      for (int r = 0; r < active.length; r++) {
        int s = active[r];
        int t = length[s];
        int v = t + 1 >= limit[s] ? eos : lp.argmax(r);
        logProb[s] += lp.get(r, v);
        tokens[s][t] = v;
        length[s] = t + 1;
        if (v == eos) {
          int[] y = Arrays.copyOf(tokens[s], t);
          out.set(s, List.of(new Hypothesis(y, logProb[s], logProb[s], t + 1)));
        } else {
          keep[kept++] = r;
        }
      }
      int[] rows = Arrays.copyOf(keep, kept);
      int[] nextActive = new int[kept];
      int[] nextLast = new int[kept];
      for (int i = 0; i < kept; i++) {
        nextActive[i] = active[rows[i]];
        nextLast[i] = tokens[nextActive[i]][length[nextActive[i]] - 1];
      }
      state = kept == active.length ? step.state() : step.state().reorder(rows);
      active = nextActive;
      last = nextLast;
    }
    return out;
  }

  @Override
  public String signature() {
    return "greedy|max:" + maxLength;
  }
}
