package org.seqlab.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Reads the CoNLL-2003 column format: one token per line as {@code word POS chunk NER} separated by
 * spaces (or tabs), a blank line between sentences, and {@code -DOCSTART-} lines (document
 * boundaries) skipped. A line with a different number of columns raises {@link
 * CorpusFormatException} naming the path, the line and the expected column count.
 *
 * <p>Reference: Tjong Kim Sang and De Meulder, "Introduction to the CoNLL-2003 Shared Task",
 * CoNLL 2003. Restartable and immutable.
 */
public final class ConllReader implements Corpus<ConllSentence> {
  /** Columns per token line: word, POS, chunk, NER. */
  public static final int COLUMNS = 4;

  private static final String DOCSTART = "-DOCSTART-";

  private final TextSource source;

  private ConllReader(TextSource source) {
    this.source = source;
  }

  /**
   * @throws IllegalArgumentException if the file is missing or holds no sentence
   */
  public static ConllReader open(Path path) {
    return of(TextSource.of(path));
  }

  /**
   * @throws IllegalArgumentException if the source holds no sentence
   */
  public static ConllReader of(TextSource source) {
    ConllReader r = new ConllReader(Objects.requireNonNull(source, "source"));
    try (CorpusIterator<ConllSentence> it = r.iterator()) {
      if (!it.hasNext()) {
        throw new IllegalArgumentException(
            "corpus " + source + " is empty; expected at least one CoNLL sentence");
      }
    }
    return r;
  }

  public TextSource source() {
    return source;
  }

  @Override
  public CorpusIterator<ConllSentence> iterator() {
    return new SentenceIterator(source, new LineIterator(source));
  }

  /** Groups token lines into sentences at blank lines. */
  private static final class SentenceIterator implements CorpusIterator<ConllSentence> {
    private final TextSource source;
    private final LineIterator lines;
    private ConllSentence next;

    SentenceIterator(TextSource source, LineIterator lines) {
      this.source = source;
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = read();
        } catch (RuntimeException e) {
          lines.close();
          throw e;
        }
      }
      return next != null;
    }

    private ConllSentence read() {
      List<List<String>> cols = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      long first = 0;
      while (lines.hasNext()) {
        Line line = lines.next();
        String text = line.text().strip();
        if (text.isEmpty()) {
          if (first > 0) {
            break;
          }
          continue;
        }
        String[] f = text.split("[ \t]+");
        if (f[0].equals(DOCSTART)) {
          continue;
        }
        if (f.length != COLUMNS) {
          throw new CorpusFormatException(source.toString(), line.number(),
              "expected " + COLUMNS + " columns (word POS chunk NER), got " + f.length + ": '"
                  + ParallelCorpus.abbreviate(text) + "'");
        }
        if (first == 0) {
          first = line.number();
        }
        for (int c = 0; c < COLUMNS; c++) {
          cols.get(c).add(f[c]);
        }
      }
      return first == 0 ? null : new ConllSentence(cols.get(0), cols.get(1), cols.get(2), cols.get(3), first);
    }

    @Override
    public ConllSentence next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more sentences in " + source);
      }
      ConllSentence s = next;
      next = null;
      return s;
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
