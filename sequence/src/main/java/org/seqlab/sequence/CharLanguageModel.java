package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.decoding.Sampler;
import org.seqlab.decoding.SamplerConfig;

/**
 * A trained character-level recurrent language model: scoring (nats and bits per character,
 * sentence log-probabilities), sampling, and a versioned, checksummed file format.
 *
 * <p>Train with {@link CharLmTrainer}; {@link #load(Path)} reads a file written by {@link
 * #save(Path)}: a core {@link ParameterFile} (magic, version, CRC32, atomic write) whose metadata
 * holds {@code format=seqlab-charlm}, {@code format.version=1}, the configuration fields and its
 * signature, and the vocabulary.
 */
public final class CharLanguageModel {
  /** The metadata value of {@code format}. */
  public static final String FORMAT = "seqlab-charlm";

  /** The version of the metadata layout this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final int EVAL_STREAMS = 32;
  private static final int EVAL_WINDOW = 128;

  private final CharLmConfig config;
  private final CharVocabulary vocabulary;
  private final LanguageModel lm;
  private final Map<String, String> provenance;

  CharLanguageModel(CharLmConfig config, CharVocabulary vocabulary, LanguageModel lm, Map<String, String> provenance) {
    this.config = Objects.requireNonNull(config, "config");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.lm = Objects.requireNonNull(lm, "lm");
    this.provenance = Map.copyOf(provenance);
  }

  public CharLmConfig config() {
    return config;
  }

  public CharVocabulary vocabulary() {
    return vocabulary;
  }

  /** Run facts saved with the model: seed, steps trained, final validation loss. */
  public Map<String, String> provenance() {
    return provenance;
  }

  LanguageModel languageModel() {
    return lm;
  }

  /**
   * Mean negative log-likelihood of every character of {@code text} but the first, in nats. The text
   * is cut into up to 32 contiguous streams evaluated in parallel, each starting from a zero state
   * (so the score is slightly pessimistic at the stream starts) and carrying its state across
   * windows of 128 characters.
   *
   * @throws IllegalArgumentException when the text has fewer than 2 characters
   */
  public double evaluate(String text) {
    return evaluate(lm, vocabulary.encode(text));
  }

  /** {@link #evaluate(String)} in bits per character. */
  public double bitsPerChar(String text) {
    return evaluate(text) / Math.log(2);
  }

  static double evaluate(LanguageModel lm, int[] ids) {
    if (ids.length < 2) {
      throw new IllegalArgumentException("evaluation text needs at least 2 characters, got " + ids.length);
    }
    int streams = Math.min(EVAL_STREAMS, ids.length - 1);
    int len = (ids.length - 1) / streams; // scored characters per stream; the remainder goes to the last
    double total = 0;
    long count = 0;
    List<CellState> state = null;
    int maxLen = len + (ids.length - 1) % streams;
    for (int from = 0; from < maxLen; from += EVAL_WINDOW) {
      int t = Math.min(EVAL_WINDOW, maxLen - from);
      int[][] x = new int[streams][t];
      int[][] y = new int[streams][t];
      double[][] mask = new double[streams][t];
      for (int b = 0; b < streams; b++) {
        int streamLen = b == streams - 1 ? maxLen : len;
        for (int k = 0; k < t; k++) {
          int pos = b * len + from + k;
          if (from + k < streamLen) {
            x[b][k] = ids[pos];
            y[b][k] = ids[pos + 1];
            mask[b][k] = 1;
          }
        }
      }
      try (Tape tape = new Tape()) {
        INDArray m = org.nd4j.linalg.factory.Nd4j.createFromArray(mask).castTo(lm.dataType());
        LanguageModel.Output out = lm.lossMasked(tape, x, y, m, state == null ? null : LanguageModel.constants(tape, state), false, 0);
        double n = Arrays.stream(mask).mapToDouble(r -> Arrays.stream(r).sum()).sum();
        total += out.loss().value().getDouble(0) * n;
        count += (long) n;
        state = out.finalStates();
      }
    }
    return total / count;
  }

  /**
   * {@code log p(continuation | context)} in nats: the sum over the continuation's characters of
   * their log-probability given everything before them.
   *
   * @param context at least one character (e.g. {@code "\n"} before a name)
   */
  public double logProbability(String context, String continuation) {
    int[] ctx = vocabulary.encode(context);
    int[] cont = vocabulary.encode(continuation);
    if (ctx.length == 0 || cont.length == 0) {
      throw new IllegalArgumentException("context and continuation must be non-empty, got '" + context + "', '" + continuation + "'");
    }
    int[] all = new int[ctx.length + cont.length - 1];
    System.arraycopy(ctx, 0, all, 0, ctx.length);
    System.arraycopy(cont, 0, all, ctx.length, cont.length - 1);
    INDArray logits = lm.run(new int[][] {all}, null).logits(); // [n, V], row i predicts all[i + 1]
    double lp = 0;
    for (int k = 0; k < cont.length; k++) {
      double[] z = logits.getRow(ctx.length - 1 + k).toDoubleVector();
      lp += z[cont[k]] - logSumExp(z);
    }
    return lp;
  }

  /**
   * Generates characters after {@code prefix}.
   *
   * @param prefix at least one character, fed to the model first
   * @param maxChars characters to generate at most
   * @param stop generation ends after this code point (included), or -1 for none
   * @return the generated text, without the prefix
   */
  public String sample(String prefix, int maxChars, int stop, SamplerConfig sampling, long seed) {
    int[] ids = vocabulary.encode(prefix);
    if (ids.length == 0) {
      throw new IllegalArgumentException("prefix must be non-empty");
    }
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars must be >= 0, got " + maxChars);
    }
    Sampler sampler = new Sampler(sampling);
    SplittableRandom rng = new SplittableRandom(seed);
    LanguageModel.Step step = lm.run(new int[][] {ids}, null);
    double[] logits = step.logits().getRow(ids.length - 1).toDoubleVector();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < maxChars; i++) {
      logits[CharVocabulary.UNKNOWN] = Double.NEGATIVE_INFINITY; // never emit the unknown symbol
      int next = sampler.sample(logits, rng);
      int cp = vocabulary.codePoint(next);
      out.appendCodePoint(cp);
      if (cp == stop) {
        break;
      }
      step = lm.step(new int[] {next}, step.state());
      logits = step.logits().getRow(0).toDoubleVector();
    }
    return out.toString();
  }

  private static double logSumExp(double[] z) {
    double max = Arrays.stream(z).max().orElseThrow();
    double s = 0;
    for (double v : z) {
      s += Math.exp(v - max);
    }
    return max + Math.log(s);
  }

  /** Writes the model atomically (temporary file in the same directory, then an atomic rename). */
  public void save(Path path) throws IOException {
    ParameterFile.write(path, lm.parameters(), metadata(config, vocabulary, provenance));
  }

  static Map<String, String> metadata(CharLmConfig c, CharVocabulary v, Map<String, String> extra) {
    Map<String, String> m = new LinkedHashMap<>(extra);
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put("config.signature", c.signature());
    m.putAll(networkFields(c));
    m.put("vocab", v.serialize());
    return m;
  }

  /** The fields of a {@link CharLmConfig}, as stored in model metadata. */
  static Map<String, String> networkFields(CharLmConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("embed", Integer.toString(c.embedDim()));
    m.put("cell", c.cell().name());
    m.put("hidden", Integer.toString(c.hiddenSize()));
    m.put("layers", Integer.toString(c.layers()));
    m.put("dropout", Double.toString(c.dropout()));
    m.put("batch", Integer.toString(c.batchSize()));
    m.put("bptt", Integer.toString(c.bpttLength()));
    m.put("lr", Double.toString(c.learningRate()));
    m.put("minLr", Double.toString(c.minLearningRate()));
    m.put("clip", Double.toString(c.clipNorm()));
    m.put("steps", Integer.toString(c.steps()));
    m.put("evalEvery", Integer.toString(c.evalEvery()));
    m.put("evalChars", Integer.toString(c.evalChars()));
    return m;
  }

  /** Parses {@link #networkFields}; throws IllegalArgumentException naming a missing or bad field. */
  static CharLmConfig parseNetwork(Map<String, String> m) {
    return new CharLmConfig(
        intField(m, "embed"), CellType.valueOf(field(m, "cell")), intField(m, "hidden"), intField(m, "layers"),
        Double.parseDouble(field(m, "dropout")), intField(m, "batch"), intField(m, "bptt"),
        Double.parseDouble(field(m, "lr")), Double.parseDouble(field(m, "minLr")), Double.parseDouble(field(m, "clip")),
        intField(m, "steps"), intField(m, "evalEvery"), intField(m, "evalChars"));
  }

  /** Copies the file's tensors into {@code lm}'s parameters, checking names and shapes. */
  static void loadTensors(Path path, ParameterFile.Contents contents, LanguageModel lm) throws IOException {
    for (Parameter p : lm.parameters().list()) {
      INDArray t = contents.tensors().get(p.name());
      if (t == null || !Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(path + ": tensor '" + p.name() + "' is " + (t == null ? "missing" : "of shape " + Arrays.toString(t.shape()))
            + "; the model expects " + Arrays.toString(p.shape()));
      }
      p.value().assign(t.castTo(p.value().dataType()));
    }
  }

  /**
   * Reads a model written by {@link #save(Path)}.
   *
   * @throws IOException naming the path when the file is missing, corrupt (checksum), of another
   *     format or version, or its tensors do not match its configuration
   */
  public static CharLanguageModel load(Path path) throws IOException {
    ParameterFile.Contents contents = ParameterFile.read(path);
    Map<String, String> m = contents.metadata();
    if (!FORMAT.equals(m.get("format"))) {
      throw new IOException(path + ": not a character LM file (format '" + m.get("format") + "', expected '" + FORMAT + "')");
    }
    if (!Integer.toString(FORMAT_VERSION).equals(m.get("format.version"))) {
      throw new IOException(path + ": character LM format version " + m.get("format.version") + " is not supported (this build reads " + FORMAT_VERSION + ")");
    }
    CharLmConfig config;
    CharVocabulary vocab;
    try {
      config = parseNetwork(m);
      vocab = CharVocabulary.parse(field(m, "vocab"));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": bad character LM metadata: " + e.getMessage(), e);
    }
    if (!config.signature().equals(m.get("config.signature"))) {
      throw new IOException(path + ": config signature '" + m.get("config.signature") + "' does not match its fields ('" + config.signature() + "')");
    }
    LanguageModel lm = new LanguageModel(config.model(vocab.size()), DataType.FLOAT, 0);
    loadTensors(path, contents, lm);
    Map<String, String> prov = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (k.startsWith("run.")) {
        prov.put(k, v);
      }
    });
    return new CharLanguageModel(config, vocab, lm, prov);
  }

  static String field(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing metadata field '" + key + "'");
    }
    return v;
  }

  static int intField(Map<String, String> m, String key) {
    try {
      return Integer.parseInt(field(m, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("metadata field '" + key + "' is not an integer: " + m.get(key), e);
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CharLanguageModel[%s, %d chars]", config.signature(), vocabulary.size());
  }
}
