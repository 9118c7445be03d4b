package org.seqlab.attention;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;

/**
 * {@link AdditiveAttention} over a fixed-size memory such as the {@code L = G x G} cells of an image
 * feature map (every position valid), as a public API for the caption decoder ("show, attend and
 * tell", Xu et al. 2015, uses this soft attention): for features {@code a: [B, L, D]} and a decoder
 * state {@code h: [N, H]} whose row {@code i} attends over memory row {@code rows[i]},
 *
 * <pre>
 *   alpha_{i,l} = softmax_l( v . tanh(a_{rows[i], l} W_k + b_k + h_i W_q) )     [N, L]
 *   z_i = sum_l alpha_{i,l} a_{rows[i], l}                                        [N, D]
 * </pre>
 *
 * using the package's fused, gradient-checked kernel. Parameters: {@code name.w_q: [H, A]}, {@code
 * name.w_k: [D, A]}, {@code name.b_k: [A]}, {@code name.v: [A]}.
 */
public final class SpatialAttention {
  private final AdditiveAttention attention;

  /**
   * @param queryDim decoder state width {@code H}
   * @param featureDim memory vector width {@code D}
   * @param attentionDim hidden width {@code A} of the scoring network
   */
  public SpatialAttention(ParameterSet params, String name, int queryDim, int featureDim, int attentionDim, DataType type,
      long seed) {
    this.attention = new AdditiveAttention(params, name, queryDim, featureDim, attentionDim, type, seed);
  }

  public int attentionDim() {
    return attention.attentionDim();
  }

  /**
   * Memory rows to attend over: keys and values of {@code B} rows of {@code L} positions.
   * Immutable for inference; a training memory accumulates its gradients until its tape's backward
   * pass reaches it.
   */
  public static final class Memory {
    private final AttentionMemory memory;

    private Memory(AttentionMemory memory) {
      this.memory = memory;
    }

    /** Number of memory rows {@code B}. */
    public int rows() {
      return memory.batch;
    }

    /** Positions per row {@code L}. */
    public int locations() {
      return memory.steps;
    }
  }

  /**
   * A training memory on {@code tape}: gradients flow into {@code features} and the key parameters.
   *
   * @param features {@code [B, L, D]}
   */
  public Memory bind(Tape tape, Variable features) {
    long[] s = features.shape();
    if (s.length != 3) {
      throw new IllegalArgumentException("features must be [B, L, D], got " + Arrays.toString(s));
    }
    int[] lengths = new int[Math.toIntExact(s[0])];
    Arrays.fill(lengths, Math.toIntExact(s[1]));
    return new Memory(AttentionMemory.bind(tape, attention.keys(tape, features), features, lengths));
  }

  /**
   * An inference memory (no gradients) from features computed earlier.
   *
   * @param features {@code [B, L, D]} on any tape; only the values are read
   */
  public Memory constant(Tape tape, Variable features) {
    long[] s = features.shape();
    if (s.length != 3) {
      throw new IllegalArgumentException("features must be [B, L, D], got " + Arrays.toString(s));
    }
    int b = Math.toIntExact(s[0]);
    int l = Math.toIntExact(s[1]);
    int[] lengths = new int[b];
    Arrays.fill(lengths, l);
    Variable keys = attention.keys(tape, tape.constant(features.value())); // [B, L, A]
    return new Memory(AttentionMemory.constant(NativeArrays.toArray(keys.value()), NativeArrays.toArray(features.value()),
        lengths, l, attention.attentionDim(), Math.toIntExact(s[2]), features.value().dataType()));
  }

  /**
   * One attention read, recorded on {@code tape}.
   *
   * @param memory bound to the same tape ({@link #bind}) or constant
   * @param query {@code [N, H]} decoder states
   * @param rows memory row of each query row, {@code N} entries
   * @return the context {@code [N, D]} and the weights {@code [N * L]}
   */
  public Read attend(Tape tape, Memory memory, Variable query, int[] rows) {
    Objects.requireNonNull(memory, "memory");
    AdditiveAttention.Step s = attention.attend(tape, memory.memory, query, rows);
    return new Read(s.context(), s.weights());
  }

  /**
   * @param context {@code [N, D]} attended features
   * @param weights {@code [N * L]} row-major attention weights
   */
  public record Read(Variable context, double[] weights) {}
}
