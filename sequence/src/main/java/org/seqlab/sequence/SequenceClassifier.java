package org.seqlab.sequence;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.Embedding;

/**
 * A many-to-one classifier: embeddings, then either their mean (the bag-of-embeddings baseline) or
 * an LSTM's final state (which sees word order), then a softmax over the classes.
 *
 * <pre>
 *   v = mean_t E[x_t]   or   v = h_len  of  LSTM(E[x_1..len])          [B, F]
 *   p(y | x) = softmax(v W + b)                                        [B, C]
 * </pre>
 */
public final class SequenceClassifier {
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
  private final SoftmaxOutput output;

  private SequenceClassifier(ClassifierConfig config, long seed) {
    this.config = config;
    this.embedding = new Embedding(params, "clf.embed", config.vocabSize(), config.embedDim(), DataType.FLOAT, Seeds.derive(seed, "embed"));
    this.lstm = config.encoder() == ClassifierConfig.Encoder.LSTM
        ? new Recurrent(RecurrentCell.create(params, "clf.lstm", CellSpec.of(CellType.LSTM, config.embedDim(), config.hiddenSize()), DataType.FLOAT, Seeds.derive(seed, "lstm")))
        : null;
    this.output = new SoftmaxOutput(params, "clf.out", config.featureSize(), config.numClasses(), DataType.FLOAT, Seeds.derive(seed, "out"));
  }

  /**
   * Trains a classifier with Adam on shuffled mini-batches.
   *
   * @param pretrained initial vectors for some embedding rows, or null
   */
  public static SequenceClassifier train(ClassifierConfig config, List<Example> data, PretrainedEmbeddings pretrained, long seed) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("training data is empty");
    }
    for (int i = 0; i < data.size(); i++) {
      int y = data.get(i).label();
      if (y < 0 || y >= config.numClasses()) {
        throw new IllegalArgumentException("example " + i + " has label " + y + " outside [0, " + config.numClasses() + ")");
      }
    }
    SequenceClassifier m = new SequenceClassifier(config, seed);
    if (pretrained != null) {
      m.embedding.loadPretrained(pretrained.rows(), pretrained.vectors().castTo(DataType.FLOAT), pretrained.freeze());
    }
    FusedAdam adam = new FusedAdam(config.learningRate());
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "shuffle"));
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      int[] order = Padded.shuffled(data.size(), rng);
      for (int from = 0; from < order.length; from += config.batchSize()) {
        int to = Math.min(order.length, from + config.batchSize());
        Padded batch = Padded.of(data, order, from, to, Example::tokens);
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
          labels[i - from] = data.get(order[i]).label();
        }
        try (Tape tape = new Tape()) {
          tape.backward(m.output.loss(tape, m.encode(tape, batch), labels, null));
        }
        adam.step(m.params);
      }
    }
    return m;
  }

  private Variable encode(Tape tape, Padded batch) {
    Variable e = embedding.forward(tape, batch.ids()); // [B, T, E]
    if (lstm == null) {
      return MaskedMean.apply(e, batch.lengths()); // [B, E]
    }
    INDArray mask = Masks.fromLengths(batch.lengths(), batch.ids()[0].length, DataType.FLOAT);
    return lstm.forward(tape, e, mask).finalState().h(); // [B, H]
  }

  public ClassifierConfig config() {
    return config;
  }

  public ParameterSet parameters() {
    return params;
  }

  /** Class probabilities, one row per sequence: {@code [n][C]}. */
  public double[][] probabilities(List<int[]> sequences) {
    Padded batch = Padded.of(sequences, Padded.identity(sequences.size()), 0, sequences.size(), s -> s);
    try (Tape tape = new Tape()) {
      INDArray z = output.logits(encode(tape, batch).value()); // [B, C]
      double[][] p = z.castTo(DataType.DOUBLE).toDoubleMatrix();
      for (double[] row : p) {
        double max = Arrays.stream(row).max().orElseThrow();
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
          row[c] = Math.exp(row[c] - max);
          sum += row[c];
        }
        for (int c = 0; c < row.length; c++) {
          row[c] /= sum;
        }
      }
      return p;
    }
  }

  /** The most probable class of each sequence. */
  public int[] predict(List<int[]> sequences) {
    double[][] p = probabilities(sequences);
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      for (int c = 1; c < p[i].length; c++) {
        if (p[i][c] > p[i][out[i]]) {
          out[i] = c;
        }
      }
    }
    return out;
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
}
