package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.corpora.Tokenizer;
import org.seqlab.corpora.Vocabulary;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.decoding.Sampler;
import org.seqlab.decoding.SamplerConfig;

/**
 * A trained word-level recurrent language model: perplexity, sentence log-probabilities, sampling
 * from a seed text, and a versioned, checksummed file format.
 *
 * <p>Text is a list of lines; each non-blank line is tokenized (and lower-cased if configured) and
 * followed by {@code <eos>}, and the stream starts with {@code <eos>}, so the model also predicts
 * where a line ends and every line is scored given the lines before it. Ids follow the corpora
 * {@link Vocabulary} layout ({@code <pad>}=0, {@code <unk>}=1, {@code <bos>}=2, {@code <eos>}=3,
 * then words by descending training count); words outside the vocabulary are {@code <unk>}.
 *
 * <p>File: a core {@link ParameterFile} with {@code format=seqlab-wordlm}, {@code
 * format.version=1}, the network fields, tokenizer settings and the vocabulary ({@link TokenTable}).
 */
public final class WordLanguageModel {
  public static final String FORMAT = "seqlab-wordlm";
  public static final int FORMAT_VERSION = 1;

  private final WordLmConfig config;
  private final TokenTable vocabulary;
  private final LanguageModel lm;
  private final Tokenizer tokenizer;
  private final Map<String, String> provenance;

  WordLanguageModel(WordLmConfig config, TokenTable vocabulary, LanguageModel lm, Map<String, String> provenance) {
    this.config = Objects.requireNonNull(config, "config");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.lm = Objects.requireNonNull(lm, "lm");
    this.tokenizer = config.tokenizer().create(false);
    this.provenance = Map.copyOf(provenance);
  }

  public WordLmConfig config() {
    return config;
  }

  public TokenTable vocabulary() {
    return vocabulary;
  }

  /** Run facts saved with the model (seed, steps, validation loss). */
  public Map<String, String> provenance() {
    return provenance;
  }

  LanguageModel languageModel() {
    return lm;
  }

  /** The words of one line as this model sees them (lower-cased if configured). */
  public List<String> tokenize(String line) {
    return tokenize(config, tokenizer, line);
  }

  static List<String> tokenize(WordLmConfig config, Tokenizer tokenizer, String line) {
    return tokenizer.tokenize(config.lowerCase() ? line.toLowerCase(Locale.ROOT) : line);
  }

  /** The id stream of {@code lines}: {@code <eos>}, then each non-blank line's words and {@code <eos>}. */
  public int[] encode(List<String> lines) {
    return encode(lines, this::tokenize, vocabulary);
  }

  static int[] encode(List<String> lines, java.util.function.Function<String, List<String>> tok, TokenTable vocab) {
    List<int[]> parts = new ArrayList<>();
    int n = 1;
    for (String line : lines) {
      List<String> words = tok.apply(line);
      if (!words.isEmpty()) {
        int[] ids = vocab.encode(words);
        parts.add(ids);
        n += ids.length + 1;
      }
    }
    int[] out = new int[n];
    out[0] = Vocabulary.EOS_ID;
    int k = 1;
    for (int[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
      out[k++] = Vocabulary.EOS_ID;
    }
    return out;
  }

  /**
   * Mean negative log-likelihood per predicted token (words and line ends) of {@code lines}, in
   * nats; {@code exp} of it is the perplexity. Streams as {@link CharLanguageModel#evaluate(String)}.
   *
   * @throws IllegalArgumentException when the lines hold no word
   */
  public double evaluate(List<String> lines) {
    int[] ids = encode(lines);
    if (ids.length < 2) {
      throw new IllegalArgumentException("evaluation text has no words (" + lines.size() + " lines)");
    }
    return CharLanguageModel.evaluate(lm, ids);
  }

  /** {@code exp(evaluate(lines))}. */
  public double perplexity(List<String> lines) {
    return Math.exp(evaluate(lines));
  }

  /**
   * A sentence's log-probability given a line start: {@code log p(w_1 .. w_n <eos> | <eos>)} in nats.
   *
   * @param sentence one line, at least one word
   * @return the score, its token count (words plus {@code <eos>}) and how many words were unknown
   */
  public SentenceScore score(String sentence) {
    List<String> words = tokenize(sentence);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("sentence has no words: '" + sentence + "'");
    }
    int[] ids = new int[words.size() + 1];
    ids[0] = Vocabulary.EOS_ID;
    int unknown = 0;
    for (int i = 0; i < words.size(); i++) {
      ids[i + 1] = vocabulary.id(words.get(i));
      unknown += ids[i + 1] == Vocabulary.UNK_ID ? 1 : 0;
    }
    INDArray logits = lm.run(new int[][] {ids}, null).logits(); // [n+1, V], row i predicts token i+1
    double lp = 0;
    for (int i = 0; i < ids.length; i++) {
      int next = i + 1 < ids.length ? ids[i + 1] : Vocabulary.EOS_ID;
      double[] z = logits.getRow(i).toDoubleVector();
      lp += z[next] - LogProbs.logSumExp(z);
    }
    return new SentenceScore(lp, ids.length, unknown);
  }

  /**
   * A sentence's score.
   *
   * @param logProbability natural log-probability of the words and the line end
   * @param tokens scored tokens (words + 1)
   * @param unknownWords words outside the vocabulary, scored as {@code <unk>}
   */
  public record SentenceScore(double logProbability, int tokens, int unknownWords) {
    /** {@code exp(-logProbability / tokens)}. */
    public double perplexity() {
      return Math.exp(-logProbability / tokens);
    }
  }

  /**
   * Continues {@code seedText} word by word until {@code <eos>} or {@code maxWords}; never emits the
   * specials {@code <pad>}, {@code <unk>} or {@code <bos>}.
   *
   * @param seedText words to start from (may be empty: sample a line from scratch)
   * @return the generated words (without the seed), space-separated
   */
  public String sample(String seedText, int maxWords, SamplerConfig sampling, long seed) {
    if (maxWords < 0) {
      throw new IllegalArgumentException("maxWords must be >= 0, got " + maxWords);
    }
    List<String> words = tokenize(seedText);
    int[] ids = new int[words.size() + 1];
    ids[0] = Vocabulary.EOS_ID;
    for (int i = 0; i < words.size(); i++) {
      ids[i + 1] = vocabulary.id(words.get(i));
    }
    Sampler sampler = new Sampler(sampling);
    SplittableRandom rng = new SplittableRandom(seed);
    LanguageModel.Step step = lm.run(new int[][] {ids}, null);
    double[] logits = step.logits().getRow(ids.length - 1).toDoubleVector();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < maxWords; i++) {
      logits[Vocabulary.PAD_ID] = Double.NEGATIVE_INFINITY;
      logits[Vocabulary.UNK_ID] = Double.NEGATIVE_INFINITY;
      logits[Vocabulary.BOS_ID] = Double.NEGATIVE_INFINITY;
      int next = sampler.sample(logits, rng);
      if (next == Vocabulary.EOS_ID) {
        break;
      }
      out.add(vocabulary.token(next));
      step = lm.step(new int[] {next}, step.state());
      logits = step.logits().getRow(0).toDoubleVector();
    }
    return String.join(" ", out);
  }

  /** Writes the model atomically. */
  public void save(Path path) throws IOException {
    ParameterFile.write(path, lm.parameters(), metadata(config, vocabulary, provenance));
  }

  static Map<String, String> metadata(WordLmConfig c, TokenTable vocab, Map<String, String> extra) {
    Map<String, String> m = new LinkedHashMap<>(extra);
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put("config.signature", c.signature());
    m.putAll(CharLanguageModel.networkFields(c.network()));
    m.put("tokenizer", c.tokenizer().name());
    m.put("lowerCase", Boolean.toString(c.lowerCase()));
    m.put("minCount", Integer.toString(c.minCount()));
    m.put("maxVocab", Integer.toString(c.maxVocab()));
    m.put("vocab", vocab.serialize());
    return m;
  }

  /**
   * Reads a model written by {@link #save(Path)}.
   *
   * @throws IOException naming the path when the file is missing, truncated, corrupt, of another
   *     format or version, or inconsistent with its configuration
   */
  public static WordLanguageModel load(Path path) throws IOException {
    ParameterFile.Contents contents = ParameterFile.read(path);
    Map<String, String> m = contents.metadata();
    ModelFiles.checkFormat(path, m, FORMAT, FORMAT_VERSION, "word language model");
    WordLmConfig config;
    TokenTable vocab;
    try {
      config = new WordLmConfig(
          CharLanguageModel.parseNetwork(m), TokenizerKind.valueOf(CharLanguageModel.field(m, "tokenizer")),
          Boolean.parseBoolean(CharLanguageModel.field(m, "lowerCase")), CharLanguageModel.intField(m, "minCount"),
          CharLanguageModel.intField(m, "maxVocab"));
      vocab = TokenTable.parse(CharLanguageModel.field(m, "vocab"));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": bad word LM metadata: " + e.getMessage(), e);
    }
    ModelFiles.checkSignature(path, m, config.signature());
    LanguageModel lm = new LanguageModel(config.network().model(vocab.size()), DataType.FLOAT, 0);
    CharLanguageModel.loadTensors(path, contents, lm);
    return new WordLanguageModel(config, vocab, lm, ModelFiles.provenance(m));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WordLanguageModel[%s, %d words]", config.signature(), vocabulary.size());
  }
}
