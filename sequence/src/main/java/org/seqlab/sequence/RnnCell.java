package org.seqlab.sequence;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * Elman RNN cell: {@code h_t = phi(x_t W_ih + h_{t-1} W_hh + b)} with {@code phi} tanh or ReLU.
 *
 * <p>Backward: {@code dz_t = dh_t * phi'(z_t)} (tanh: {@code 1 - h_t^2}; ReLU: {@code [h_t > 0]}),
 * {@code dh_{t-1} = dz_t W_hh^T}.
 */
public final class RnnCell extends RecurrentCell {
  private final boolean relu;

  RnnCell(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    super(params, name, spec, type, seed);
    if (spec.type() != CellType.RNN_TANH && spec.type() != CellType.RNN_RELU) {
      throw new IllegalArgumentException("RnnCell needs RNN_TANH or RNN_RELU, got " + spec.type());
    }
    this.relu = spec.type() == CellType.RNN_RELU;
  }

  @Override
  List<Parameter> extraParameters() {
    return List.of();
  }

  @Override
  Bptt unroll(Unroll u) {
    INDArray whh = wHh.value(); // [H, H]
    int hid = u.hidden;
    double[] z = u.z; // [T*B * H], becomes h_new
    double[] h = u.h;
    for (int t = 0; t < u.steps; t++) {
      double[] r = u.recurrent(t, whh); // [B * H]
      for (int b = 0; b < u.batch; b++) {
        int zr = u.at(t, hid) + b * hid;
        int hp = u.state(t - 1) + b * hid;
        int hn = u.state(t) + b * hid;
        if (relu) {
          for (int j = 0; j < hid; j++) {
            z[zr + j] = Math.max(0, z[zr + j] + r[b * hid + j]);
          }
        } else {
          u.gates.tanhAdd(z, zr, r, b * hid, hid);
        }
        System.arraycopy(u.m(t, b) != 0 ? z : h, u.m(t, b) != 0 ? zr : hp, h, hn, hid);
      }
      u.publish(t);
    }
    return (dY, dhT, dcT) -> backward(u, whh, dY, dhT);
  }

  private Grads backward(Unroll u, INDArray whh, double[] dY, double[] dhT) {
    int hid = u.hidden;
    double[] z = u.z;
    double[] dz = new double[u.steps * u.batch * hid]; // [T*B * H]
    double[] dh = dhT == null ? new double[u.batch * hid] : dhT.clone(); // [B * H]
    for (int t = u.steps - 1; t >= 0; t--) {
      for (int b = 0; b < u.batch; b++) {
        if (u.m(t, b) == 0) {
          continue;
        }
        int zr = u.at(t, hid) + b * hid;
        int yr = (b * u.steps + t) * hid;
        for (int j = 0; j < hid; j++) {
          double v = z[zr + j];
          double d = relu ? (v > 0 ? 1 : 0) : 1 - v * v;
          dz[zr + j] = (dh[b * hid + j] + dY[yr + j]) * d;
        }
      }
      double[] back = u.backRecurrent(dz, t, whh); // [B * H]
      for (int b = 0; b < u.batch; b++) {
        if (u.m(t, b) != 0) {
          System.arraycopy(back, b * hid, dh, b * hid, hid);
        }
      }
    }
    INDArray dzN = u.toNative(dz, (long) u.steps * u.batch, hid);
    return new Grads(dzN, dzN, u.toNative(dh, u.batch, hid), null, new INDArray[0]);
  }
}
