package org.seqlab.sequence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.io.ParameterFile;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.ops.Dropout;
import org.seqlab.core.ops.ShapeOps;

/**
 * A many-to-one classifier: embeddings, then their mean (the bag-of-embeddings baseline) or an
 * LSTM / bidirectional LSTM pooled over time (last state, mean or max), dropout, and a softmax over
 * the classes.
 *
 * <pre>
 *   v = mean_t E[x_t]   or   v = pool_t LSTM(dropout(E[x_1..len]))_t                   [B, F]
 *   p(y | x) = softmax(dropout(v) W + b)                                               [B, C]
 * </pre>
 *
 * <p>Files ({@link #save}, {@link #load}): a core {@link ParameterFile} with {@code
 * format=seqlab-classifier}, {@code format.version=1}, the config fields, the word and label
 * tables ({@link TokenTable}) and caller metadata (e.g. how text was tokenized).
 */
public final class SequenceClassifier {
  public static final String FORMAT = "seqlab-classifier";
  public static final int FORMAT_VERSION = 1;
  private static final int PREDICT_BATCH = 256;

  /** One training or test example: token ids (at least one) and a label. */
  public record Example(int[] tokens, int label) {
    public Example {
      Objects.requireNonNull(tokens, "tokens");
      tokens = tokens.clone();
    }
  }

  private final ClassifierConfig config;
  private final ParameterSet params = new ParameterSet();
  private final Embedding embedding;
  private final Recurrent lstm;
  private final Bidirectional bilstm;
  private final SoftmaxOutput output;

  private SequenceClassifier(ClassifierConfig config, long seed) {
    this.config = config;
    this.embedding = new Embedding(params, "clf.embed", config.vocabSize(), config.embedDim(), DataType.FLOAT, Seeds.derive(seed, "embed"));
    CellSpec spec = CellSpec.of(CellType.LSTM, config.embedDim(), config.hiddenSize());
    this.lstm = config.encoder() == ClassifierConfig.Encoder.LSTM
        ? new Recurrent(RecurrentCell.create(params, "clf.lstm", spec, DataType.FLOAT, Seeds.derive(seed, "lstm")))
        : null;
    this.bilstm = config.encoder() == ClassifierConfig.Encoder.BILSTM
        ? Bidirectional.create(params, "clf.bilstm", spec, DataType.FLOAT, Seeds.derive(seed, "bilstm"))
        : null;
    this.output = new SoftmaxOutput(params, "clf.out", config.featureSize(), config.numClasses(), DataType.FLOAT, Seeds.derive(seed, "out"));
  }

  /** Trains quietly, without checkpoints. */
  public static SequenceClassifier train(ClassifierConfig config, List<Example> data, PretrainedEmbeddings pretrained, long seed) {
    try {
      return train(config, data, pretrained, seed, TrainingOptions.quiet());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // unreachable without a checkpoint
    }
  }

  /**
   * Trains a classifier with Adam on shuffled mini-batches (see {@link EpochTrainer} for seeding,
   * progress and checkpoints).
   *
   * @param pretrained initial vectors for some embedding rows (frozen or fine-tuned), or null
   * @throws IOException when the checkpoint cannot be read or written
   */
  public static SequenceClassifier train(
      ClassifierConfig config, List<Example> data, PretrainedEmbeddings pretrained, long seed, TrainingOptions options)
      throws IOException {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("training data is empty");
    }
    for (int i = 0; i < data.size(); i++) {
      Example e = data.get(i);
      if (e.label() < 0 || e.label() >= config.numClasses()) {
        throw new IllegalArgumentException("example " + i + " has label " + e.label() + " outside [0, " + config.numClasses() + ")");
      }
      if (e.tokens().length == 0) {
        throw new IllegalArgumentException("example " + i + " has no tokens");
      }
      for (int id : e.tokens()) {
        if (id < 0 || id >= config.vocabSize()) {
          throw new IllegalArgumentException("example " + i + " has token id " + id + " outside [0, " + config.vocabSize() + ")");
        }
      }
    }
    SequenceClassifier m = new SequenceClassifier(config, seed);
    if (pretrained != null) {
      m.embedding.loadPretrained(pretrained.rows(), pretrained.vectors().castTo(DataType.FLOAT), pretrained.freeze());
    }
    String compatible = config.withTraining(1, config.batchSize(), config.learningRate()).signature()
        + "|n:" + data.size() + "|seed:" + seed + "|pre:" + (pretrained == null ? "none" : pretrained.freeze() ? "frozen" : "tuned");
    EpochTrainer.run(m.params, data.size(), config.epochs(), config.batchSize(), config.clipNorm(), config.learningRate(), seed,
        compatible, options.epochOptions(), (batch, dropSeed) -> {
          Padded p = Padded.of(data, batch, 0, batch.length, Example::tokens);
          int[] labels = new int[batch.length];
          for (int i = 0; i < batch.length; i++) {
            labels[i] = data.get(batch[i]).label();
          }
          try (Tape tape = new Tape()) {
            Variable loss = m.output.loss(tape, m.encode(tape, p, true, dropSeed), labels, null);
            tape.backward(loss);
            return loss.value().getDouble(0);
          }
        });
    return m;
  }

  private Variable encode(Tape tape, Padded batch, boolean training, long seed) {
    Variable e = embedding.forward(tape, batch.ids()); // [B, T, E]
    e = Dropout.apply(e, config.dropout(), Seeds.derive(seed, "embed"), training);
    int[] len = batch.lengths();
    Variable v = switch (config.encoder()) {
      case MEAN_EMBEDDING -> MaskedMean.apply(e, len); // [B, E]
      case LSTM -> {
        RecurrentOutput o = lstm.forward(tape, e, Masks.fromLengths(len, batch.ids()[0].length, DataType.FLOAT));
        yield pool(o.outputs(), o.finalState().h(), len); // [B, H]
      }
      case BILSTM -> {
        BidirectionalOutput o = bilstm.forward(tape, e, len);
        yield pool(o.outputs(), config.pooling() == ClassifierConfig.Pooling.LAST
            ? ShapeOps.concat(1, o.forwardFinal().h(), o.backwardFinal().h()) : null, len); // [B, 2H]
      }
    };
    return Dropout.apply(v, config.dropout(), Seeds.derive(seed, "features"), training);
  }

  /** @param states {@code [B, T, F]}; @param last {@code [B, F]} */
  private Variable pool(Variable states, Variable last, int[] lengths) {
    return switch (config.pooling()) {
      case LAST -> last;
      case MEAN -> MaskedMean.apply(states, lengths);
      case MAX -> MaskedMax.apply(states, lengths);
    };
  }

  public ClassifierConfig config() {
    return config;
  }

  public ParameterSet parameters() {
    return params;
  }

  /** Class probabilities, one row per sequence: {@code [n][C]}. */
  public double[][] probabilities(List<int[]> sequences) {
    double[][] out = new double[sequences.size()][];
    for (int from = 0; from < sequences.size(); from += PREDICT_BATCH) {
      int to = Math.min(sequences.size(), from + PREDICT_BATCH);
      Padded batch = Padded.of(sequences, Padded.identity(sequences.size()), from, to, s -> s);
      try (Tape tape = new Tape()) {
        INDArray z = output.logits(encode(tape, batch, false, 0).value()); // [B, C]
        double[][] p = z.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < p.length; i++) {
          double lse = LogProbs.logSumExp(p[i]);
          for (int c = 0; c < p[i].length; c++) {
            p[i][c] = Math.exp(p[i][c] - lse);
          }
          out[from + i] = p[i];
        }
      }
    }
    return out;
  }

  /** The most probable class of each sequence. */
  public int[] predict(List<int[]> sequences) {
    return ClassifierEnsemble.argmax(probabilities(sequences));
  }

  /** Fraction of examples whose predicted class is their label. */
  public double accuracy(List<Example> data) {
    int[] pred = predict(data.stream().map(Example::tokens).toList());
    int ok = 0;
    for (int i = 0; i < pred.length; i++) {
      ok += pred[i] == data.get(i).label() ? 1 : 0;
    }
    return ok / (double) pred.length;
  }

  /** A loaded classifier file. */
  public record Saved(SequenceClassifier model, TokenTable words, TokenTable labels, Map<String, String> metadata) {}

  /**
   * Writes the model atomically with its vocabularies.
   *
   * @param words the token table of ids {@code [0, V)}
   * @param labels the class names of ids {@code [0, C)}
   * @param extra more metadata (for example the text preprocessing, {@code run.*} facts)
   */
  public void save(Path path, TokenTable words, TokenTable labels, Map<String, String> extra) throws IOException {
    if (words.size() != config.vocabSize() || labels.size() != config.numClasses()) {
      throw new IllegalArgumentException("tables must have " + config.vocabSize() + " words and " + config.numClasses()
          + " labels, got " + words.size() + " and " + labels.size());
    }
    Map<String, String> m = new LinkedHashMap<>(extra);
    m.put("format", FORMAT);
    m.put("format.version", Integer.toString(FORMAT_VERSION));
    m.put("config.signature", config.signature());
    m.put("encoder", config.encoder().name());
    m.put("pooling", config.pooling().name());
    m.put("vocabSize", Integer.toString(config.vocabSize()));
    m.put("embed", Integer.toString(config.embedDim()));
    m.put("hidden", Integer.toString(config.hiddenSize()));
    m.put("classes", Integer.toString(config.numClasses()));
    m.put("epochs", Integer.toString(config.epochs()));
    m.put("batch", Integer.toString(config.batchSize()));
    m.put("lr", Double.toString(config.learningRate()));
    m.put("dropout", Double.toString(config.dropout()));
    m.put("clip", Double.toString(config.clipNorm()));
    m.put("words", words.serialize());
    m.put("labels", labels.serialize());
    ParameterFile.write(path, params, m);
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @throws IOException naming the path when the file is missing, truncated, corrupt, of another
   *     format or version, or inconsistent
   */
  public static Saved load(Path path) throws IOException {
    ParameterFile.Contents c = ParameterFile.read(path);
    Map<String, String> m = c.metadata();
    ModelFiles.checkFormat(path, m, FORMAT, FORMAT_VERSION, "sequence classifier");
    ClassifierConfig config;
    TokenTable words;
    TokenTable labels;
    try {
      config = new ClassifierConfig(
          ClassifierConfig.Encoder.valueOf(CharLanguageModel.field(m, "encoder")),
          ClassifierConfig.Pooling.valueOf(CharLanguageModel.field(m, "pooling")),
          CharLanguageModel.intField(m, "vocabSize"), CharLanguageModel.intField(m, "embed"), CharLanguageModel.intField(m, "hidden"),
          CharLanguageModel.intField(m, "classes"), CharLanguageModel.intField(m, "epochs"), CharLanguageModel.intField(m, "batch"),
          Double.parseDouble(CharLanguageModel.field(m, "lr")), Double.parseDouble(CharLanguageModel.field(m, "dropout")),
          Double.parseDouble(CharLanguageModel.field(m, "clip")));
      words = TokenTable.parse(CharLanguageModel.field(m, "words"));
      labels = TokenTable.parse(CharLanguageModel.field(m, "labels"));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": bad classifier metadata: " + e.getMessage(), e);
    }
    ModelFiles.checkSignature(path, m, config.signature());
    if (words.size() != config.vocabSize() || labels.size() != config.numClasses()) {
      throw new IOException(path + ": " + words.size() + " words and " + labels.size() + " labels do not match the config ("
          + config.vocabSize() + ", " + config.numClasses() + ")");
    }
    SequenceClassifier model = new SequenceClassifier(config, 0);
    ModelFiles.loadTensors(path, c, model.params);
    return new Saved(model, words, labels, m);
  }

  @Override
  public String toString() {
    return "SequenceClassifier[" + config.signature() + "]";
  }
}
