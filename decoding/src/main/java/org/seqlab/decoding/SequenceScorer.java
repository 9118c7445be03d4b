package org.seqlab.decoding;

import java.util.Arrays;
import java.util.List;

/**
 * Teacher-forced scoring through a {@link StepModel}: {@code log P(y | x) = sum_t log p(y_t | y_<t,
 * x)} over the tokens of {@code y} and a final {@code <eos>}, batched over sentences. The same
 * quantity as {@link Hypothesis#logProb()}, so a reference and a decoder output can be compared.
 */
public final class SequenceScorer {
  private SequenceScorer() {}

  /**
   * Scores one target per row of {@code initial}.
   *
   * @param targets per row, the tokens without {@code <bos>} and {@code <eos>}
   * @return per row, {@code log P(targets[i] + <eos> | x_i)}
   */
  public static <S extends DecoderState<S>> double[] logProbs(StepModel<S> model, S initial, List<int[]> targets) {
    int n = initial.rows();
    if (targets.size() != n) {
      throw new IllegalArgumentException("got " + targets.size() + " targets for a state of " + n + " rows");
    }
    int steps = 0;
    for (int i = 0; i < n; i++) {
      int[] y = targets.get(i);
      for (int v : y) {
        if (v < 0 || v >= model.vocabSize() || v == model.eosId()) {
          throw new IllegalArgumentException(
              "targets[" + i + "] holds token " + v + "; expected ids in [0, " + model.vocabSize() + ") other than <eos> "
                  + model.eosId());
        }
      }
      steps = Math.max(steps, y.length + 1);
    }
    double[] out = new double[n];
    int[] last = new int[n];
    Arrays.fill(last, model.bosId());
    S state = initial;
    for (int t = 0; t < steps; t++) {
      LogProbs lp;
      StepModel.Step<S> step = model.step(state, last);
      lp = step.logProbs();
      for (int i = 0; i < n; i++) {
        int[] y = targets.get(i);
        if (t <= y.length) { // finished rows keep stepping on <eos>; their scores are ignored
          int v = t < y.length ? y[t] : model.eosId();
          out[i] += lp.get(i, v);
          last[i] = v;
        }
      }
      state = step.state();
    }
    return out;
  }
}
