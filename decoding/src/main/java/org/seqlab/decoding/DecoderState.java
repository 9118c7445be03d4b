package org.seqlab.decoding;

/**
 * The recurrent state a {@link StepModel} carries for a batch of rows (one row per hypothesis).
 *
 * <p>Decoders never look inside a state; they only ask for its number of rows and {@linkplain
 * #reorder(int[]) reorder} it: after a beam search step row {@code i} continues the hypothesis that
 * was in row {@code rows[i]}, rows may repeat (a hypothesis that spawned two children) and the new
 * state may have fewer rows (finished sentences dropped). Implementations must be immutable: reorder
 * returns a new state and leaves this one usable.
 *
 * @param <S> the implementing type
 */
public interface DecoderState<S extends DecoderState<S>> {
  /** Number of rows (hypotheses). */
  int rows();

  /**
   * A state whose row {@code i} is this state's row {@code rows[i]}.
   *
   * @param rows indices in {@code [0, rows())}, any length {@code >= 0}
   * @throws IllegalArgumentException for an index out of range
   */
  S reorder(int[] rows);
}
