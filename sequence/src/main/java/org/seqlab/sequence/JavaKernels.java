package org.seqlab.sequence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java loops between the native matrix products: the element-wise gate arithmetic of one
 * sequence row at one step for each cell type, the row softmax of output layers, and the Adam
 * update. Two implementations compute the same functions: a
 * scalar one, and one on the Vector API ({@code jdk.incubator.vector}, with vectorised {@code exp}
 * and {@code tanh}), used when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (the {@code seqlab} launcher and the test runner do this). {@link #best()} picks.
 *
 * <p>Arrays are the {@link Unroll} mirrors; {@code zr}/{@code rr} etc. are offsets of the row's
 * first element, {@code hid} is H. Gate layouts are those of {@link LstmCell} ({@code [o, i, f, g]})
 * and {@link GruCell} ({@code [r, z, n]}); see them for the equations.
 */
interface JavaKernels {
  String name();

  /**
   * LSTM step for one row: reads {@code z} (input projections) and {@code r} (recurrent products),
   * overwrites {@code z} with the activations {@code [o, i, f, g]}, writes {@code c[next..]},
   * {@code h[next..]} and {@code tc[tr..] = tanh(c)}.
   *
   * @param p peepholes {@code [p_o; p_i; p_f]} ({@code 3H}), or null
   */
  void lstmForward(double[] z, int zr, double[] r, int rr, double[] c, int prev, int next, double[] h, double[] tc, int tr,
      double[] p, int hid);

  /**
   * LSTM back-propagation for one row: {@code dh[k..]} holds the gradient reaching {@code h_t} from
   * step {@code t+1}, {@code dc[k..]} the one reaching {@code c_t}; writes the gate gradients to
   * {@code dz[zr..]} and replaces {@code dc[k..]} with the gradient of {@code c_{t-1}}.
   *
   * @param dp peephole gradient accumulator ({@code 3H}), or null
   */
  void lstmBackward(double[] z, int zr, double[] tc, int tr, double[] c, int prev, int next, double[] dh, double[] dc, int k,
      double[] dy, int yr, double[] dz, double[] p, double[] dp, int hid);

  /**
   * GRU step for one row: overwrites {@code z} with {@code [r, z, n]}, writes {@code un[nr..] = h W_hn +
   * b_hn} and {@code h[next..]}.
   */
  void gruForward(double[] z, int zr, double[] r, int rr, double[] bhh, double[] un, int nr, double[] h, int prev, int next,
      int hid);

  /**
   * GRU back-propagation for one row: writes {@code dx[zr..]}, {@code dRec[zr..]}, {@code
   * direct[k..] = dh z}, and adds to {@code dbhh}.
   */
  void gruBackward(double[] z, int zr, double[] un, int nr, double[] h, int prev, double[] dh, int k, double[] dy, int yr,
      double[] dx, double[] dRec, double[] dbhh, double[] direct, int hid);

  /**
   * {@code x[0..n) = softmax(x[0..n))} in place, computed as {@code exp(x - max) / sum}.
   *
   * @return {@code log(sum_j exp(x_j - max)) + max}, the log-partition (logsumexp) of the row
   */
  double softmax(float[] x, int n);

  /**
   * One Adam step over {@code w[from..to)} from the gradient {@code g}, with float moments {@code m},
   * {@code v} (see {@link FusedAdam} for the update); {@code g} is not modified.
   *
   * @param c1 {@code 1 - beta1^t}
   * @param c2 {@code 1 - beta2^t}
   */
  void adam(float[] w, float[] g, float[] m, float[] v, int from, int to, AdamStep s);

  /** The constants of one Adam step. */
  record AdamStep(float beta1, float beta2, float eps, float lr, float weightDecay, float c1, float c2) {}

  /** {@code x[off..off+n) = tanh(x + r[roff..])} in place. */
  void tanhAdd(double[] x, int off, double[] r, int roff, int n);

  /** The scalar kernel. */
  static JavaKernels scalar() {
    return ScalarKernels.INSTANCE;
  }

  /** The Vector API kernel when its module is present, else the scalar one. */
  static JavaKernels best() {
    return Holder.BEST;
  }

  /** Resolves the best kernel once. */
  final class Holder {
    private static final Logger LOG = LoggerFactory.getLogger(JavaKernels.class);
    static final JavaKernels BEST = resolve();

    private Holder() {}

    private static JavaKernels resolve() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() || Boolean.getBoolean("seqlab.scalarKernels")) {
        LOG.debug("java kernels: scalar kernel (start the JVM with --add-modules jdk.incubator.vector for the vector one)");
        return ScalarKernels.INSTANCE;
      }
      try {
        return new VectorKernels();
      } catch (LinkageError | RuntimeException e) {
        LOG.debug("java kernels: vector kernel unavailable ({}), using the scalar one", e.toString());
        return ScalarKernels.INSTANCE;
      }
    }
  }
}
