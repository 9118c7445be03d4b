package org.seqlab.decoding;

import java.util.Arrays;
import java.util.Objects;

/**
 * A view of a {@link StepModel} that never emits some tokens (padding, {@code <bos>}, {@code
 * <unk>}): their probability is set to 0 and every row is renormalised, {@code log p'(v) = log p(v) -
 * log(1 - sum_{b in banned} p(b))}.
 */
public final class BannedTokens<S extends DecoderState<S>> implements StepModel<S> {
  private final StepModel<S> model;
  private final int[] banned;

  /**
   * @param banned token ids in {@code [0, V)}; never {@code <eos>}
   */
  public BannedTokens(StepModel<S> model, int... banned) {
    this.model = Objects.requireNonNull(model, "model");
    this.banned = banned.clone();
    for (int b : this.banned) {
      if (b < 0 || b >= model.vocabSize() || b == model.eosId()) {
        throw new IllegalArgumentException("banned token " + b + " must be in [0, " + model.vocabSize()
            + ") and not <eos> " + model.eosId());
      }
    }
  }

  @Override
  public Step<S> step(S state, int[] lastTokens) {
    Step<S> s = model.step(state, lastTokens);
    LogProbs lp = s.logProbs();
    int v = lp.vocabSize();
    double[] out = lp.values().clone();
    for (int r = 0; r < lp.rows(); r++) {
      double mass = 0;
      for (int b : banned) {
        mass += Math.exp(out[r * v + b]);
        out[r * v + b] = Double.NEGATIVE_INFINITY;
      }
      double shift = Math.log1p(-Math.min(mass, 1 - 1e-300));
      for (int k = 0; k < v; k++) {
        out[r * v + k] -= shift;
      }
    }
    return new Step<>(new LogProbs(lp.rows(), v, out), s.state());
  }

  @Override
  public int vocabSize() {
    return model.vocabSize();
  }

  @Override
  public int bosId() {
    return model.bosId();
  }

  @Override
  public int eosId() {
    return model.eosId();
  }

  @Override
  public String toString() {
    return model + " without " + Arrays.toString(banned);
  }
}
