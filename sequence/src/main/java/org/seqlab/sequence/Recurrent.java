package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

/**
 * Unrolls a {@link RecurrentCell} over a padded batch, {@code [B, T, I] -> [B, T, H]}, as one fused
 * tape operation.
 *
 * <p>Forward: one gemm {@code [B*T, I] x [I, G*H]} for the input projection of every position, then
 * the cell's recurrence with one {@code [B, H] x [H, G*H]} gemm per step. Backward: the cell's
 * hand-written back-propagation through time, then one gemm each for {@code dW_ih}, {@code dW_hh}
 * and {@code dx}.
 *
 * <p>Masking: at a step with mask 0 the state is carried through unchanged, the output is 0, and no
 * gradient reaches the cell's parameters from that step; the gradient of the carried state passes
 * through unchanged. The final state is therefore each sequence's state after its last valid step.
 */
public final class Recurrent {
  private final RecurrentCell cell;

  public Recurrent(RecurrentCell cell) {
    this.cell = Objects.requireNonNull(cell, "cell");
  }

  public RecurrentCell cell() {
    return cell;
  }

  /** Runs from a zero initial state. */
  public RecurrentOutput forward(Tape tape, Variable x, INDArray mask) {
    return forward(tape, x, mask, null);
  }

  /**
   * Runs the layer.
   *
   * @param x {@code [B, T, I]} inputs
   * @param mask {@code [B, T]} 0/1 step mask, or null when every step is valid
   * @param initial initial state ({@code h}, and {@code c} for LSTM, each {@code [B, H]}), or null for
   *     zeros; gradient flows into it
   * @return outputs {@code [B, T, H]} and the final state
   */
  public RecurrentOutput forward(Tape tape, Variable x, INDArray mask, CellState initial) {
    long[] xs = x.shape();
    if (xs.length != 3 || xs[2] != cell.inputSize() || xs[1] < 1 || xs[0] < 1) {
      throw new IllegalArgumentException(
          "recurrent input must be [B, T, " + cell.inputSize() + "] with B, T >= 1, got " + Arrays.toString(xs));
    }
    int b = Math.toIntExact(xs[0]);
    int t = Math.toIntExact(xs[1]);
    int i = cell.inputSize();
    int h = cell.hiddenSize();
    DataType type = x.value().dataType();
    double[] maskTm = timeMajorMask(mask, b, t); // [T*B] or null
    Variable h0 = initial == null ? null : checkState(initial.h(), b, h, type, "initial.h");
    Variable c0 = initial == null || initial.c() == null ? null : checkState(initial.c(), b, h, type, "initial.c");
    if (initial != null && cell.hasCellState() != (c0 != null)) {
      throw new IllegalArgumentException(
          cell.spec().type() + " initial state " + (c0 == null ? "needs" : "must not have") + " a cell part c");
    }
    INDArray xTm = x.value().permute(1, 0, 2).dup('c').reshape('c', (long) t * b, i); // [T*B, I]
    long gh = cell.wIh.shape()[1];
    INDArray xProj = Unroll.tileRows(cell.bias.value(), (long) t * b); // [T*B, G*H]
    Nd4j.gemm(xTm, cell.wIh.value(), xProj, false, false, 1.0, 1.0);
    INDArray h0v = h0 == null ? Nd4j.zeros(type, b, h) : h0.value(); // [B, H]
    INDArray c0v = !cell.hasCellState() ? null : c0 == null ? Nd4j.zeros(type, b, h) : c0.value(); // [B, H]
    Unroll u = new Unroll(xProj, maskTm, h0v, c0v, t, b, h);
    RecurrentCell.Bptt bptt = cell.unroll(u);
    INDArray y = NativeArrays.create(batchMajorOutputs(u), type, b, t, h); // [B, T, H]

    List<Variable> inputs = new ArrayList<>(List.of(x, tape.watch(cell.wIh), tape.watch(cell.wHh), tape.watch(cell.bias)));
    List<Parameter> extras = cell.extraParameters();
    extras.forEach(p -> inputs.add(tape.watch(p)));
    if (h0 != null) {
      inputs.add(h0);
    }
    if (c0 != null) {
      inputs.add(c0);
    }
    double[][] finalGrads = new double[2][]; // filled by the final-state taps, which run first
    Variable[] in = inputs.toArray(new Variable[0]);
    Variable out =
        tape.record(
            y,
            g -> {
              double[] dY = NativeArrays.toArray(g); // [B*T*H] batch-major
              RecurrentCell.Grads grads = bptt.backward(dY, finalGrads[0], finalGrads[1]);
              addGradients(in, extras, xTm, u, grads, h0, c0);
            },
            in);
    Variable hT = tap(tape, out, finalState(u, u.h), finalGrads, 0);
    Variable cT = cell.hasCellState() ? tap(tape, out, finalState(u, u.c), finalGrads, 1) : null;
    return new RecurrentOutput(out, new CellState(hT, cT));
  }

  /**
   * Adds the call's gradients. Parameter gradients go straight into {@link Parameter#grad()} (gemm
   * with beta = 1), which is what the tape would do with them, without temporaries.
   */
  private void addGradients(
      Variable[] in, List<Parameter> extras, INDArray xTm, Unroll u, RecurrentCell.Grads grads, Variable h0, Variable c0) {
    Variable x = in[0];
    INDArray dZ = grads.dXProj(); // [T*B, G*H]
    if (in[1].requiresGrad()) {
      Nd4j.gemm(xTm, dZ, cell.wIh.grad(), true, false, 1.0, 1.0); // [I, G*H]
    }
    if (in[2].requiresGrad()) {
      Nd4j.gemm(u.previousStates().dup('c'), grads.dRec(), cell.wHh.grad(), true, false, 1.0, 1.0); // [H, G*H]
    }
    if (in[3].requiresGrad()) {
      // column sums as one gemv into the gradient buffer (an ND4J sum over dimension 0 is ~10x slower)
      INDArray ones = Nd4j.ones(dZ.dataType(), 1, dZ.size(0));
      Nd4j.gemm(ones, dZ, cell.bias.grad().reshape('c', 1, dZ.size(1)), false, false, 1.0, 1.0);
    }
    for (int k = 0; k < extras.size(); k++) {
      if (in[4 + k].requiresGrad()) {
        extras.get(k).addGrad(grads.extra()[k]);
      }
    }
    if (x.requiresGrad()) {
      INDArray dx = Nd4j.create(dZ.dataType(), xTm.size(0), xTm.size(1)); // [T*B, I]
      Nd4j.gemm(dZ, cell.wIh.value(), dx, false, true, 1.0, 0.0);
      x.addGradOwned(dx.reshape('c', u.steps, u.batch, xTm.size(1)).permute(1, 0, 2).dup('c')); // [B, T, I]
    }
    if (h0 != null) {
      h0.addGrad(grads.dh0());
    }
    if (c0 != null) {
      c0.addGrad(grads.dc0());
    }
  }

  /**
   * Records a final-state output. Its backward pass hands the gradient to the main operation (which
   * runs later, being recorded earlier) and makes sure the main operation runs even when nothing else
   * used the outputs.
   */
  private static Variable tap(Tape tape, Variable out, INDArray value, double[][] grads, int slot) {
    return tape.record(
        value,
        g -> {
          grads[slot] = NativeArrays.toArray(g);
          if (out.grad() == null) {
            out.addGradOwned(Nd4j.zeros(out.value().dataType(), out.shape()));
          }
        },
        out);
  }

  /** {@code [B*T*H]} batch-major outputs: the carried hidden states, 0 at padded steps. */
  private static double[] batchMajorOutputs(Unroll u) {
    int h = u.hidden;
    double[] y = new double[u.batch * u.steps * h];
    for (int t = 0; t < u.steps; t++) {
      for (int s = 0; s < u.batch; s++) {
        if (u.m(t, s) != 0) {
          System.arraycopy(u.h, u.state(t) + s * h, y, (s * u.steps + t) * h, h);
        }
      }
    }
    return y;
  }

  /** {@code [B, H]}: the state carried out of the last step. */
  private static INDArray finalState(Unroll u, double[] state) {
    double[] v = new double[u.batch * u.hidden];
    System.arraycopy(state, u.state(u.steps - 1), v, 0, v.length);
    return NativeArrays.create(v, u.type, u.batch, u.hidden);
  }

  /** The {@code [B, T]} mask as a time-major {@code [T*B]} array (index {@code t * B + b}), checked to be 0/1. */
  private static double[] timeMajorMask(INDArray mask, int b, int t) {
    if (mask == null) {
      return null;
    }
    if (mask.rank() != 2 || mask.size(0) != b || mask.size(1) != t) {
      throw new IllegalArgumentException(
          "mask must be [B, T] = [" + b + ", " + t + "], got " + Arrays.toString(mask.shape()));
    }
    double[] m = mask.castTo(DataType.DOUBLE).dup('c').data().asDouble(); // [B*T], batch-major
    double[] out = new double[m.length];
    for (int s = 0; s < b; s++) {
      for (int k = 0; k < t; k++) {
        double v = m[s * t + k];
        if (v != 0 && v != 1) {
          throw new IllegalArgumentException("mask must hold only 0 and 1, got " + v + " at [" + s + ", " + k + "]");
        }
        out[k * b + s] = v;
      }
    }
    return out;
  }

  private static Variable checkState(Variable s, int b, int h, DataType type, String what) {
    if (s.shape().length != 2 || s.shape()[0] != b || s.shape()[1] != h) {
      throw new IllegalArgumentException(
          what + " must be [B, H] = [" + b + ", " + h + "], got " + Arrays.toString(s.shape()));
    }
    if (s.value().dataType() != type) {
      throw new IllegalArgumentException(what + " has type " + s.value().dataType() + " but the input is " + type);
    }
    return s;
  }
}
