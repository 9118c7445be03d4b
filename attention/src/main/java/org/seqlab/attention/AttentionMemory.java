package org.seqlab.attention;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

/**
 * What an attention layer attends over: per source sentence {@code r}, keys {@code K[r, s, :]}
 * ({@code [B, S, A]}), values {@code V[r, s, :]} ({@code [B, S, D]}) and a length; positions {@code s
 * >= length} are padding and receive zero weight.
 *
 * <p>The arrays are copied to Java once per batch, so that every decoder step reads them without a
 * native call. In training the memory is bound to a tape: the steps accumulate their key and value
 * gradients here, and one recorded node (the {@linkplain #handle() handle}, which every step takes as
 * input) hands the sums to the key and value variables when the backward pass reaches it, after all
 * steps. Immutable after construction except for those accumulators.
 */
final class AttentionMemory {
  final int batch;
  final int steps;
  final int keyDim;
  final int valueDim;
  final int[] lengths;
  final double[] keys; // [B * S * A]
  final double[] values; // [B * S * D]
  final DataType type;
  private final Variable handle;
  private double[] dKeys;
  private double[] dValues;

  private AttentionMemory(double[] keys, double[] values, int[] lengths, int steps, int keyDim, int valueDim,
      DataType type, Variable keyVar, Variable valueVar, Tape tape) {
    this.batch = lengths.length;
    this.steps = steps;
    this.keyDim = keyDim;
    this.valueDim = valueDim;
    this.lengths = lengths.clone();
    for (int b = 0; b < batch; b++) {
      if (lengths[b] < 1 || lengths[b] > steps) {
        throw new IllegalArgumentException("lengths[" + b + "] = " + lengths[b] + " is outside [1, " + steps + "]");
      }
    }
    this.keys = keys;
    this.values = values;
    this.type = type;
    if (tape == null) {
      this.handle = null;
      return;
    }
    this.handle = tape.record(Nd4j.zeros(type, 1), g -> flush(keyVar, valueVar), keyVar, valueVar); // [1]
  }

  /**
   * A memory on a tape, whose steps send gradients to {@code keys} and {@code values}.
   *
   * @param keys {@code [B, S, A]}
   * @param values {@code [B, S, D]}
   * @param lengths {@code B} valid lengths in {@code [1, S]}
   */
  static AttentionMemory bind(Tape tape, Variable keys, Variable values, int[] lengths) {
    long[] ks = keys.shape();
    long[] vs = values.shape();
    if (ks.length != 3 || vs.length != 3 || ks[0] != vs[0] || ks[1] != vs[1] || ks[0] != lengths.length) {
      throw new IllegalArgumentException("attention memory needs keys [B, S, A] and values [B, S, D] with B = "
          + lengths.length + " lengths, got " + Arrays.toString(ks) + " and " + Arrays.toString(vs));
    }
    return new AttentionMemory(NativeArrays.toArray(keys.value()), NativeArrays.toArray(values.value()), lengths,
        (int) ks[1], (int) ks[2], (int) vs[2], keys.value().dataType(), keys, values, tape);
  }

  /** A memory for inference: no tape, no gradients. */
  static AttentionMemory constant(double[] keys, double[] values, int[] lengths, int steps, int keyDim, int valueDim,
      DataType type) {
    if (keys.length != lengths.length * steps * keyDim || values.length != lengths.length * steps * valueDim) {
      throw new IllegalArgumentException("keys/values sizes do not match [" + lengths.length + ", " + steps + ", "
          + keyDim + "/" + valueDim + "]");
    }
    return new AttentionMemory(keys, values, lengths, steps, keyDim, valueDim, type, null, null, null);
  }

  /** The node every training step takes as input (null for inference). */
  Variable handle() {
    return handle;
  }

  /** Accumulators for key and value gradients, allocated on first use. */
  synchronized double[][] gradients() {
    if (dKeys == null) {
      dKeys = new double[keys.length];
      dValues = new double[values.length];
    }
    return new double[][] {dKeys, dValues};
  }

  private void flush(Variable keyVar, Variable valueVar) {
    if (dKeys == null) {
      return;
    }
    keyVar.addGradOwned(NativeArrays.create(dKeys, keyVar.value().dataType(), keyVar.shape()));
    valueVar.addGradOwned(NativeArrays.create(dValues, valueVar.value().dataType(), valueVar.shape()));
    dKeys = null;
    dValues = null;
  }
}
