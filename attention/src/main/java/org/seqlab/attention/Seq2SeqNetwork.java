package org.seqlab.attention;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.nn.Linear;
import org.seqlab.core.ops.Activations;
import org.seqlab.core.ops.Dropout;
import org.seqlab.core.ops.MathOps;
import org.seqlab.core.ops.ShapeOps;
import org.seqlab.sequence.Bidirectional;
import org.seqlab.sequence.BidirectionalOutput;
import org.seqlab.sequence.CellSpec;
import org.seqlab.sequence.CellState;
import org.seqlab.sequence.CellType;
import org.seqlab.sequence.Recurrent;
import org.seqlab.sequence.RecurrentCell;
import org.seqlab.sequence.RecurrentOutput;
import org.seqlab.sequence.SoftmaxOutput;

/**
 * The layers of a {@link Seq2SeqModel} and its two forward passes: the teacher-forced training loss
 * and one inference step.
 *
 * <pre>
 *   encoder   a = BiRNN(E_src x)                                         [B, S, 2He]
 *             s_0 = tanh([h_fwd; h_bwd] W_init + b)                       [B, Hd]   (LSTM: c_0 = 0)
 *   step t    c_t = attention(s_{t-1}, a)  (ADDITIVE only)                [B, 2He]
 *             s_t = RNN([e_{t-1}; c_t], s_{t-1})    e = E_tgt y           [B, Hd]
 *             o_t = tanh([s_t; e_{t-1}; c_t] W_o + b_o)                   [B, O]
 *             p(y_t) = softmax(o_t W_out + b_out)                         [B, V]
 * </pre>
 */
final class Seq2SeqNetwork {
  final Seq2SeqConfig config;
  final DataType type;
  final ParameterSet params = new ParameterSet();
  final Embedding sourceEmbedding;
  final Embedding targetEmbedding;
  final Bidirectional encoder;
  final Linear bridge;
  final AdditiveAttention attention; // null without attention
  final Recurrent decoder;
  final Linear preOutput;
  final SoftmaxOutput output;

  Seq2SeqNetwork(Seq2SeqConfig c, int sourceVocab, int targetVocab, DataType type, long seed) {
    this.config = c;
    this.type = type;
    sourceEmbedding = new Embedding(params, "src.embed", sourceVocab, c.embedDim(), type, Seeds.derive(seed, "src.embed"));
    targetEmbedding = new Embedding(params, "tgt.embed", targetVocab, c.embedDim(), type, Seeds.derive(seed, "tgt.embed"));
    encoder = Bidirectional.create(params, "enc", CellSpec.of(c.cell(), c.embedDim(), c.encoderHidden()), type,
        Seeds.derive(seed, "enc"));
    bridge = new Linear(params, "bridge", c.memoryDim(), c.decoderHidden(), type, Seeds.derive(seed, "bridge"));
    boolean att = c.attention() == AttentionKind.ADDITIVE;
    attention = att ? new AdditiveAttention(params, "att", c.decoderHidden(), c.memoryDim(), c.attentionDim(), type,
        Seeds.derive(seed, "att")) : null;
    int in = c.embedDim() + (att ? c.memoryDim() : 0);
    decoder = new Recurrent(RecurrentCell.create(params, "dec", CellSpec.of(c.cell(), in, c.decoderHidden()), type,
        Seeds.derive(seed, "dec")));
    preOutput = new Linear(params, "pre", c.decoderHidden() + in, c.outputDim(), type, Seeds.derive(seed, "pre"));
    output = new SoftmaxOutput(params, "out", c.outputDim(), targetVocab, type, Seeds.derive(seed, "out"));
  }

  boolean hasAttention() {
    return attention != null;
  }

  boolean lstm() {
    return config.cell() == CellType.LSTM;
  }

  /** The encoder's result on a tape. */
  record Encoded(Variable memory, Variable keys, CellState initial, int[] lengths) {}

  /**
   * @param source {@code [B][S]} padded ids
   * @param lengths {@code B} lengths in {@code [1, S]}
   */
  Encoded encode(Tape tape, int[][] source, int[] lengths, boolean training, long seed) {
    Variable x = sourceEmbedding.forward(tape, source); // [B, S, E]
    x = Dropout.apply(x, config.dropout(), Seeds.derive(seed, "src.drop"), training);
    BidirectionalOutput bo = encoder.forward(tape, x, lengths);
    Variable a = bo.outputs(); // [B, S, 2He]
    Variable last = ShapeOps.concat(1, bo.forwardFinal().h(), bo.backwardFinal().h()); // [B, 2He]
    Variable s0 = Activations.tanh(bridge.forward(tape, last)); // [B, Hd]
    Variable c0 = lstm() ? tape.constant(Nd4j.zeros(type, source.length, config.decoderHidden())) : null;
    Variable keys = hasAttention() ? attention.keys(tape, a) : null; // [B, S, A]
    return new Encoded(a, keys, new CellState(s0, c0), lengths);
  }

  /** Mean cross-entropy per target token (nats) of a teacher-forced batch. */
  Variable loss(Tape tape, Seq2SeqBatch batch, boolean training, long seed) {
    Variable features = decode(tape, batch, training, seed).features;
    return output.loss(tape, features, batch.decoderTarget(), batch.maskArray(type));
  }

  /** Pre-output features {@code [B, T, O]} and the attention weights of every step ({@code [T][B * S]}). */
  record Decoded(Variable features, List<double[]> weights) {}

  Decoded decode(Tape tape, Seq2SeqBatch batch, boolean training, long seed) {
    Encoded enc = encode(tape, batch.source(), batch.sourceLengths(), training, seed);
    Variable emb = targetEmbedding.forward(tape, batch.decoderInput()); // [B, T, E]
    emb = Dropout.apply(emb, config.dropout(), Seeds.derive(seed, "tgt.drop"), training);
    List<double[]> weights = new ArrayList<>();
    Variable features;
    if (hasAttention()) {
      AttentionMemory memory = AttentionMemory.bind(tape, enc.keys(), enc.memory(), enc.lengths());
      int[] rows = org.seqlab.decoding.Decoder.iota(batch.size());
      CellState s = enc.initial();
      List<Variable> states = new ArrayList<>();
      List<Variable> contexts = new ArrayList<>();
      for (int t = 0; t < batch.targetSteps(); t++) {
        Variable e = ShapeOps.timeStep(emb, t); // [B, E]
        AdditiveAttention.Step att = attention.attend(tape, memory, s.h(), rows);
        Variable x = ShapeOps.concat(1, e, att.context()); // [B, E + 2He]
        RecurrentOutput out = decoder.forward(tape, ShapeOps.reshape(x, batch.size(), 1, x.shape()[1]), null, s);
        s = out.finalState();
        states.add(s.h());
        contexts.add(att.context());
        weights.add(att.weights());
      }
      features = ShapeOps.concat(2, ShapeOps.stackSteps(states), emb, ShapeOps.stackSteps(contexts)); // [B, T, Hd+E+2He]
    } else {
      RecurrentOutput out = decoder.forward(tape, emb, null, enc.initial()); // [B, T, Hd]
      features = ShapeOps.concat(2, out.outputs(), emb); // [B, T, Hd+E]
    }
    Variable o = Activations.tanh(preOutput.forward(tape, features)); // [B, T, O]
    o = Dropout.apply(o, config.dropout(), Seeds.derive(seed, "out.drop"), training);
    return new Decoded(o, weights);
  }

  /**
   * One inference step without gradients.
   *
   * @param h {@code [N * Hd]} decoder states, {@code c} the LSTM cells or null
   * @return next states and {@code [N * V]} output logits, and the attention weights {@code [N * S]} (or null)
   */
  StepResult step(double[] h, double[] c, int[] last, AttentionMemory memory, int[] rows) {
    int n = last.length;
    int hd = config.decoderHidden();
    try (Tape tape = new Tape()) {
      Variable e = targetEmbedding.lookup(tape, last, new long[] {n, config.embedDim()}); // [N, E]
      Variable s = tape.constant(NativeArrays.create(h, type, n, hd)); // [N, Hd]
      Variable cv = c == null ? null : tape.constant(NativeArrays.create(c, type, n, hd));
      Variable x = e;
      double[] weights = null;
      if (hasAttention()) {
        double[] q = NativeArrays.toArray(s.value().mmul(attention.queryWeight.value())); // [N, A]
        double[][] r = AdditiveAttention.attend(memory, q, NativeArrays.toArray(attention.energy.value()), rows);
        weights = r[1];
        x = ShapeOps.concat(1, e, tape.constant(NativeArrays.create(r[0], type, n, config.memoryDim())));
      }
      RecurrentOutput out = decoder.forward(tape, ShapeOps.reshape(x, n, 1, x.shape()[1]), null, new CellState(s, cv));
      CellState next = out.finalState();
      Variable o = Activations.tanh(preOutput.forward(tape, ShapeOps.concat(1, next.h(), x))); // [N, O]
      INDArray z = o.value().mmul(output.weight().value()).addiRowVector(output.bias().value()); // [N, V]
      return new StepResult(NativeArrays.toArray(next.h().value()),
          next.c() == null ? null : NativeArrays.toArray(next.c().value()), NativeArrays.toArray(z), weights);
    }
  }

  record StepResult(double[] h, double[] c, double[] logits, double[] weights) {}
}
