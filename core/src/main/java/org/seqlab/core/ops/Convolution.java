package org.seqlab.core.ops;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Backward;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Variable;

/**
 * 2-D convolution over channels-last images (NHWC), as im2col plus one matrix product.
 *
 * <p>Shapes: input {@code x: [B, H, W, C]}, weight {@code w: [K, K, C, O]} (kernel rows, kernel
 * columns, input channels, output channels), bias {@code b: [O]}, output {@code y: [B, H', W', O]}
 * with {@code H' = (H + 2p - K) / s + 1}. With {@code N = B H' W'} output positions and a patch
 * width {@code P = K K C}:
 *
 * <pre>
 *   X_col[n, (ky K + kx) C + c] = x[b, oy s - p + ky, ox s - p + kx, c]   (0 outside the image)   [N, P]
 *   Y = X_col W_mat + b                                                 W_mat = w as [P, O]     [N, O]
 *   dW_mat = X_col^T G      db = sum_n G[n]      dX_col = G W_mat^T      dx = col2im(dX_col)
 * </pre>
 *
 * <p>{@code col2im} scatter-adds every patch entry back to the pixel it was copied from, so a pixel
 * covered by several windows receives the sum of their gradients. The index arithmetic runs in Java
 * loops over {@code double[]} mirrors (exact for DOUBLE and FLOAT inputs); the three products run as
 * {@code Nd4j.gemm} into preallocated arrays.
 */
public final class Convolution {
  private Convolution() {}

  /**
   * {@code y = conv(x, w) + b}.
   *
   * @param x {@code [B, H, W, C]} input
   * @param w {@code [K, K, C, O]} kernel, {@code K = spec.kernel()}
   * @param b {@code [O]} bias, or null for none
   * @return {@code [B, H', W', O]}
   */
  public static Variable conv2d(Variable x, Variable w, Variable b, Conv2dSpec spec) {
    Geometry g = Geometry.of(x.shape(), w.shape(), spec);
    if (b != null && (b.shape().length != 1 || b.shape()[0] != g.out)) {
      throw new IllegalArgumentException(
          "conv2d bias must be [" + g.out + "], got " + Arrays.toString(b.shape()));
    }
    DataType type = x.value().dataType();
    INDArray cols = NativeArrays.create(im2col(NativeArrays.toArray(x.value()), g), type, g.positions(), g.patch()); // [N, P]
    INDArray wMat = w.value().reshape('c', g.patch(), g.out); // [P, O]
    INDArray y2 = Nd4j.create(type, g.positions(), g.out); // [N, O]
    Nd4j.gemm(cols, wMat, y2, false, false, 1.0, 0.0);
    if (b != null) {
      y2.addiRowVector(b.value());
    }
    INDArray y = y2.reshape('c', g.batch, g.outH, g.outW, g.out); // [B, H', W', O]
    Backward op = grad -> {
      INDArray g2 = grad.reshape('c', g.positions(), g.out); // [N, O]
      if (w.requiresGrad()) {
        INDArray dw = Nd4j.create(type, g.patch(), g.out); // [P, O]
        Nd4j.gemm(cols, g2, dw, true, false, 1.0, 0.0);
        w.addGradOwned(dw.reshape('c', w.shape()));
      }
      if (b != null && b.requiresGrad()) {
        b.addGradOwned(g2.sum(0));
      }
      if (x.requiresGrad()) {
        INDArray dCols = Nd4j.create(type, g.positions(), g.patch()); // [N, P]
        Nd4j.gemm(g2, wMat, dCols, false, true, 1.0, 0.0);
        x.addGradOwned(NativeArrays.create(col2im(NativeArrays.toArray(dCols), g), type, x.shape()));
      }
    };
    return b == null ? x.tape().record(y, op, x, w) : x.tape().record(y, op, x, w, b);
  }

  /** {@code [B*H*W*C]} image to {@code [N * P]} patch rows. */
  static double[] im2col(double[] x, Geometry g) {
    int c = g.channels;
    int k = g.spec.kernel();
    int p = g.patch();
    double[] cols = new double[Math.multiplyExact(g.positions(), p)];
    int row = 0;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outH; oy++) {
        for (int ox = 0; ox < g.outW; ox++, row++) {
          int base = row * p;
          for (int ky = 0; ky < k; ky++) {
            int iy = oy * g.spec.stride() - g.spec.padding() + ky;
            if (iy < 0 || iy >= g.height) {
              continue;
            }
            for (int kx = 0; kx < k; kx++) {
              int ix = ox * g.spec.stride() - g.spec.padding() + kx;
              if (ix >= 0 && ix < g.width) {
                System.arraycopy(x, ((b * g.height + iy) * g.width + ix) * c, cols, base + (ky * k + kx) * c, c);
              }
            }
          }
        }
      }
    }
    return cols;
  }

  /** The adjoint of {@link #im2col}: {@code [N * P]} patch gradients summed into {@code [B*H*W*C]}. */
  static double[] col2im(double[] cols, Geometry g) {
    int c = g.channels;
    int k = g.spec.kernel();
    int p = g.patch();
    double[] x = new double[g.batch * g.height * g.width * c];
    int row = 0;
    for (int b = 0; b < g.batch; b++) {
      for (int oy = 0; oy < g.outH; oy++) {
        for (int ox = 0; ox < g.outW; ox++, row++) {
          int base = row * p;
          for (int ky = 0; ky < k; ky++) {
            int iy = oy * g.spec.stride() - g.spec.padding() + ky;
            if (iy < 0 || iy >= g.height) {
              continue;
            }
            for (int kx = 0; kx < k; kx++) {
              int ix = ox * g.spec.stride() - g.spec.padding() + kx;
              if (ix >= 0 && ix < g.width) {
                int dst = ((b * g.height + iy) * g.width + ix) * c;
                int src = base + (ky * k + kx) * c;
                for (int j = 0; j < c; j++) {
                  x[dst + j] += cols[src + j];
                }
              }
            }
          }
        }
      }
    }
    return x;
  }

  /** Sizes of one convolution call. */
  record Geometry(int batch, int height, int width, int channels, int out, int outH, int outW, Conv2dSpec spec) {
    static Geometry of(long[] xs, long[] ws, Conv2dSpec spec) {
      int k = spec.kernel();
      if (xs.length != 4) {
        throw new IllegalArgumentException("conv2d input must be [B, H, W, C], got " + Arrays.toString(xs));
      }
      if (ws.length != 4 || ws[0] != k || ws[1] != k || ws[2] != xs[3]) {
        throw new IllegalArgumentException(
            "conv2d weight must be [" + k + ", " + k + ", " + xs[3] + ", O] for input " + Arrays.toString(xs)
                + " and kernel " + k + ", got " + Arrays.toString(ws));
      }
      return new Geometry(
          Math.toIntExact(xs[0]), Math.toIntExact(xs[1]), Math.toIntExact(xs[2]), Math.toIntExact(xs[3]),
          Math.toIntExact(ws[3]), spec.outputSize(xs[1]), spec.outputSize(xs[2]), spec);
    }

    int positions() {
      return Math.multiplyExact(batch, Math.multiplyExact(outH, outW));
    }

    int patch() {
      return spec.kernel() * spec.kernel() * channels;
    }
  }
}
