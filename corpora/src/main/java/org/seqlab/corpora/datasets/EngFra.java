package org.seqlab.corpora.datasets;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.seqlab.corpora.Corpus;
import org.seqlab.corpora.ParallelCorpus;
import org.seqlab.corpora.SentencePair;

/**
 * English–French pairs from the Tatoeba/manythings export {@code eng-fra/fra.txt}: one pair per line,
 * {@code English<TAB>French}, with an attribution column in newer exports that is ignored. Pairs come
 * as {@code SentencePair(source = English, target = French)}; use {@link SentencePair#reversed()} for
 * French→English, the direction of the PyTorch tutorial.
 *
 * <p>{@link Config#pytorchTutorial()} reproduces the filtering of the PyTorch tutorial "NLP From
 * Scratch: Translation with a Sequence to Sequence Network and Attention". Both sides go through
 * {@link #normalize}. A pair is kept when both sides have fewer than 10 words ({@code MAX_LENGTH = 10},
 * so at most 9 here) and the English side starts with one of {@link #ENG_PREFIXES}.
 */
public final class EngFra {
  /** The tutorial's {@code eng_prefixes}, matched against normalized English. */
  public static final List<String> ENG_PREFIXES =
      List.of(
          "i am ", "i m ", "he is", "he s ", "she is", "she s ", "you are", "you re ", "we are",
          "we re ", "they are", "they re ");

  private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");
  private static final Pattern PUNCT = Pattern.compile("([.!?])");
  private static final Pattern NON_LETTERS = Pattern.compile("[^a-zA-Z.!?]+");

  /**
   * Which pairs to keep and how to clean them.
   *
   * @param normalize apply {@link #normalize} to both sides
   * @param maxWords keep pairs whose sides both have at most this many whitespace-separated words
   *     (after normalization, which splits off {@code . ! ?}); {@link Integer#MAX_VALUE} keeps all
   * @param englishPrefixFilter keep only pairs whose lower-cased English side starts with one of
   *     {@link #ENG_PREFIXES} (meaningful with {@code normalize}, which turns "I'm" into "i m")
   */
  public record Config(boolean normalize, int maxWords, boolean englishPrefixFilter) {
    public Config {
      if (maxWords < 1) {
        throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
      }
    }

    /** Every pair, unchanged. */
    public static Config all() {
      return new Config(false, Integer.MAX_VALUE, false);
    }

    /** The PyTorch tutorial's normalization, {@code MAX_LENGTH = 10} and prefix filter. */
    public static Config pytorchTutorial() {
      return new Config(true, 9, true);
    }

    /** For example {@code engfra|norm:yes|maxw:9|prefix:yes}. */
    public String signature() {
      return "engfra|norm:" + (normalize ? "yes" : "no") + "|maxw:"
          + (maxWords == Integer.MAX_VALUE ? "all" : Integer.toString(maxWords)) + "|prefix:"
          + (englishPrefixFilter ? "yes" : "no");
    }
  }

  private EngFra() {}

  /**
   * The pairs of {@code fraTxt} that pass {@code config}, restartable and read lazily.
   *
   * @throws IllegalArgumentException if the file is missing or empty
   */
  public static Corpus<SentencePair> load(Path fraTxt, Config config) {
    Objects.requireNonNull(config, "config");
    Corpus<SentencePair> raw = ParallelCorpus.tabSeparated(fraTxt);
    Corpus<SentencePair> cleaned =
        config.normalize()
            ? raw.map(p -> new SentencePair(normalize(p.source()), normalize(p.target())))
            : raw;
    return cleaned.filter(p -> keep(p, config));
  }

  static boolean keep(SentencePair p, Config config) {
    if (words(p.source()) > config.maxWords() || words(p.target()) > config.maxWords()) {
      return false;
    }
    if (!config.englishPrefixFilter()) {
      return true;
    }
    String en = p.source().toLowerCase(Locale.ROOT);
    for (String prefix : ENG_PREFIXES) {
      if (en.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  /**
   * The tutorial's {@code normalizeString}: lower-case and strip, drop accents (NFD, remove
   * non-spacing marks), put a space before {@code . ! ?}, turn every run of other non-letters into one
   * space, strip. {@code "Ça va ?"} becomes {@code "ca va ?"}.
   */
  public static String normalize(String s) {
    String t = Normalizer.normalize(s.toLowerCase(Locale.ROOT).strip(), Normalizer.Form.NFD);
    t = MARKS.matcher(t).replaceAll("");
    t = PUNCT.matcher(t).replaceAll(" $1");
    t = NON_LETTERS.matcher(t).replaceAll(" ");
    return t.strip();
  }
}
