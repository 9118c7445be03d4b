package org.seqlab.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The whitespace-separated tokens of a text, streamed in fixed-size character chunks: built for huge
 * single-line files such as text8 (10<sup>8</sup> bytes, one line, about 17M tokens, shipped as
 * {@code text8.zip}). Memory stays at a 64K-character buffer plus the longest token; the text is never
 * held as one string. Whitespace is {@link Character#isWhitespace(char)}; line breaks are ordinary
 * separators.
 *
 * <p>{@link #sentences(int)} regroups the stream into pseudo-sentences of at most {@code maxTokens}
 * tokens, as gensim's {@code Text8Corpus} does (10,000 there) for word2vec windows.
 *
 * <p>Immutable; each {@link #iterator()} re-reads the file.
 */
public final class WhitespaceTokenStream implements Corpus<String> {
  private final TextSource source;

  private WhitespaceTokenStream(TextSource source) {
    this.source = source;
  }

  /**
   * The tokens of a UTF-8 file or single-entry zip ({@link TextSource#of(Path)}).
   *
   * @throws IllegalArgumentException if the file is missing or holds no token
   */
  public static WhitespaceTokenStream open(Path path) {
    return of(TextSource.of(path));
  }

  /**
   * The tokens of {@code source}.
   *
   * @throws IllegalArgumentException if the source holds no token
   */
  public static WhitespaceTokenStream of(TextSource source) {
    WhitespaceTokenStream s = new WhitespaceTokenStream(Objects.requireNonNull(source, "source"));
    try (CorpusIterator<String> it = s.iterator()) {
      if (!it.hasNext()) {
        throw new IllegalArgumentException(
            "corpus " + source + " is empty; expected at least one whitespace-separated token");
      }
    }
    return s;
  }

  public TextSource source() {
    return source;
  }

  @Override
  public CorpusIterator<String> iterator() {
    return new TokenIterator(scanner());
  }

  /**
   * The stream cut into consecutive pseudo-sentences of {@code maxTokens} tokens (the last one may be
   * shorter).
   *
   * @throws IllegalArgumentException if {@code maxTokens < 1}
   */
  public Corpus<List<String>> sentences(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, got " + maxTokens);
    }
    return () -> new ChunkIterator(iterator(), maxTokens);
  }

  /** Number of tokens (one pass, no strings created). */
  @Override
  public long count() {
    long n = 0;
    try (WhitespaceScanner sc = scanner()) {
      while (sc.advance()) {
        n++;
      }
    }
    return n;
  }

  /**
   * One pass mapped to ids, tokens missing from {@code vocab} dropped (word2vec's treatment of words
   * under {@code min_count}): the whole corpus as one {@code int[]}, 4 bytes per kept token.
   */
  public int[] encodeKnown(Vocabulary vocab) {
    Objects.requireNonNull(vocab, "vocab");
    TokenCounter index = new TokenCounter(); // token -> id + 1, looked up by char range
    for (int id = 0; id < vocab.size(); id++) {
      index.add(vocab.token(id), id + 1L);
    }
    int[] ids = new int[1 << 20];
    int n = 0;
    try (WhitespaceScanner sc = scanner()) {
      while (sc.advance()) {
        int id = (int) index.get(sc.buffer(), sc.start(), sc.end() - sc.start()) - 1;
        if (id >= 0) {
          if (n == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
          }
          ids[n++] = id;
        }
      }
    }
    return Arrays.copyOf(ids, n);
  }

  @Override
  public String toString() {
    return "WhitespaceTokenStream(" + source + ")";
  }

  /**
   * Counts every token into {@code counter} without creating strings for repeated tokens.
   *
   * @return the number of tokens counted
   */
  long countInto(TokenCounter counter) {
    long n = 0;
    try (WhitespaceScanner sc = scanner()) {
      while (sc.advance()) {
        counter.add(sc.buffer(), sc.start(), sc.end() - sc.start());
        n++;
      }
    }
    return n;
  }

  private WhitespaceScanner scanner() {
    try {
      return new WhitespaceScanner(source.openUnbufferedReader(), source.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + source + ": " + e.getMessage(), e);
    }
  }

  /** Turns scanner ranges into strings. */
  private static final class TokenIterator implements CorpusIterator<String> {
    private final WhitespaceScanner scanner;
    private String next;

    TokenIterator(WhitespaceScanner scanner) {
      this.scanner = scanner;
    }

    @Override
    public boolean hasNext() {
      if (next == null && scanner.advance()) {
        next = new String(scanner.buffer(), scanner.start(), scanner.end() - scanner.start());
      }
      return next != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException("token stream is exhausted");
      }
      String t = next;
      next = null;
      return t;
    }

    @Override
    public void close() {
      scanner.close();
    }
  }

  /** Groups tokens into lists of at most {@code max}. */
  private static final class ChunkIterator implements CorpusIterator<List<String>> {
    private final CorpusIterator<String> tokens;
    private final int max;

    ChunkIterator(CorpusIterator<String> tokens, int max) {
      this.tokens = tokens;
      this.max = max;
    }

    @Override
    public boolean hasNext() {
      return tokens.hasNext();
    }

    @Override
    public List<String> next() {
      if (!tokens.hasNext()) {
        throw new NoSuchElementException("sentence stream is exhausted");
      }
      List<String> out = new ArrayList<>(Math.min(max, 1024));
      while (out.size() < max && tokens.hasNext()) {
        out.add(tokens.next());
      }
      return out;
    }

    @Override
    public void close() {
      tokens.close();
    }
  }
}
