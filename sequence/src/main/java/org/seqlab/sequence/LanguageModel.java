package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.nn.Embedding;
import org.seqlab.core.ops.Dropout;

/**
 * A recurrent language model over token ids (Mikolov et al. 2010; Zaremba et al. 2014):
 *
 * <pre>
 *   e_t = E[x_t]                       [B, T, E]
 *   h_t = RNN(dropout(e))_t            [B, T, H]
 *   p(x_{t+1} | x_{<=t}) = softmax(dropout(h_t) W + b)       over V tokens
 * </pre>
 *
 * <p>Parameters: {@code lm.embed.table}, {@code lm.rnn.l0.*}, ..., {@code lm.out.w}, {@code lm.out.b}.
 * The model holds parameters only; optimiser state and training loops live in the trainers.
 */
public final class LanguageModel {
  private final LanguageModelConfig config;
  private final DataType type;
  private final ParameterSet params = new ParameterSet();
  private final Embedding embedding;
  private final StackedRecurrent rnn;
  private final SoftmaxOutput output;

  /**
   * @param type FLOAT for training, DOUBLE for gradient checks
   * @param seed initialises every parameter (each from its own derived seed)
   */
  public LanguageModel(LanguageModelConfig config, DataType type, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    this.type = Objects.requireNonNull(type, "type");
    this.embedding = new Embedding(params, "lm.embed", config.vocabSize(), config.embedDim(), type, Seeds.derive(seed, "embed"));
    this.rnn = new StackedRecurrent(params, "lm.rnn", config.recurrent(), type, Seeds.derive(seed, "rnn"));
    this.output = new SoftmaxOutput(params, "lm.out", config.hiddenSize(), config.vocabSize(), type, Seeds.derive(seed, "out"));
  }

  public LanguageModelConfig config() {
    return config;
  }

  public DataType dataType() {
    return type;
  }

  /** Every trainable parameter, by name. */
  public ParameterSet parameters() {
    return params;
  }

  public Embedding embedding() {
    return embedding;
  }

  /**
   * What a forward pass over a batch returns.
   *
   * @param loss {@code [1]} mean cross-entropy in nats per predicted token
   * @param tokens number of predicted (unmasked) tokens
   * @param finalStates per layer, the state after the last valid step (for truncated BPTT)
   */
  public record Output(Variable loss, int tokens, List<CellState> finalStates) {}

  /**
   * Mean next-token cross-entropy of a batch.
   *
   * @param inputs {@code [B][T]} input ids
   * @param targets {@code [B][T]} the id to predict after each input
   * @param lengths valid steps per row, or null when all rows are full
   * @param initial per-layer initial states, or null for zeros
   * @param training applies dropout
   * @param dropoutSeed this batch's dropout seed
   */
  public Output loss(
      Tape tape, int[][] inputs, int[][] targets, int[] lengths, List<CellState> initial, boolean training,
      long dropoutSeed) {
    INDArray mask = lengths == null ? null : Masks.fromLengths(lengths, inputs.length == 0 ? 0 : inputs[0].length, type);
    return lossMasked(tape, inputs, targets, mask, initial, training, dropoutSeed);
  }

  /**
   * Like {@link #loss(Tape, int[][], int[][], int[], List, boolean, long)} with a {@code [B, T]} 0/1
   * mask of any pattern: masked steps carry the state through and are not scored.
   */
  public Output lossMasked(
      Tape tape, int[][] inputs, int[][] targets, INDArray mask, List<CellState> initial, boolean training,
      long dropoutSeed) {
    int[] flat = flatTargets(inputs, targets);
    Hidden h = hiddenStates(tape, inputs, mask, initial, training, dropoutSeed);
    int tokens = mask == null ? flat.length : (int) Math.round(mask.sumNumber().doubleValue());
    Variable loss = output.loss(tape, h.finalH, flat, mask);
    return new Output(loss, tokens, h.states);
  }

  /**
   * Mean next-token cross-entropy without dropout or gradient (validation, benchmarks).
   *
   * @return nats per predicted token
   */
  public double evaluate(int[][] inputs, int[][] targets, int[] lengths) {
    int[] flat = flatTargets(inputs, targets);
    int t = inputs[0].length;
    try (Tape tape = new Tape()) {
      INDArray mask = lengths == null ? null : Masks.fromLengths(lengths, t, type);
      Hidden h = hiddenStates(tape, inputs, mask, null, false, 0);
      return output.evaluate(h.finalH.value(), flat, mask);
    }
  }

  private static int[] flatTargets(int[][] inputs, int[][] targets) {
    int b = inputs.length;
    int t = b == 0 ? 0 : inputs[0].length;
    if (b == 0 || t == 0 || targets.length != b) {
      throw new IllegalArgumentException(
          "inputs must be non-empty [B][T] and targets the same, got " + b + " input rows and " + targets.length + " target rows");
    }
    int[] flat = new int[b * t];
    for (int i = 0; i < b; i++) {
      if (targets[i].length != t || inputs[i].length != t) {
        throw new IllegalArgumentException(
            "row " + i + " has " + inputs[i].length + " inputs and " + targets[i].length + " targets; expected " + t);
      }
      System.arraycopy(targets[i], 0, flat, i * t, t);
    }
    return flat;
  }

  private record Hidden(Variable finalH, List<CellState> states) {}

  private Hidden hiddenStates(
      Tape tape, int[][] inputs, INDArray mask, List<CellState> initial, boolean training, long seed) {
    Variable e = embedding.forward(tape, inputs); // [B, T, E]
    e = Dropout.apply(e, config.dropout(), Seeds.derive(seed, "embed"), training);
    StackedRecurrent.Output o = rnn.forwardMasked(tape, e, mask, initial, training, Seeds.derive(seed, "rnn"));
    Variable h = Dropout.apply(o.outputs(), config.dropout(), Seeds.derive(seed, "out"), training); // [B, T, H]
    return new Hidden(h, o.finalStates());
  }

  /**
   * Inference for one step of every row (sampling, scoring): no dropout, no gradient.
   *
   * @param tokens {@code B} current ids
   * @param state per-layer state from the previous step, or null at the start
   * @return the next-token logits {@code [B, V]} and the new state
   */
  public Step step(int[] tokens, List<CellState> state) {
    int[][] in = new int[tokens.length][1];
    for (int i = 0; i < tokens.length; i++) {
      in[i][0] = tokens[i];
    }
    return run(in, state);
  }

  /**
   * Inference over whole rows ({@code [B][T]} ids, all full length).
   *
   * @return logits {@code [B*T, V]} (row {@code b*T + t} predicts the id after {@code x[b][t]}) and the final state
   */
  public Step run(int[][] inputs, List<CellState> state) {
    try (Tape tape = new Tape()) {
      List<CellState> init = state == null ? null : constants(tape, state);
      Hidden h = hiddenStates(tape, inputs, null, init, false, 0);
      INDArray logits = output.logits(h.finalH.value()); // [B*T, V]
      return new Step(logits, h.states);
    }
  }

  /**
   * @param logits {@code [N, V]}
   * @param state per-layer states; only their values are used (re-wrap them with {@link #constants})
   */
  public record Step(INDArray logits, List<CellState> state) {}

  /**
   * The states' values re-wrapped as constants on {@code tape}: the gradient stops here (truncated
   * back-propagation through time).
   */
  public static List<CellState> constants(Tape tape, List<CellState> states) {
    List<CellState> out = new ArrayList<>();
    for (CellState s : states) {
      out.add(new CellState(tape.constant(s.h().value()), s.c() == null ? null : tape.constant(s.c().value())));
    }
    return out;
  }
}
