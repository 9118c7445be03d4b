package org.seqlab.decoding;

import java.util.ArrayList;
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
    int[] limit = Decoder.limits(initial.rows(), maxLengths, maxLength);
    Hypothesis[] done = RowUnroll.run(model, initial, limit, (lp, r, row) -> lp.argmax(r));
    List<List<Hypothesis>> out = new ArrayList<>(done.length);
    for (Hypothesis h : done) {
      out.add(List.of(h));
    }
    return out;
  }

  @Override
  public String signature() {
    return "greedy|max:" + maxLength;
  }
}
