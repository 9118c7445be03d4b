package org.seqlab.corpora;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Sentence pairs from line-aligned files (line i of the source file translates line i of the target
 * file, as in Multi30K) or from one tab-separated file (Tatoeba/manythings {@code fra.txt}: English,
 * French, and in newer exports an attribution column, which is ignored). Restartable.
 */
public final class ParallelCorpus {
  private ParallelCorpus() {}

  /**
   * Pairs line i of {@code source} with line i of {@code target}. Both files are read once here to
   * check that their line counts match.
   *
   * @throws IllegalArgumentException if a file is missing, empty, or the line counts differ (the
   *     message names both paths and both counts)
   */
  public static Corpus<SentencePair> aligned(TextSource source, TextSource target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    long ns = LineCorpus.of(source).count();
    long nt = LineCorpus.of(target).count();
    if (ns != nt) {
      throw new IllegalArgumentException(
          "parallel files must have equal line counts, got " + ns + " lines in " + source + " and "
              + nt + " lines in " + target);
    }
    return () -> new AlignedIterator(source, target);
  }

  /** {@link #aligned(TextSource, TextSource)} for two UTF-8 files (plain, .gz or single-entry .zip). */
  public static Corpus<SentencePair> aligned(Path source, Path target) {
    return aligned(TextSource.of(source), TextSource.of(target));
  }

  /**
   * Pairs from a tab-separated file: column 1 is the source, column 2 the target, further columns are
   * ignored. Blank lines are skipped.
   *
   * @throws IllegalArgumentException if the file is missing or has no non-blank line
   * @throws CorpusFormatException (when iterating) for a line with fewer than 2 columns, naming the
   *     path and line
   */
  public static Corpus<SentencePair> tabSeparated(TextSource file) {
    LineCorpus lines = LineCorpus.of(file);
    return lines.numbered().filter(l -> !l.text().isBlank()).map(l -> parseTsv(file, l));
  }

  /** {@link #tabSeparated(TextSource)} for a UTF-8 file. */
  public static Corpus<SentencePair> tabSeparated(Path file) {
    return tabSeparated(TextSource.of(file));
  }

  private static SentencePair parseTsv(TextSource file, Line line) {
    String text = line.text();
    int tab = text.indexOf('\t');
    if (tab < 0) {
      throw new CorpusFormatException(file.toString(), line.number(),
          "expected at least 2 tab-separated columns (source<TAB>target[<TAB>...]), got 1: '"
              + abbreviate(text) + "'");
    }
    int end = text.indexOf('\t', tab + 1);
    return new SentencePair(text.substring(0, tab), text.substring(tab + 1, end < 0 ? text.length() : end));
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** Reads two files in lockstep. */
  private static final class AlignedIterator implements CorpusIterator<SentencePair> {
    private final TextSource sourceFile;
    private final TextSource targetFile;
    private final LineIterator source;
    private final LineIterator target;

    AlignedIterator(TextSource sourceFile, TextSource targetFile) {
      this.sourceFile = sourceFile;
      this.targetFile = targetFile;
      this.source = new LineIterator(sourceFile);
      LineIterator t;
      try {
        t = new LineIterator(targetFile);
      } catch (RuntimeException e) {
        source.close();
        throw e;
      }
      this.target = t;
    }

    @Override
    public boolean hasNext() {
      boolean s = source.hasNext();
      boolean t = target.hasNext();
      if (s != t) {
        close();
        TextSource shorter = s ? targetFile : sourceFile;
        throw new CorpusFormatException(shorter.toString(), 0,
            "ended before its parallel file " + (s ? sourceFile : targetFile)
                + " (did a file change while being read?)");
      }
      return s;
    }

    @Override
    public SentencePair next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more sentence pairs");
      }
      return new SentencePair(source.next().text(), target.next().text());
    }

    @Override
    public void close() {
      try {
        source.close();
      } finally {
        target.close();
      }
    }
  }
}
