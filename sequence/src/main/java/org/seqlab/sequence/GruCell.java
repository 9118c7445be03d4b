package org.seqlab.sequence;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * Gated recurrent unit (Cho et al. 2014), in the variant used by cuDNN and PyTorch where the reset
 * gate multiplies the recurrent product <em>after</em> the matmul. Gate blocks are ordered {@code
 * [r, z, n]}, and the recurrent part has its own bias {@code b_hh} (the {@code b_hn} block is
 * multiplied by {@code r}, so it is not redundant with {@code b}):
 *
 * <pre>
 *   [x_r, x_z, x_n] = x_t W_ih + b          [u_r, u_z, u_n] = h_{t-1} W_hh + b_hh
 *   r = sigma(x_r + u_r)     z = sigma(x_z + u_z)     n = tanh(x_n + r * u_n)
 *   h_t = (1 - z) * n + z * h_{t-1}
 * </pre>
 *
 * <p>(Cho et al. apply the reset before the matmul, {@code n = tanh(x_n + (r * h_{t-1}) W_hn)}; the
 * two are different functions with the same parameter count.) Backward:
 *
 * <pre>
 *   dn~ = dh * (1 - z) * (1 - n^2)      dz~ = dh * (h_{t-1} - n) * z(1 - z)
 *   dr~ = dn~ * u_n * r(1 - r)
 *   d[x_r, x_z, x_n] = [dr~, dz~, dn~]   d[u_r, u_z, u_n] = [dr~, dz~, dn~ * r]
 *   dh_{t-1} = d[u] W_hh^T + dh * z
 * </pre>
 */
public final class GruCell extends RecurrentCell {
  private final Parameter biasHh; // [3H]

  GruCell(ParameterSet params, String name, CellSpec spec, DataType type, long seed) {
    super(params, name, spec, type, seed);
    if (spec.type() != CellType.GRU) {
      throw new IllegalArgumentException("GruCell needs GRU, got " + spec.type());
    }
    this.biasHh = params.add(name + ".b_hh", uniform(type, seed, name + ".b_hh", 3L * spec.hiddenSize()));
  }

  @Override
  List<Parameter> extraParameters() {
    return List.of(biasHh);
  }

  /** The recurrent bias {@code b_hh: [3H]}. */
  public Parameter recurrentBias() {
    return biasHh;
  }

  @Override
  Bptt unroll(Unroll u) {
    int hid = u.hidden;
    int w = 3 * hid;
    INDArray whh = wHh.value(); // [H, 3H]
    double[] bhh = NativeArrays.toArray(biasHh.value()); // [3H]
    double[] z = u.z; // [T*B * 3H], becomes [r, z, n]
    double[] h = u.h;
    double[] un = new double[u.steps * u.batch * hid]; // [T*B * H] u_n = h W_hn + b_hn
    for (int step = 0; step < u.steps; step++) {
      int t = step;
      double[] r = u.recurrent(t, whh); // [B * 3H]
      u.forRows(true, (from, to) -> {
        for (int b = from; b < to; b++) {
          int prev = u.state(t - 1) + b * hid;
          int next = u.state(t) + b * hid;
          if (u.m(t, b) == 0) {
            System.arraycopy(h, prev, h, next, hid);
            continue;
          }
          int zr = u.at(t, w) + b * w;
          int rr = b * w;
          int nr = u.at(t, hid) + b * hid;
          u.gates.gruForward(z, zr, r, rr, bhh, un, nr, h, prev, next, hid);
        }
      });
      u.publish(t);
    }
    return (dY, dhT, dcT) -> backward(u, un, dY, dhT);
  }

  private Grads backward(Unroll u, double[] un, double[] dY, double[] dhT) {
    int hid = u.hidden;
    int w = 3 * hid;
    double[] z = u.z;
    double[] h = u.h;
    double[] dx = new double[u.steps * u.batch * w]; // [T*B * 3H]
    double[] dRec = new double[u.steps * u.batch * w]; // [T*B * 3H]
    double[] dh = dhT == null ? new double[u.batch * hid] : dhT.clone(); // [B * H]
    double[] direct = new double[u.batch * hid]; // [B * H] dh * z, the gradient bypassing W_hh
    double[] dbhh = new double[w];
    for (int t = u.steps - 1; t >= 0; t--) {
      for (int b = 0; b < u.batch; b++) {
        if (u.m(t, b) == 0) {
          continue;
        }
        int zr = u.at(t, w) + b * w;
        int nr = u.at(t, hid) + b * hid;
        int yr = (b * u.steps + t) * hid;
        int prev = u.state(t - 1) + b * hid;
        u.gates.gruBackward(z, zr, un, nr, h, prev, dh, b * hid, dY, yr, dx, dRec, dbhh, direct, hid);
      }
      double[] back = u.backRecurrent(dRec, t, wHh.value()); // [B * H]
      for (int b = 0; b < u.batch; b++) {
        if (u.m(t, b) != 0) {
          for (int j = 0; j < hid; j++) {
            dh[b * hid + j] = back[b * hid + j] + direct[b * hid + j];
          }
        }
      }
    }
    long rows = (long) u.steps * u.batch;
    return new Grads(
        u.toNative(dx, rows, w), u.toNative(dRec, rows, w), u.toNative(dh, u.batch, hid), null,
        new INDArray[] {u.toNative(dbhh, 1, w).reshape(w)});
  }
}
