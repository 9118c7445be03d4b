package org.seqlab.corpora.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.seqlab.corpora.Tokenizer;

/**
 * Tokens from a Lucene {@link Analyzer}. By default Lucene's {@link StandardAnalyzer} is used:
 * Unicode UAX#29 word boundaries, lower-casing, and no stop words (Lucene 9's default). The {@link
 * Config} can keep case or drop English stop words; {@link #wrap} takes any analyzer.
 *
 * <p>Thread-safe, as Lucene analyzers are (each thread reuses its own token stream). Holds per-thread
 * state until {@link #close()}.
 */
public final class LuceneTokenizer implements Tokenizer, AutoCloseable {
  private static final String FIELD = "text";

  /** Which stop words to remove. */
  public enum StopWords {
    NONE,
    /** Lucene's {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET} (33 words: a, an, and, ..., with). */
    ENGLISH
  }

  /**
   * @param lowerCase lower-case tokens (Lucene's {@code LowerCaseFilter})
   * @param stopWords stop words to drop (matched ignoring case)
   * @param maxTokenLength longer tokens are split at this length (Lucene's default is 255)
   */
  public record Config(boolean lowerCase, StopWords stopWords, int maxTokenLength) {
    public Config {
      Objects.requireNonNull(stopWords, "stopWords");
      if (maxTokenLength < 1 || maxTokenLength > StandardTokenizer.MAX_TOKEN_LENGTH_LIMIT) {
        throw new IllegalArgumentException(
            "maxTokenLength must be in [1, " + StandardTokenizer.MAX_TOKEN_LENGTH_LIMIT + "], got "
                + maxTokenLength);
      }
    }

    /** StandardAnalyzer's behaviour: lower-case, no stop words, 255-character tokens. */
    public static Config defaults() {
      return new Config(true, StopWords.NONE, StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH);
    }

    public Config withLowerCase(boolean value) {
      return new Config(value, stopWords, maxTokenLength);
    }

    public Config withStopWords(StopWords value) {
      return new Config(lowerCase, value, maxTokenLength);
    }

    /** For example {@code tok:lucene|lc:yes|stop:none|max:255}. */
    public String signature() {
      return "tok:lucene|lc:" + (lowerCase ? "yes" : "no") + "|stop:"
          + stopWords.name().toLowerCase(Locale.ROOT) + "|max:" + maxTokenLength;
    }
  }

  private final Analyzer analyzer;
  private final String signature;

  private LuceneTokenizer(Analyzer analyzer, String signature) {
    this.analyzer = analyzer;
    this.signature = signature;
  }

  /** A {@link StandardAnalyzer} with {@link Config#defaults()}. */
  public LuceneTokenizer() {
    this(Config.defaults());
  }

  public LuceneTokenizer(Config config) {
    this(analyzerFor(config), config.signature());
  }

  /**
   * Wraps {@code analyzer}, which this tokenizer then owns and closes.
   *
   * @param name short name for the signature, such as {@code english}
   */
  public static LuceneTokenizer wrap(Analyzer analyzer, String name) {
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(name, "name");
    return new LuceneTokenizer(analyzer, "tok:lucene|analyzer:" + name);
  }

  private static Analyzer analyzerFor(Config config) {
    CharArraySet stop =
        config.stopWords() == StopWords.ENGLISH
            ? new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true)
            : CharArraySet.EMPTY_SET;
    if (config.lowerCase()) {
      StandardAnalyzer a = new StandardAnalyzer(stop);
      a.setMaxTokenLength(config.maxTokenLength());
      return a;
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        source.setMaxTokenLength(config.maxTokenLength());
        TokenStream sink = stop.isEmpty() ? source : new StopFilter(source, stop);
        return new TokenStreamComponents(source, sink);
      }
    };
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene analysis failed: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public String signature() {
    return signature;
  }

  /** Releases the analyzer's per-thread token streams. */
  @Override
  public void close() {
    analyzer.close();
  }

  @Override
  public String toString() {
    return signature;
  }
}
