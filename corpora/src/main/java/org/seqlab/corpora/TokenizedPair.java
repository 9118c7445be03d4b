package org.seqlab.corpora;

import java.util.List;

/**
 * A tokenized source sentence and its tokenized translation.
 *
 * @param source source tokens (unmodifiable copy)
 * @param target target tokens (unmodifiable copy)
 */
public record TokenizedPair(List<String> source, List<String> target) {
  public TokenizedPair {
    source = List.copyOf(source);
    target = List.copyOf(target);
  }
}
