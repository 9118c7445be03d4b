package org.seqlab.core.ops;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;
import org.seqlab.core.Variable;

/**
 * Spatial pooling over channels-last images {@code [B, H, W, C]}, each channel separately:
 *
 * <pre>
 *   max:     y[b, oy, ox, c] = max_{(iy, ix) in window} x[b, iy, ix, c]       dx[argmax] += g
 *   average: y[b, oy, ox, c] = mean_{(iy, ix) in window} x[b, iy, ix, c]      dx[i] += g / |window|
 *   global:  y[b, c] = mean_{iy, ix} x[b, iy, ix, c]                          [B, H, W, C] -> [B, C]
 * </pre>
 *
 * <p>Windows follow {@link Conv2dSpec}; padded positions never win a max and are not counted in an
 * average (PyTorch's {@code count_include_pad=False}). A tie in a max window sends the whole
 * gradient to the first maximum in row-major window order.
 */
public final class Pooling {
  private Pooling() {}

  /** Max pooling: {@code [B, H, W, C] -> [B, H', W', C]}. */
  public static Variable maxPool2d(Variable x, Conv2dSpec spec) {
    return pool(x, spec, true);
  }

  /** Average pooling: {@code [B, H, W, C] -> [B, H', W', C]}. */
  public static Variable avgPool2d(Variable x, Conv2dSpec spec) {
    return pool(x, spec, false);
  }

  /** Global average pooling over the spatial axes: {@code [B, H, W, C] -> [B, C]}. */
  public static Variable globalAvgPool(Variable x) {
    long[] s = checkImage(x.shape(), "globalAvgPool");
    long area = s[1] * s[2];
    INDArray y = x.value().reshape('c', s[0], area, s[3]).mean(1); // [B, C]
    return x.tape().record(y, g -> {
      double[] gv = NativeArrays.toArray(g); // [B*C]
      int c = Math.toIntExact(s[3]);
      int cells = Math.toIntExact(area);
      double[] dx = new double[Math.toIntExact(x.value().length())]; // [B*H*W*C]
      for (int b = 0; b < s[0]; b++) {
        for (int i = 0; i < cells; i++) {
          for (int j = 0; j < c; j++) {
            dx[(b * cells + i) * c + j] = gv[b * c + j] / area;
          }
        }
      }
      x.addGradOwned(NativeArrays.create(dx, g.dataType(), s));
    }, x);
  }

  private static Variable pool(Variable x, Conv2dSpec spec, boolean max) {
    long[] s = checkImage(x.shape(), max ? "maxPool2d" : "avgPool2d");
    int batch = Math.toIntExact(s[0]);
    int h = Math.toIntExact(s[1]);
    int w = Math.toIntExact(s[2]);
    int c = Math.toIntExact(s[3]);
    int oh = spec.outputSize(h);
    int ow = spec.outputSize(w);
    double[] in = NativeArrays.toArray(x.value()); // [B*H*W*C]
    int n = batch * oh * ow * c;
    double[] out = new double[n];
    int[] argmax = max ? new int[n] : null; // flat input index of each output's maximum
    int[] count = max ? null : new int[batch * oh * ow]; // window sizes inside the image
    int k = spec.kernel();
    for (int b = 0; b < batch; b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int cell = (b * oh + oy) * ow + ox;
          int y0 = Math.max(0, oy * spec.stride() - spec.padding());
          int y1 = Math.min(h, oy * spec.stride() - spec.padding() + k);
          int x0 = Math.max(0, ox * spec.stride() - spec.padding());
          int x1 = Math.min(w, ox * spec.stride() - spec.padding() + k);
          for (int j = 0; j < c; j++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            int best = -1;
            for (int iy = y0; iy < y1; iy++) {
              for (int ix = x0; ix < x1; ix++) {
                int i = ((b * h + iy) * w + ix) * c + j;
                if (!max) {
                  acc += in[i];
                } else if (in[i] > acc || best < 0) {
                  acc = in[i];
                  best = i;
                }
              }
            }
            int area = (y1 - y0) * (x1 - x0);
            out[cell * c + j] = max ? acc : acc / area;
            if (max) {
              argmax[cell * c + j] = best;
            } else {
              count[cell] = area;
            }
          }
        }
      }
    }
    INDArray y = NativeArrays.create(out, x.value().dataType(), batch, oh, ow, c);
    return x.tape().record(y, g -> {
      double[] gv = NativeArrays.toArray(g);
      double[] dx = new double[in.length];
      if (max) {
        for (int i = 0; i < n; i++) {
          dx[argmax[i]] += gv[i];
        }
      } else {
        spreadAverage(gv, dx, spec, batch, h, w, c, oh, ow, count);
      }
      x.addGradOwned(NativeArrays.create(dx, g.dataType(), s));
    }, x);
  }

  private static void spreadAverage(
      double[] g, double[] dx, Conv2dSpec spec, int batch, int h, int w, int c, int oh, int ow, int[] count) {
    int k = spec.kernel();
    for (int b = 0; b < batch; b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          int cell = (b * oh + oy) * ow + ox;
          int y0 = Math.max(0, oy * spec.stride() - spec.padding());
          int y1 = Math.min(h, oy * spec.stride() - spec.padding() + k);
          int x0 = Math.max(0, ox * spec.stride() - spec.padding());
          int x1 = Math.min(w, ox * spec.stride() - spec.padding() + k);
          for (int iy = y0; iy < y1; iy++) {
            for (int ix = x0; ix < x1; ix++) {
              int base = ((b * h + iy) * w + ix) * c;
              for (int j = 0; j < c; j++) {
                dx[base + j] += g[cell * c + j] / count[cell];
              }
            }
          }
        }
      }
    }
  }

  private static long[] checkImage(long[] s, String op) {
    if (s.length != 4) {
      throw new IllegalArgumentException(op + " needs a [B, H, W, C] input, got " + Arrays.toString(s));
    }
    return s;
  }
}
