package org.seqlab.corpora;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The lines of a text file (UTF-8, or plain/.gz/.zip via {@link TextSource}), without terminators.
 * Invalid bytes raise {@link CorpusFormatException} with the path and line number. Immutable and
 * restartable: each {@link #iterator()} re-reads the file.
 */
public final class LineCorpus implements Corpus<String> {
  private final TextSource source;

  private LineCorpus(TextSource source) {
    this.source = source;
  }

  /**
   * The lines of a UTF-8 file.
   *
   * @throws IllegalArgumentException if the file is missing or has no non-blank line
   */
  public static LineCorpus open(Path path) {
    return of(TextSource.of(path));
  }

  /**
   * The lines of {@code source}.
   *
   * @throws IllegalArgumentException if the source has no non-blank line
   */
  public static LineCorpus of(TextSource source) {
    LineCorpus c = new LineCorpus(Objects.requireNonNull(source, "source"));
    try (CorpusIterator<Line> it = c.numbered().iterator()) {
      while (it.hasNext()) {
        if (!it.next().text().isBlank()) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException(
        "corpus " + source + " is empty; expected at least one non-blank line");
  }

  public TextSource source() {
    return source;
  }

  @Override
  public CorpusIterator<String> iterator() {
    LineIterator lines = new LineIterator(source);
    return new CorpusIterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public String next() {
        return lines.next().text();
      }

      @Override
      public void close() {
        lines.close();
      }
    };
  }

  /** The lines with their 1-based numbers, for error messages downstream. */
  public Corpus<Line> numbered() {
    return () -> new LineIterator(source);
  }

  /** The non-blank lines only. */
  public Corpus<String> nonBlank() {
    return filter(l -> !l.isBlank());
  }

  /** Each non-blank line split by {@code tokenizer}: a restartable sentence corpus. */
  public SentenceCorpus tokenized(Tokenizer tokenizer) {
    return new SentenceCorpus(this, tokenizer);
  }

  @Override
  public String toString() {
    return "LineCorpus(" + source + ")";
  }
}
