package org.seqlab.attention.caption;

import java.util.List;
import java.util.Objects;

/**
 * A generated caption.
 *
 * @param text the tokens joined by single spaces
 * @param tokens the words, without {@code <bos>}/{@code <eos>}
 * @param logProb {@code log p(caption, <eos> | image)} in nats
 * @param score the search objective (equal to {@code logProb} for greedy search)
 * @param attention for attention models when asked for: {@code [tokens.size() + 1][G * G]} weights
 *     over the feature grid for every emitted token and the final {@code <eos>}, row-major cells;
 *     otherwise null
 * @param gridSize side {@code G} of the attention grid (0 without attention)
 */
public record Caption(String text, List<String> tokens, double logProb, double score, double[][] attention, int gridSize) {
  public Caption {
    Objects.requireNonNull(text, "text");
    tokens = List.copyOf(tokens);
  }
}
