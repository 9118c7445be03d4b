package org.seqlab.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Seeds;
import org.seqlab.core.init.Init;

/**
 * A recurrent cell's parameters and its fused sequence kernels.
 *
 * <p>Every cell has an input matrix {@code W_ih: [I, G*H]}, a recurrent matrix {@code W_hh: [H,
 * G*H]} and a bias {@code b: [G*H]}, where {@code G} is {@link CellType#gates()}. The cell is not
 * called step by step from Java: {@link Recurrent} computes {@code x W_ih + b} for all {@code B*T}
 * positions in one gemm, and the cell's kernel runs the recurrence (one gemm per step) and, in the
 * backward pass, back-propagation through time with hand-written gradients, all recorded on the
 * tape as one operation.
 *
 * <p>Weights are initialised from {@code U(-1/sqrt(H), 1/sqrt(H))} as in PyTorch, each parameter
 * from its own seed derived from the cell's seed and the parameter's name.
 */
public abstract sealed class RecurrentCell permits RnnCell, GruCell, LstmCell {
  private final CellSpec spec;
  private final String name;
  final Parameter wIh;
  final Parameter wHh;
  final Parameter bias;

  RecurrentCell(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.name = Objects.requireNonNull(name, "name");
    int gh = spec.type().gates() * spec.hiddenSize();
    this.wIh = params.add(name + ".w_ih", uniform(type, seed, name + ".w_ih", spec.inputSize(), gh));
    this.wHh = params.add(name + ".w_hh", uniform(type, seed, name + ".w_hh", spec.hiddenSize(), gh));
    this.bias = params.add(name + ".b", uniform(type, seed, name + ".b", gh));
  }

  /**
   * Creates a cell and registers its parameters ({@code name.w_ih}, {@code name.w_hh}, {@code
   * name.b}, and {@code name.b_hh} for GRU, {@code name.peep} for peephole LSTM) in {@code params}.
   *
   * @param type FLOAT for training, DOUBLE for gradient checks
   */
  public static RecurrentCell create(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    return switch (spec.type()) {
      case RNN_TANH, RNN_RELU -> new RnnCell(params, name, spec, type, seed);
      case GRU -> new GruCell(params, name, spec, type, seed);
      case LSTM -> new LstmCell(params, name, spec, type, seed);
    };
  }

  final INDArray uniform(DataType type, long seed, String label, long... shape) {
    double k = 1 / Math.sqrt(spec.hiddenSize());
    return Init.uniform(type, k, Seeds.derive(seed, label), shape);
  }

  public CellSpec spec() {
    return spec;
  }

  /** The prefix of this cell's parameter names. */
  public String name() {
    return name;
  }

  public int inputSize() {
    return spec.inputSize();
  }

  public int hiddenSize() {
    return spec.hiddenSize();
  }

  /** Whether the state has a cell part {@code c} (LSTM). */
  public boolean hasCellState() {
    return spec.type() == CellType.LSTM;
  }

  /** {@code W_ih: [I, G*H]}. */
  public Parameter inputWeights() {
    return wIh;
  }

  /** {@code W_hh: [H, G*H]}. */
  public Parameter recurrentWeights() {
    return wHh;
  }

  /** {@code b: [G*H]}. */
  public Parameter bias() {
    return bias;
  }

  /** All parameters of the cell. */
  public List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>(List.of(wIh, wHh, bias));
    all.addAll(extraParameters());
    return List.copyOf(all);
  }

  /** Cell-specific parameters beyond {@code W_ih, W_hh, b}, in the order of {@link Grads#extra()}. */
  abstract List<Parameter> extraParameters();

  /**
   * Runs the recurrence over all steps of {@code u}, filling its state buffers.
   *
   * @return the back-propagation through time for this call
   */
  abstract Bptt unroll(Unroll u);

  /** Back-propagation through time of one unrolled call. */
  interface Bptt {
    /**
     * @param dY {@code [B*T*H]} gradient of the outputs, batch-major (index {@code (b*T + t)*H + j})
     * @param dhT {@code [B*H]} gradient of the final hidden state, or null
     * @param dcT {@code [B*H]} gradient of the final cell state, or null
     */
    Grads backward(double[] dY, double[] dhT, double[] dcT);
  }

  /**
   * Gradients of one unrolled call, as native arrays of the call's type.
   *
   * @param dXProj {@code [T*B, G*H]} gradient of the input projection {@code x W_ih + b}
   * @param dRec {@code [T*B, G*H]} gradient of the recurrent product {@code h W_hh} (the same array
   *     as dXProj except for GRU)
   * @param dh0 {@code [B, H]} gradient of the initial hidden state
   * @param dc0 {@code [B, H]} gradient of the initial cell state, or null
   * @param extra gradients of {@link #extraParameters()}, in order
   */
  record Grads(INDArray dXProj, INDArray dRec, INDArray dh0, INDArray dc0, INDArray[] extra) {}
}
