package org.seqlab.decoding;

/**
 * A model that decoders can drive one token at a time: given each row's state and the token it
 * emitted last, it returns every row's log-probabilities for the next token and the new state.
 *
 * <p>The contract every decoder relies on:
 *
 * <ul>
 *   <li>the first call gets {@link #bosId()} in every row;
 *   <li>{@link Step#logProbs()} has {@code state.rows()} rows of {@link #vocabSize()} entries, each a
 *       normalised log-distribution (entries {@code <= 0}, {@code -Infinity} for tokens the model never
 *       emits, such as padding or {@code <bos>});
 *   <li>a call does not change its arguments, and the same state and tokens give the same result, so
 *       one model instance may serve several threads.
 * </ul>
 *
 * @param <S> the model's state type
 */
public interface StepModel<S extends DecoderState<S>> {
  /**
   * One step's result.
   *
   * @param logProbs {@code [rows, V]} next-token log-probabilities
   * @param state the state after reading the given tokens, {@code rows} rows
   */
  record Step<S>(LogProbs logProbs, S state) {
    public Step {
      java.util.Objects.requireNonNull(logProbs, "logProbs");
      java.util.Objects.requireNonNull(state, "state");
    }
  }

  /**
   * Advances every row by one token.
   *
   * @param state {@code rows} rows
   * @param lastTokens {@code rows} token ids, the token each row emitted last ({@link #bosId()} at first)
   */
  Step<S> step(S state, int[] lastTokens);

  /** Output vocabulary size {@code V}. */
  int vocabSize();

  /** The token fed at the first step. */
  int bosId();

  /** The token that ends a hypothesis. */
  int eosId();
}
