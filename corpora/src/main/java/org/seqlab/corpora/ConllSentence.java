package org.seqlab.corpora;

import java.util.List;

/**
 * One sentence of a CoNLL-2003 file: parallel lists of words and their POS, chunk and NER tags (all
 * of equal length, at least 1).
 *
 * @param words the tokens
 * @param pos Penn Treebank part-of-speech tags
 * @param chunk syntactic chunk tags (IOB)
 * @param ner named-entity tags (IOB1 in the original CoNLL-2003 files)
 * @param firstLine the 1-based line number of the first token, for error messages
 */
public record ConllSentence(
    List<String> words, List<String> pos, List<String> chunk, List<String> ner, long firstLine) {
  public ConllSentence {
    words = List.copyOf(words);
    pos = List.copyOf(pos);
    chunk = List.copyOf(chunk);
    ner = List.copyOf(ner);
    if (words.isEmpty()
        || pos.size() != words.size()
        || chunk.size() != words.size()
        || ner.size() != words.size()) {
      throw new IllegalArgumentException(
          "columns must have equal non-zero length, got words=" + words.size() + " pos=" + pos.size()
              + " chunk=" + chunk.size() + " ner=" + ner.size());
    }
  }

  /** Number of tokens. */
  public int size() {
    return words.size();
  }
}
