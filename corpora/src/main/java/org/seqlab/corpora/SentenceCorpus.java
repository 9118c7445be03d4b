package org.seqlab.corpora;

import java.util.List;
import java.util.Objects;

/**
 * One sentence per non-blank line of a {@link LineCorpus}, split by a {@link Tokenizer}. Sentences
 * with no token (a line of punctuation the tokenizer drops) are skipped. Restartable; thread-safe when
 * the tokenizer is.
 */
public final class SentenceCorpus implements Corpus<List<String>> {
  private final LineCorpus lines;
  private final Tokenizer tokenizer;

  public SentenceCorpus(LineCorpus lines, Tokenizer tokenizer) {
    this.lines = Objects.requireNonNull(lines, "lines");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
  }

  public LineCorpus lines() {
    return lines;
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public CorpusIterator<List<String>> iterator() {
    return lines.nonBlank().map(tokenizer::tokenize).filter(s -> !s.isEmpty()).iterator();
  }

  @Override
  public String toString() {
    return "SentenceCorpus(" + lines.source() + ", " + tokenizer.signature() + ")";
  }
}
