package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Dropout;
import org.seqlab.core.ops.ShapeOps;

/**
 * A named-entity tagger: per token the embedding of its normalised word, a character BiLSTM's
 * final states and a casing-class embedding, concatenated, then a word-level BiLSTM, a linear
 * layer to tag scores and a {@link LinearChainCrf} (or an independent softmax):
 *
 * <pre>
 *   x_t = [E_w[norm(w_t)]; charBiLSTM(w_t); E_case[case(w_t)]]      [B, T, Ew + 2Hc + Ec]
 *   h_t = BiLSTM(dropout(x))_t                                        [B, T, 2H]
 *   e_t = dropout(h_t) W + b                                          [B, T, K]
 *   y* = Viterbi(e, A)
 * </pre>
 *
 * The model owns its word, character and tag tables, so {@link #tag(List)} takes raw tokens. Files
 * ({@link #save}, {@link #load}): a core {@link ParameterFile} with {@code format=seqlab-ner},
 * {@code format.version=1}, the config fields and the three tables.
 */
public final class NerTagger {
  public static final String FORMAT = "seqlab-ner";
  public static final int FORMAT_VERSION = 1;
  static final int PREDICT_BATCH = 64;

  /** A sentence: tokens and (for training and evaluation) one tag per token. */
  public record Sentence(List<String> tokens, List<String> tags) {
    public Sentence {
      tokens = List.copyOf(tokens);
      tags = tags == null ? null : List.copyOf(tags);
      if (tokens.isEmpty() || (tags != null && tags.size() != tokens.size())) {
        throw new IllegalArgumentException("a sentence needs >= 1 token and one tag per token, got " + tokens.size()
            + " tokens and " + (tags == null ? "no" : tags.size()) + " tags");
      }
    }
  }

  final NerTaggerConfig config;
  final TokenTable words;
  final TokenTable chars;
  final TokenTable tags;
  private final TagScheme scheme; // derived from the tag table
  private final String[] outputTags;
  final ParameterSet params = new ParameterSet();
  private final Embedding wordEmbedding;
  private final Embedding charEmbedding;
  private final Bidirectional charLstm;
  private final Embedding casingEmbedding;
  private final Bidirectional lstm;
  private final Linear emissions;
  private final LinearChainCrf crf;
  private final SoftmaxOutput softmax;

  NerTagger(NerTaggerConfig config, TokenTable words, TokenTable chars, TokenTable tags, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.words = words;
    this.chars = chars;
    this.tags = tags;
    this.scheme = scheme(tags);
    this.outputTags = outputTags(tags, scheme);
    DataType f = DataType.FLOAT;
    wordEmbedding = new Embedding(params, "ner.word", words.size(), config.wordDim(), f, Seeds.derive(seed, "word"));
    int in = config.wordDim();
    if (config.charHidden() > 0) {
      charEmbedding = new Embedding(params, "ner.char", chars.size(), config.charDim(), f, Seeds.derive(seed, "char"));
      charLstm = Bidirectional.create(params, "ner.charlstm", CellSpec.of(CellType.LSTM, config.charDim(), config.charHidden()), f,
          Seeds.derive(seed, "charlstm"));
      in += 2 * config.charHidden();
    } else {
      charEmbedding = null;
      charLstm = null;
    }
    casingEmbedding = config.casingDim() > 0
        ? new Embedding(params, "ner.casing", NerFeatures.CASINGS.size(), config.casingDim(), f, Seeds.derive(seed, "casing"))
        : null;
    in += config.casingDim();
    lstm = Bidirectional.create(params, "ner.lstm", CellSpec.of(CellType.LSTM, in, config.hidden()), f, Seeds.derive(seed, "lstm"));
    if (config.crf()) {
      emissions = new Linear(params, "ner.emit", 2 * config.hidden(), tags.size(), f, Seeds.derive(seed, "emit"));
      crf = new LinearChainCrf(params, "ner.crf", tags.size(), f);
      softmax = null;
    } else {
      emissions = null;
      crf = null;
      softmax = new SoftmaxOutput(params, "ner.out", 2 * config.hidden(), tags.size(), f, Seeds.derive(seed, "out"));
    }
  }

  public NerTaggerConfig config() {
    return config;
  }

  public TokenTable words() {
    return words;
  }

  public TokenTable tags() {
    return tags;
  }

  public ParameterSet parameters() {
    return params;
  }

  Embedding wordEmbedding() {
    return wordEmbedding;
  }

  /** A padded batch of sentences as ids. */
  record Batch(int[][] words, int[][] casing, int[][] chars, int[] charLengths, int[] tokenRow, int[] lengths, int[][] gold) {}

  Batch batch(List<Sentence> sentences, int[] order, int from, int to, boolean withTags) {
    int b = to - from;
    int t = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      int len = sentences.get(order[i]).tokens().size();
      t = Math.max(t, len);
      n += len;
    }
    int[][] w = new int[b][t];
    int[][] cs = new int[b][t];
    int[][] ch = new int[n][];
    int[] chLen = new int[n];
    int[] row = new int[b * t];
    int[] lengths = new int[b];
    int[][] gold = withTags ? new int[b][] : null;
    int maxChars = 1;
    int k = 0;
    for (int i = 0; i < b; i++) {
      Sentence s = sentences.get(order[from + i]);
      lengths[i] = s.tokens().size();
      if (withTags) {
        gold[i] = tags.encode(s.tags());
      }
      for (int p = 0; p < t; p++) {
        row[i * t + p] = n; // padding: the zero row after the N token rows
      }
      for (int p = 0; p < lengths[i]; p++) {
        String tok = s.tokens().get(p);
        w[i][p] = words.id(NerFeatures.normalize(tok));
        cs[i][p] = NerFeatures.casing(tok);
        int[] cps = tok.codePoints().limit(NerFeatures.MAX_CHARS).toArray();
        ch[k] = new int[cps.length];
        for (int c = 0; c < cps.length; c++) {
          ch[k][c] = chars.id(new String(Character.toChars(cps[c])));
        }
        chLen[k] = Math.max(1, cps.length);
        maxChars = Math.max(maxChars, cps.length);
        row[i * t + p] = k++;
      }
    }
    for (int j = 0; j < n; j++) {
      ch[j] = java.util.Arrays.copyOf(ch[j], maxChars); // padded with id 0
    }
    return new Batch(w, cs, ch, chLen, row, lengths, gold);
  }

  /** Tag scores {@code [B, T, K]} (CRF emissions or softmax logits' inputs {@code [B, T, 2H]}). */
  private Variable features(Tape tape, Batch b, boolean training, long seed) {
    int bs = b.words().length;
    int t = b.words()[0].length;
    List<Variable> parts = new ArrayList<>();
    parts.add(wordEmbedding.forward(tape, b.words())); // [B, T, Ew]
    if (charLstm != null) {
      Variable ce = charEmbedding.forward(tape, b.chars()); // [N, Lc, Ec]
      BidirectionalOutput co = charLstm.forward(tape, ce, b.charLengths());
      Variable perToken = ShapeOps.concat(1, co.forwardFinal().h(), co.backwardFinal().h()); // [N, 2Hc]
      Variable table = ShapeOps.concat(0, perToken, tape.constant(Nd4j.zeros(DataType.FLOAT, 1, 2 * config.charHidden())));
      parts.add(ShapeOps.reshape(ShapeOps.gatherRows(table, b.tokenRow()), bs, t, 2L * config.charHidden())); // [B, T, 2Hc]
    }
    if (casingEmbedding != null) {
      parts.add(casingEmbedding.forward(tape, b.casing())); // [B, T, Ec]
    }
    Variable x = parts.size() == 1 ? parts.get(0) : ShapeOps.concat(2, parts.toArray(new Variable[0]));
    x = Dropout.apply(x, config.dropout(), Seeds.derive(seed, "in"), training);
    Variable h = lstm.forward(tape, x, b.lengths()).outputs(); // [B, T, 2H]
    h = Dropout.apply(h, config.dropout(), Seeds.derive(seed, "out"), training);
    return crf != null ? emissions.forward(tape, h) : h; // [B, T, K] or [B, T, 2H]
  }

  /** The training loss of a batch (CRF: nats per sentence; softmax: nats per token). */
  Variable loss(Tape tape, Batch b, boolean training, long seed) {
    Variable f = features(tape, b, training, seed);
    if (crf != null) {
      return crf.loss(tape, f, b.gold(), b.lengths());
    }
    int t = b.words()[0].length;
    int[] flat = new int[b.words().length * t];
    for (int i = 0; i < b.gold().length; i++) {
      System.arraycopy(b.gold()[i], 0, flat, i * t, b.gold()[i].length);
    }
    return softmax.loss(tape, f, flat, Masks.fromLengths(b.lengths(), t, DataType.FLOAT));
  }

  /** Tag ids per sentence. */
  int[][] predictIds(List<Sentence> sentences) {
    int[][] out = new int[sentences.size()][];
    int[] order = Padded.identity(sentences.size());
    for (int from = 0; from < sentences.size(); from += PREDICT_BATCH) {
      int to = Math.min(sentences.size(), from + PREDICT_BATCH);
      Batch b = batch(sentences, order, from, to, false);
      try (Tape tape = new Tape()) {
        Variable f = features(tape, b, false, 0);
        int[][] paths;
        if (crf != null) {
          paths = crf.decode(f.value(), b.lengths());
        } else {
          INDArray z = softmax.logits(f.value()); // [B*T, K]
          paths = argmax(z.castTo(DataType.DOUBLE).toDoubleMatrix(), b.lengths(), b.words()[0].length);
        }
        System.arraycopy(paths, 0, out, from, paths.length);
      }
    }
    return out;
  }

  /** The CRF emission scores {@code [B, T, K]}, flattened, of sentences {@code [from, to)} (for ensembles). */
  double[] emissionScores(List<Sentence> sentences, int from, int to) {
    if (crf == null) {
      throw new IllegalStateException("emission scores need a CRF tagger");
    }
    Batch b = batch(sentences, Padded.identity(sentences.size()), from, to, false);
    try (Tape tape = new Tape()) {
      return org.seqlab.core.NativeArrays.toArray(features(tape, b, false, 0).value());
    }
  }

  /** The CRF output layer, or null for a softmax tagger. */
  LinearChainCrf crf() {
    return crf;
  }

  /** The tag {@link #predict} reports for tag id {@code id}. */
  String outputTag(int id) {
    return outputTags[id];
  }

  private static int[][] argmax(double[][] z, int[] lengths, int t) {
    int[][] out = new int[lengths.length][];
    for (int i = 0; i < lengths.length; i++) {
      out[i] = new int[lengths[i]];
      for (int p = 0; p < lengths[i]; p++) {
        double[] row = z[i * t + p];
        for (int c = 1; c < row.length; c++) {
          out[i][p] = row[c] > row[out[i][p]] ? c : out[i][p];
        }
      }
    }
    return out;
  }

  /**
   * The predicted tags of each sentence (their tags, if any, are ignored). A tagger trained on
   * {@link TagScheme#IOBES} (its tag table holds {@code S-} or {@code E-} tags) answers in IOB2:
   * {@code S-X} as {@code B-X}, {@code E-X} as {@code I-X}.
   */
  public List<List<String>> predict(List<Sentence> sentences) {
    List<List<String>> out = new ArrayList<>();
    for (int[] p : predictIds(sentences)) {
      List<String> s = new ArrayList<>(p.length);
      for (int id : p) {
        s.add(outputTags[id]);
      }
      out.add(List.copyOf(s));
    }
    return out;
  }

  /** The tag scheme of the tag table: IOBES when it holds an {@code S-} or {@code E-} tag. */
  public TagScheme tagScheme() {
    return scheme;
  }

  private static TagScheme scheme(TokenTable tags) {
    for (int i = 0; i < tags.size(); i++) {
      String t = tags.token(i);
      if (t.startsWith("S-") || t.startsWith("E-")) {
        return TagScheme.IOBES;
      }
    }
    return TagScheme.IOB2;
  }

  /** Tag id to the tag {@link #predict} reports. */
  private static String[] outputTags(TokenTable tags, TagScheme scheme) {
    String[] out = new String[tags.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scheme == TagScheme.IOBES ? TagScheme.iob2(tags.token(i)) : tags.token(i);
    }
    return out;
  }

  /** The tags of one tokenized sentence. */
  public List<String> tag(List<String> tokens) {
    return predict(List.of(new Sentence(tokens, null))).get(0);
  }

  /** Writes the model atomically with its tables and {@code extra} metadata. */
  public void save(Path path, Map<String, String> extra) throws IOException {
    Map<String, String> m = new LinkedHashMap<>(extra);
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put("config.signature", config.signature());
    m.put("wordDim", Integer.toString(config.wordDim()));
    m.put("charDim", Integer.toString(config.charDim()));
    m.put("charHidden", Integer.toString(config.charHidden()));
    m.put("casingDim", Integer.toString(config.casingDim()));
    m.put("hidden", Integer.toString(config.hidden()));
    m.put("dropout", Double.toString(config.dropout()));
    m.put("crf", Boolean.toString(config.crf()));
    m.put("epochs", Integer.toString(config.epochs()));
    m.put("batch", Integer.toString(config.batchSize()));
    m.put("lr", Double.toString(config.learningRate()));
    m.put("clip", Double.toString(config.clipNorm()));
    m.put("words", words.serialize());
    m.put("chars", chars.serialize());
    m.put("tags", tags.serialize());
    ParameterFile.write(path, params, m);
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @throws IOException naming the path when the file is missing, truncated, corrupt, of another
   *     format or version, or inconsistent
   */
  public static NerTagger load(Path path) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(path);
    Map<String, String> m = c.metadata();
    ModelFiles.checkFormat(path, m, FORMAT, FORMAT_VERSION, "NER tagger");
    NerTagger t;
    try {
      NerTaggerConfig cfg = new NerTaggerConfig(
          CharLanguageModel.intField(m, "wordDim"), CharLanguageModel.intField(m, "charDim"),
          CharLanguageModel.intField(m, "charHidden"), CharLanguageModel.intField(m, "casingDim"),
          CharLanguageModel.intField(m, "hidden"), Double.parseDouble(CharLanguageModel.field(m, "dropout")),
          Boolean.parseBoolean(CharLanguageModel.field(m, "crf")), CharLanguageModel.intField(m, "epochs"),
          CharLanguageModel.intField(m, "batch"), Double.parseDouble(CharLanguageModel.field(m, "lr")),
          Double.parseDouble(CharLanguageModel.field(m, "clip")));
      ModelFiles.checkSignature(path, m, cfg.signature());
      t = new NerTagger(cfg, TokenTable.parse(CharLanguageModel.field(m, "words")),
          TokenTable.parse(CharLanguageModel.field(m, "chars")), TokenTable.parse(CharLanguageModel.field(m, "tags")), 0);
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": bad NER tagger metadata: " + e.getMessage(), e);
    }
    ModelFiles.loadTensors(path, c, t.params);
    return t;
  }

  @Override
  public String toString() {
    return "NerTagger[" + config.signature() + ", " + words.size() + " words, " + tags.size() + " tags]";
  }
}
