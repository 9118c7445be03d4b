package org.seqlab.sequence;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.ShapeOps;

/**
 * A bidirectional recurrent layer (Schuster and Paliwal 1997): one cell reads each sequence left to
 * right, another right to left, and their outputs are concatenated, {@code [B, T, I] -> [B, T, 2H]}.
 *
 * <p>The right-to-left direction reverses each sequence <em>within its own length</em> (padding
 * stays at the end), runs the cell with the same mask, and reverses its outputs back, so that at
 * position {@code t} it has read {@code x[t .. len-1]} and never a padded step.
 */
public final class Bidirectional {
  private final Recurrent forward;
  private final Recurrent backward;

  public Bidirectional(RecurrentCell forwardCell, RecurrentCell backwardCell) {
    Objects.requireNonNull(forwardCell, "forwardCell");
    Objects.requireNonNull(backwardCell, "backwardCell");
    if (!forwardCell.spec().equals(backwardCell.spec())) {
      throw new IllegalArgumentException(
          "both directions need the same spec, got " + forwardCell.spec() + " and " + backwardCell.spec());
    }
    this.forward = new Recurrent(forwardCell);
    this.backward = new Recurrent(backwardCell);
  }

  /** Two new cells {@code name.fwd} and {@code name.bwd}. */
  public static Bidirectional create(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    return new Bidirectional(
        RecurrentCell.create(params, name + ".fwd", spec, type, Seeds.derive(seed, "fwd")),
        RecurrentCell.create(params, name + ".bwd", spec, type, Seeds.derive(seed, "bwd")));
  }

  public RecurrentCell forwardCell() {
    return forward.cell();
  }

  public RecurrentCell backwardCell() {
    return backward.cell();
  }

  /** Output width {@code 2H}. */
  public int outputSize() {
    return 2 * forward.cell().hiddenSize();
  }

  /**
   * @param x {@code [B, T, I]}
   * @param lengths valid steps per sequence, each in {@code [1, T]}, or null when all are full
   */
  public BidirectionalOutput forward(Tape tape, Variable x, int[] lengths) {
    long[] s = x.shape();
    if (s.length != 3) {
      throw new IllegalArgumentException("bidirectional input must be [B, T, I], got " + java.util.Arrays.toString(s));
    }
    int b = (int) s[0];
    int t = (int) s[1];
    int[] lens = lengths == null ? Masks.full(b, t) : lengths;
    if (lens.length != b) {
      throw new IllegalArgumentException("got " + lens.length + " lengths for a batch of " + b);
    }
    var mask = lengths == null ? null : Masks.fromLengths(lens, t, x.value().dataType());
    RecurrentOutput fwd = forward.forward(tape, x, mask);
    RecurrentOutput bwd = backward.forward(tape, Masks.reverse(x, lens), mask);
    Variable bwdOut = Masks.reverse(bwd.outputs(), lens); // [B, T, H]
    Variable out = ShapeOps.concat(2, fwd.outputs(), bwdOut); // [B, T, 2H]
    return new BidirectionalOutput(out, fwd.finalState(), bwd.finalState());
  }
}
