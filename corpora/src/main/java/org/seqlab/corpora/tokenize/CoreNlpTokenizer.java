package org.seqlab.corpora.tokenize;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqlab.corpora.Tokenizer;

/**
 * Stanford CoreNLP's Penn-Treebank-style tokenizer ({@link PTBTokenizer}): splits punctuation and
 * clitics ({@code "Don't"} becomes {@code Do n't}), keeps abbreviations and numbers whole ({@code
 * U.S.}, {@code 5.50}).
 *
 * <p>By default PTB3 escaping is off, so {@code (} stays {@code (} rather than {@code -LRB-} and
 * quotes are not rewritten to {@code ``}/{@code ''}. Characters the lexer cannot tokenize (control
 * characters) are deleted silently ({@code untokenizable=noneDelete}), because CoreNLP would otherwise
 * log to stderr.
 *
 * <p>Thread-safe: every call builds its own lexer.
 */
public final class CoreNlpTokenizer implements Tokenizer {

  /**
   * @param lowerCase lower-case tokens with {@link Locale#ROOT} after tokenizing
   * @param ptb3Escaping PTB3 normalisation ({@code -LRB-}, {@code ``}, {@code &amp;} to {@code &})
   * @param splitHyphenated split {@code well-known} into {@code well - known}
   */
  public record Config(boolean lowerCase, boolean ptb3Escaping, boolean splitHyphenated) {
    /** Case kept, no PTB3 escaping, hyphenated words kept whole. */
    public static Config defaults() {
      return new Config(false, false, false);
    }

    public Config withLowerCase(boolean value) {
      return new Config(value, ptb3Escaping, splitHyphenated);
    }

    public Config withPtb3Escaping(boolean value) {
      return new Config(lowerCase, value, splitHyphenated);
    }

    public Config withSplitHyphenated(boolean value) {
      return new Config(lowerCase, ptb3Escaping, value);
    }

    /** For example {@code tok:corenlp|lc:no|ptb3:no|hyphen:keep}. */
    public String signature() {
      return "tok:corenlp|lc:" + yesNo(lowerCase) + "|ptb3:" + yesNo(ptb3Escaping) + "|hyphen:"
          + (splitHyphenated ? "split" : "keep");
    }

    String options() {
      return "ptb3Escaping=" + ptb3Escaping + ",splitHyphenated=" + splitHyphenated
          + ",untokenizable=noneDelete,tokenizeNLs=false";
    }

    private static String yesNo(boolean b) {
      return b ? "yes" : "no";
    }
  }

  private final Config config;
  private final String options;

  public CoreNlpTokenizer(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.options = config.options();
  }

  /** With {@link Config#defaults()}. */
  public CoreNlpTokenizer() {
    this(Config.defaults());
  }

  public Config config() {
    return config;
  }

  @Override
  public List<String> tokenize(String text) {
    PTBTokenizer<CoreLabel> lexer =
        new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), options);
    List<String> out = new ArrayList<>();
    while (lexer.hasNext()) {
      String w = lexer.next().word();
      if (!w.isEmpty()) {
        out.add(config.lowerCase() ? w.toLowerCase(Locale.ROOT) : w);
      }
    }
    return out;
  }

  @Override
  public String signature() {
    return config.signature();
  }

  @Override
  public String toString() {
    return signature();
  }
}
