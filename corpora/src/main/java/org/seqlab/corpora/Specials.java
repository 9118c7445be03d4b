package org.seqlab.corpora;

import java.util.List;

/**
 * Which reserved tokens a {@link Vocabulary} starts with. Sequence models want {@link #STANDARD}
 * (padding, unknown words, sentence boundaries); word embeddings want {@link #NONE}, so that every id
 * is a real word.
 */
public enum Specials {
  /** No reserved tokens: id 0 is the most frequent word. */
  NONE(List.of()),
  /**
   * {@code <pad>}=0 ({@link Vocabulary#PAD_ID}), {@code <unk>}=1, {@code <bos>}=2, {@code <eos>}=3;
   * regular tokens start at id 4.
   */
  STANDARD(List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS, Vocabulary.EOS));

  private final List<String> tokens;

  Specials(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The reserved tokens in id order. */
  public List<String> tokens() {
    return tokens;
  }

  /** Number of reserved ids, which is also the first regular id. */
  public int size() {
    return tokens.size();
  }
}
