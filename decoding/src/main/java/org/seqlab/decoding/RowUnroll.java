package org.seqlab.decoding;

import java.util.Arrays;

/**
 * The loop shared by the one-token-per-row decoders (greedy search, sampling): every live row takes
 * the token its {@link Picker} chooses until it emits {@code <eos>} or reaches its length limit,
 * where {@code <eos>} is forced; finished rows are dropped from the batch, so the model only computes
 * live rows.
 */
final class RowUnroll {
  /** The next token of {@code row} (an index into the decoder's rows) from row {@code r} of {@code lp}. */
  @FunctionalInterface
  interface Picker {
    int pick(LogProbs lp, int r, int row);
  }

  private RowUnroll() {}

  /**
   * @param state one state row per decoder row
   * @param limit the most tokens of each row, {@code <eos>} included
   * @return the finished hypothesis of each row (score = log-probability)
   */
  static <S extends DecoderState<S>> Hypothesis[] run(StepModel<S> model, S state, int[] limit, Picker picker) {
    int m = limit.length;
    int eos = model.eosId();
    int[][] tokens = new int[m][];
    for (int i = 0; i < m; i++) {
      tokens[i] = new int[limit[i]];
    }
    double[] logProb = new double[m];
    int[] length = new int[m];
    Hypothesis[] done = new Hypothesis[m];
    int[] active = Decoder.iota(m); // row r of the state is decoder row active[r]
    int[] last = new int[m];
    Arrays.fill(last, model.bosId());
    while (active.length > 0) {
      StepModel.Step<S> step = model.step(state, last);
      LogProbs lp = step.logProbs();
      int[] keep = new int[active.length];
      int kept = 0;
      for (int r = 0; r < active.length; r++) {
        int h = active[r];
        int t = length[h];
        int v = t + 1 >= limit[h] ? eos : picker.pick(lp, r, h);
        logProb[h] += lp.get(r, v);
        tokens[h][t] = v;
        length[h] = t + 1;
        if (v == eos) {
          done[h] = new Hypothesis(Arrays.copyOf(tokens[h], t), logProb[h], logProb[h], t + 1);
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
    return done;
  }
}
