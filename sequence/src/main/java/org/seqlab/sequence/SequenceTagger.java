package org.seqlab.sequence;

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
import org.seqlab.core.ops.Dropout;

/**
 * A many-to-many tagger (Huang, Xu and Yu 2015, without the CRF layer): embeddings, a bidirectional
 * LSTM, and an independent softmax over the tags at every position, trained with the masked mean
 * cross-entropy over all tokens of a batch.
 *
 * <pre>
 *   h_t = [LSTM_fwd(e_1..e_t); LSTM_bwd(e_len..e_t)]      [B, T, 2H]
 *   p(y_t | x) = softmax(h_t W + b)                        [B, T, K]
 * </pre>
 */
public final class SequenceTagger {
  /** One training or test sentence: token ids and one tag per token (equal, non-zero lengths). */
  public record Example(int[] tokens, int[] tags) {
    public Example {
      Objects.requireNonNull(tokens, "tokens");
      Objects.requireNonNull(tags, "tags");
      if (tokens.length != tags.length || tokens.length == 0) {
        throw new IllegalArgumentException(
            "a tagged sentence needs one tag per token and at least one token, got " + tokens.length + " tokens and " + tags.length + " tags");
      }
      tokens = tokens.clone();
      tags = tags.clone();
    }
  }

  private final TaggerConfig config;
  private final ParameterSet params = new ParameterSet();
  private final Embedding embedding;
  private final Bidirectional bilstm;
  private final SoftmaxOutput output;

  private SequenceTagger(TaggerConfig config, long seed) {
    this.config = config;
    this.embedding = new Embedding(params, "tagger.embed", config.vocabSize(), config.embedDim(), DataType.FLOAT, Seeds.derive(seed, "embed"));
    this.bilstm = Bidirectional.create(params, "tagger.bilstm", CellSpec.of(CellType.LSTM, config.embedDim(), config.hiddenSize()), DataType.FLOAT, Seeds.derive(seed, "bilstm"));
    this.output = new SoftmaxOutput(params, "tagger.out", 2 * config.hiddenSize(), config.numTags(), DataType.FLOAT, Seeds.derive(seed, "out"));
  }

  /**
   * Trains a tagger with Adam on shuffled mini-batches.
   *
   * @param pretrained initial vectors for some embedding rows, or null
   */
  public static SequenceTagger train(TaggerConfig config, List<Example> data, PretrainedEmbeddings pretrained, long seed) {
    if (data.isEmpty()) {
      throw new IllegalArgumentException("training data is empty");
    }
    SequenceTagger m = new SequenceTagger(config, seed);
    if (pretrained != null) {
      m.embedding.loadPretrained(pretrained.rows(), pretrained.vectors().castTo(DataType.FLOAT), pretrained.freeze());
    }
    FusedAdam adam = new FusedAdam(config.learningRate());
    SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "shuffle"));
    long step = 0;
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      int[] order = Padded.shuffled(data.size(), rng);
      for (int from = 0; from < order.length; from += config.batchSize(), step++) {
        int to = Math.min(order.length, from + config.batchSize());
        Padded batch = Padded.of(data, order, from, to, Example::tokens);
        Padded tags = Padded.of(data, order, from, to, Example::tags);
        int t = batch.ids()[0].length;
        int[] flat = new int[(to - from) * t];
        for (int i = 0; i < to - from; i++) {
          System.arraycopy(tags.ids()[i], 0, flat, i * t, t);
        }
        INDArray mask = Masks.fromLengths(batch.lengths(), t, DataType.FLOAT);
        try (Tape tape = new Tape()) {
          Variable h = m.encode(tape, batch, true, Seeds.derive(seed, step));
          tape.backward(m.output.loss(tape, h, flat, mask));
        }
        adam.step(m.params);
      }
    }
    return m;
  }

  private Variable encode(Tape tape, Padded batch, boolean training, long seed) {
    Variable e = embedding.forward(tape, batch.ids()); // [B, T, E]
    e = Dropout.apply(e, config.dropout(), Seeds.derive(seed, "embed"), training);
    Variable h = bilstm.forward(tape, e, batch.lengths()).outputs(); // [B, T, 2H]
    return Dropout.apply(h, config.dropout(), Seeds.derive(seed, "out"), training);
  }

  public TaggerConfig config() {
    return config;
  }

  public ParameterSet parameters() {
    return params;
  }

  /** The most probable tag at every position of every sentence. */
  public int[][] predict(List<int[]> sentences) {
    Padded batch = Padded.of(sentences, Padded.identity(sentences.size()), 0, sentences.size(), s -> s);
    int t = batch.ids()[0].length;
    try (Tape tape = new Tape()) {
      INDArray z = output.logits(encode(tape, batch, false, 0).value()); // [B*T, K]
      double[][] logits = z.castTo(DataType.DOUBLE).toDoubleMatrix();
      int[][] out = new int[sentences.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = new int[batch.lengths()[i]];
        for (int k = 0; k < out[i].length; k++) {
          double[] row = logits[i * t + k];
          for (int c = 1; c < row.length; c++) {
            if (row[c] > row[out[i][k]]) {
              out[i][k] = c;
            }
          }
        }
      }
      return out;
    }
  }

  /** Fraction of tokens tagged correctly. */
  public double accuracy(List<Example> data) {
    int[][] pred = predict(data.stream().map(Example::tokens).toList());
    long ok = 0;
    long n = 0;
    for (int i = 0; i < pred.length; i++) {
      for (int k = 0; k < pred[i].length; k++) {
        ok += pred[i][k] == data.get(i).tags()[k] ? 1 : 0;
        n++;
      }
    }
    return ok / (double) n;
  }
}
