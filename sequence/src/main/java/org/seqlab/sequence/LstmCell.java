package org.seqlab.sequence;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * LSTM cell (Hochreiter and Schmidhuber 1997) with a forget gate (Gers et al. 2000) and optional
 * peepholes (Gers and Schmidhuber 2000). The fused gate blocks are ordered {@code [o, i, f, g]}:
 *
 * <pre>
 *   [z_o, z_i, z_f, z_g] = x_t W_ih + h_{t-1} W_hh + b
 *   i = sigma(z_i + p_i * c_{t-1})     f = sigma(z_f + p_f * c_{t-1})     g = tanh(z_g)
 *   c_t = f * c_{t-1} + i * g
 *   o = sigma(z_o + p_o * c_t)         h_t = o * tanh(c_t)
 * </pre>
 *
 * where the peephole terms {@code p_* : [H]} are present only when {@link CellSpec#peepholes()}.
 * The forget-gate bias starts at 1 (Jozefowicz et al. 2015), so that early in training the cell
 * remembers by default.
 *
 * <p>Backward, with {@code dh} the gradient reaching {@code h_t} and {@code dc} the one reaching
 * {@code c_t} from step {@code t + 1}:
 *
 * <pre>
 *   dz_o = dh * tanh(c_t) * o(1 - o)
 *   dc_t = dh * o * (1 - tanh^2 c_t) + dc + p_o dz_o
 *   dz_i = dc_t * g * i(1 - i)     dz_f = dc_t * c_{t-1} * f(1 - f)     dz_g = dc_t * i * (1 - g^2)
 *   dc_{t-1} = dc_t * f + p_i dz_i + p_f dz_f          dh_{t-1} = dz W_hh^T
 * </pre>
 */
public final class LstmCell extends RecurrentCell {
  private final Parameter peep; // [3, H] rows p_o, p_i, p_f, or null

  LstmCell(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    super(params, name, spec, type, seed);
    if (spec.type() != CellType.LSTM) {
      throw new IllegalArgumentException("LstmCell needs LSTM, got " + spec.type());
    }
    int h = spec.hiddenSize();
    bias.value().get(NDArrayIndex.interval(2L * h, 3L * h)).assign(1.0); // forget gate bias 1
    this.peep = spec.peepholes() ? params.add(name + ".peep", uniform(type, seed, name + ".peep", 3, h)) : null;
  }

  @Override
  List<Parameter> extraParameters() {
    return peep == null ? List.of() : List.of(peep);
  }

  /** The peephole weights {@code [3, H]} (rows {@code p_o, p_i, p_f}), or null. */
  public Parameter peepholes() {
    return peep;
  }

  @Override
  Bptt unroll(Unroll u) {
    int hid = u.hidden;
    int w = 4 * hid;
    INDArray whh = wHh.value(); // [H, 4H]
    double[] p = peep == null ? null : NativeArrays.toArray(peep.value()); // [3 * H]: p_o, p_i, p_f
    double[] z = u.z; // [T*B * 4H], becomes the activations [o, i, f, g]
    double[] h = u.h;
    double[] c = u.c;
    double[] tc = new double[u.steps * u.batch * hid]; // [T*B * H] tanh(c_t)
    for (int step = 0; step < u.steps; step++) {
      int t = step;
      double[] r = u.recurrent(t, whh); // [B * 4H]
      u.forRows(true, (from, to) -> {
        for (int b = from; b < to; b++) {
          int prev = u.state(t - 1) + b * hid;
          int next = u.state(t) + b * hid;
          if (u.m(t, b) == 0) {
            System.arraycopy(h, prev, h, next, hid);
            System.arraycopy(c, prev, c, next, hid);
            continue;
          }
          int zr = u.at(t, w) + b * w;
          int rr = b * w;
          int tr = u.at(t, hid) + b * hid;
          u.gates.lstmForward(z, zr, r, rr, c, prev, next, h, tc, tr, p, hid);
        }
      });
      u.publish(t);
    }
    return (dY, dhT, dcT) -> backward(u, p, tc, dY, dhT, dcT);
  }

  private Grads backward(Unroll u, double[] p, double[] tc, double[] dY, double[] dhT, double[] dcT) {
    int hid = u.hidden;
    int w = 4 * hid;
    double[] z = u.z;
    double[] c = u.c;
    double[] dz = new double[u.steps * u.batch * w]; // [T*B * 4H]
    double[] dh = dhT == null ? new double[u.batch * hid] : dhT.clone(); // [B * H]
    double[] dc = dcT == null ? new double[u.batch * hid] : dcT.clone(); // [B * H]
    double[] dp = p == null ? null : new double[3 * hid];
    for (int step = u.steps - 1; step >= 0; step--) {
      int t = step;
      // rows are independent except for the peephole gradient, which all rows add into
      u.forRows(dp == null, (from, to) -> {
        for (int b = from; b < to; b++) {
          if (u.m(t, b) == 0) {
            continue; // state and its gradient pass through a padded step unchanged
          }
          int zr = u.at(t, w) + b * w;
          int tr = u.at(t, hid) + b * hid;
          int yr = (b * u.steps + t) * hid;
          int prev = u.state(t - 1) + b * hid;
          int next = u.state(t) + b * hid;
          u.gates.lstmBackward(z, zr, tc, tr, c, prev, next, dh, dc, b * hid, dY, yr, dz, p, dp, hid);
        }
      });
      double[] back = u.backRecurrent(dz, t, wHh.value()); // [B * H]
      for (int b = 0; b < u.batch; b++) {
        if (u.m(t, b) != 0) {
          System.arraycopy(back, b * hid, dh, b * hid, hid);
        }
      }
    }
    INDArray dzN = u.toNative(dz, (long) u.steps * u.batch, w);
    INDArray[] extra = dp == null ? new INDArray[0] : new INDArray[] {u.toNative(dp, 3, hid)};
    return new Grads(dzN, dzN, u.toNative(dh, u.batch, hid), u.toNative(dc, u.batch, hid), extra);
  }
}
