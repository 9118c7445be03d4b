package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.Dropout;

/**
 * A deep recurrent network: layer {@code l + 1} reads layer {@code l}'s outputs, with inverted
 * dropout between layers (Zaremba et al. 2014: dropout on the non-recurrent connections only).
 * Parameters are named {@code name.l0}, {@code name.l1}, ... (and {@code .fwd}/{@code .bwd} when
 * bidirectional).
 */
public final class StackedRecurrent {
  private final RecurrentConfig config;
  private final List<Object> layers = new ArrayList<>(); // Recurrent or Bidirectional

  public StackedRecurrent(ParameterSet params, String name, RecurrentConfig config, DataType type, long seed) {
    this.config = Objects.requireNonNull(config, "config");
    for (int l = 0; l < config.layers(); l++) {
      String ln = name + ".l" + l;
      long s = Seeds.derive(seed, ln);
      CellSpec spec = config.layerSpec(l);
      layers.add(
          config.bidirectional()
              ? Bidirectional.create(params, ln, spec, type, s)
              : new Recurrent(RecurrentCell.create(params, ln, spec, type, s)));
    }
  }

  public RecurrentConfig config() {
    return config;
  }

  /**
   * What the stack returns.
   *
   * @param outputs {@code [B, T, H]} or {@code [B, T, 2H]}: the last layer's outputs
   * @param finalStates per layer its final state; bidirectional layers contribute two entries,
   *     forward then backward
   */
  public record Output(Variable outputs, List<CellState> finalStates) {}

  /**
   * Runs the stack.
   *
   * @param x {@code [B, T, I]}
   * @param lengths valid steps per sequence, or null when all are full
   * @param initial per-layer initial states (unidirectional stacks only), or null for zeros
   * @param training applies dropout when true
   * @param dropoutSeed seed of this call's dropout masks (derive a fresh one per step, e.g. with
   *     {@link Seeds#derive(long, long)})
   */
  public Output forward(Tape tape, Variable x, int[] lengths, List<CellState> initial, boolean training, long dropoutSeed) {
    INDArray mask =
        lengths == null ? null : Masks.fromLengths(lengths, (int) x.shape()[1], x.value().dataType());
    return run(tape, x, lengths, mask, initial, training, dropoutSeed);
  }

  /**
   * Like {@link #forward(Tape, Variable, int[], List, boolean, long)} with a {@code [B, T]} 0/1 step
   * mask, which for a unidirectional stack may have any pattern (a row may even be all zeros: its
   * state is carried through). Bidirectional stacks need prefix masks.
   */
  public Output forwardMasked(
      Tape tape, Variable x, INDArray mask, List<CellState> initial, boolean training, long dropoutSeed) {
    int[] lengths = mask != null && config.bidirectional() ? Masks.lengths(mask) : null;
    return run(tape, x, lengths, mask, initial, training, dropoutSeed);
  }

  private Output run(
      Tape tape, Variable x, int[] lengths, INDArray mask, List<CellState> initial, boolean training, long dropoutSeed) {
    if (initial != null && (config.bidirectional() || initial.size() != config.layers())) {
      throw new IllegalArgumentException(
          "initial states need a unidirectional stack and one state per layer (" + config.layers()
              + "), got " + initial.size() + (config.bidirectional() ? " for a bidirectional stack" : ""));
    }
    List<CellState> finals = new ArrayList<>();
    Variable h = x;
    for (int l = 0; l < layers.size(); l++) {
      if (l > 0) {
        h = Dropout.apply(h, config.dropout(), Seeds.derive(dropoutSeed, l), training);
      }
      if (layers.get(l) instanceof Bidirectional bi) {
        BidirectionalOutput o = bi.forward(tape, h, lengths);
        h = o.outputs();
        finals.add(o.forwardFinal());
        finals.add(o.backwardFinal());
      } else {
        RecurrentOutput o = ((Recurrent) layers.get(l)).forward(tape, h, mask, initial == null ? null : initial.get(l));
        h = o.outputs();
        finals.add(o.finalState());
      }
    }
    return new Output(h, List.copyOf(finals));
  }
}
