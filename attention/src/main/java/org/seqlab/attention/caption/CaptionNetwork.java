package org.seqlab.attention.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.attention.SpatialAttention;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Dropout;
import org.seqlab.core.ops.Losses;
import org.seqlab.core.ops.Conv2dSpec;
import org.seqlab.core.ops.MathOps;
import org.seqlab.core.ops.Pooling;
import org.seqlab.core.ops.ShapeOps;
import org.seqlab.sequence.CellSpec;
import org.seqlab.sequence.CellState;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.Recurrent;
import org.seqlab.sequence.RecurrentCell;
import org.seqlab.sequence.RecurrentOutput;

/**
 * The parameters and forward passes of a caption model: a {@link ConvImageEncoder}, word embeddings,
 * an LSTM decoder and an output layer, in one of two {@link CaptionVariant}s. With {@code a: [B, L,
 * D]} the encoder features and {@code w_t} the embedded previous word:
 *
 * <pre>
 *   show and tell:           v = relu([flatten(a); max_l a_l; mean_l a_l] W_v + b_v)     [B, H]
 *                            [h_0; c_0] = tanh(v W_init + b_init)                   [B, 2H]
 *                            h_t = LSTM(w_t, h_{t-1}),  logits_t = h_t W_o + b_o     [B, V]
 *   show, attend and tell:   [h_0; c_0] = tanh(mean_l(a) W_init + b_init)
 *                            alpha_t = softmax_l(v . tanh(a_l W_k + b_k + h_{t-1} W_q))   [B, L]   ({@link SpatialAttention})
 *                            z_t = sum_l alpha_{t,l} a_l                            [B, D]
 *                            h_t = LSTM([w_t; z_t], h_{t-1}),  logits_t = [h_t; z_t] W_o + b_o
 * </pre>
 *
 * <p>Dropout applies to {@code w_t} and to the output layer's input in training. The network holds
 * parameters only; forward passes allocate everything they use, so inference-mode calls may run
 * concurrently.
 */
final class CaptionNetwork {
  final CaptionModelConfig config;
  final int vocabSize;
  final DataType type;
  final ParameterSet params = new ParameterSet();
  final ConvImageEncoder encoder;
  final Embedding embedding;
  final Linear image; // show and tell only
  final Linear init;
  final RecurrentCell cell;
  final Recurrent lstm;
  final Linear output;
  final SpatialAttention attention; // show, attend and tell only

  CaptionNetwork(CaptionModelConfig config, int vocabSize, DataType type, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.vocabSize = vocabSize;
    this.type = type;
    int h = config.hiddenSize();
    encoder = new ConvImageEncoder(params, "enc", config.imageSize(), config.channels(), type, Seeds.derive(seed, "enc"));
    int d = encoder.featureDim();
    boolean att = config.variant() == CaptionVariant.SHOW_ATTEND_AND_TELL;
    embedding = new Embedding(params, "dec.embed", vocabSize, config.embedDim(), type, Seeds.derive(seed, "embed"));
    image = att ? null : new Linear(params, "dec.image", (encoder.locations() + 2) * d, h, type, Seeds.derive(seed, "image"));
    init = new Linear(params, "dec.init", att ? d : h, 2 * h, type, Seeds.derive(seed, "init"));
    cell = RecurrentCell.create(params, "dec.lstm", CellSpec.of(CellType.LSTM, config.embedDim() + (att ? d : 0), h), type,
        Seeds.derive(seed, "lstm"));
    lstm = new Recurrent(cell);
    output = new Linear(params, "dec.out", h + (att ? d : 0), vocabSize, type, Seeds.derive(seed, "out"));
    attention = att ? new SpatialAttention(params, "dec.att", h, d, config.attentionDim(), type, Seeds.derive(seed, "att")) : null;
  }

  boolean attends() {
    return config.variant() == CaptionVariant.SHOW_ATTEND_AND_TELL;
  }

  /** Encoded images {@code [B, L, D]} and the decoder's initial state. */
  record Start(Variable features, CellState state) {}

  /**
   * @param pixels {@code [B, S, S, 3]}
   */
  Start start(Tape tape, INDArray pixels, boolean training) {
    Variable a = encoder.encode(tape, pixels, training); // [B, L, D]
    long b = a.shape()[0];
    int h = config.hiddenSize();
    Variable summary;
    if (attends()) {
      summary = ShapeOps.reshape(MathOps.mean(a, 1), b, a.shape()[2]); // [B, D]
    } else {
      long l = a.shape()[1];
      long d = a.shape()[2];
      int g = encoder.gridSize();
      Variable flat = ShapeOps.reshape(a, b, l * d); // [B, L*D], where things are
      Variable max = ShapeOps.reshape(Pooling.maxPool2d(ShapeOps.reshape(a, b, g, g, d), Conv2dSpec.pool(g)), b, d); // [B, D]
      Variable mean = ShapeOps.reshape(MathOps.mean(a, 1), b, d); // [B, D], what is there wherever it is
      summary = Activations.relu(image.forward(tape, ShapeOps.concat(1, flat, max, mean))); // [B, H]
    }
    Variable hc = Activations.tanh(init.forward(tape, summary)); // [B, 2H]
    List<Variable> parts = ShapeOps.split(hc, 1, h, h);
    return new Start(a, new CellState(parts.get(0), parts.get(1)));
  }

  /**
   * Mean cross-entropy of a teacher-forced batch.
   *
   * @param pixels {@code [B, S, S, 3]}
   * @param inputs {@code [B][T]} {@code <bos>} then the caption, padded
   * @param targets {@code [B][T]} the caption then {@code <eos>}, padded
   * @param mask {@code [B, T]} 1 on real target positions
   * @return {@code [1]} nats per target token
   */
  Variable loss(Tape tape, INDArray pixels, int[][] inputs, int[][] targets, INDArray mask, boolean training, long seed) {
    Start s = start(tape, pixels, training);
    int b = inputs.length;
    int t = inputs[0].length;
    Variable words = embedding.forward(tape, inputs); // [B, T, E]
    words = Dropout.apply(words, config.dropout(), Seeds.derive(seed, "words"), training);
    Variable logits;
    if (!attends()) {
      RecurrentOutput o = lstm.forward(tape, words, mask, s.state());
      Variable hs = Dropout.apply(o.outputs(), config.dropout(), Seeds.derive(seed, "out"), training); // [B, T, H]
      logits = output.forward(tape, hs); // [B, T, V]
    } else {
      CellState state = s.state();
      SpatialAttention.Memory memory = attention.bind(tape, s.features());
      int[] rows = org.seqlab.decoding.Decoder.iota(b);
      List<Variable> steps = new ArrayList<>();
      for (int k = 0; k < t; k++) {
        SpatialAttention.Read r = attention.attend(tape, memory, state.h(), rows);
        Variable x = ShapeOps.concat(1, ShapeOps.timeStep(words, k), r.context()); // [B, E + D]
        RecurrentOutput o = lstm.forward(tape, ShapeOps.reshape(x, b, 1, x.shape()[1]), null, state);
        state = o.finalState();
        Variable hz = ShapeOps.concat(1, state.h(), r.context()); // [B, H + D]
        hz = Dropout.apply(hz, config.dropout(), Seeds.derive(Seeds.derive(seed, "out"), k), training);
        steps.add(output.forward(tape, hz)); // [B, V]
      }
      logits = ShapeOps.stackSteps(steps); // [B, T, V]
    }
    int[] flat = new int[b * t];
    for (int i = 0; i < b; i++) {
      System.arraycopy(targets[i], 0, flat, i * t, t);
    }
    return Losses.crossEntropy(logits, flat, mask, Losses.Reduction.MEAN);
  }
}
