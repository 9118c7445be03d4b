package org.seqlab.embeddings.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row arithmetic of the trainers' hot loops, on separate {@code float[]} rows indexed from 0.
 * Two implementations give the same results up to float rounding: a plain-Java one ({@link
 * RowOps}), and one on the incubating Vector API ({@code jdk.incubator.vector}, JDK 17 to 25), used
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}. {@link #best()} picks.
 */
public interface RowKernel {
  /** {@code x . y}. */
  float dot(float[] x, float[] y);

  /** {@code out[off + k] = x . rows[k]} for k in [0, n). */
  void dots(float[] x, float[][] rows, int n, float[] out, int off);

  /** {@code y += sum_k g[gOff + k * gStride] * rows[k]} for k in [0, n). */
  void combineInto(float[] y, float[][] rows, int n, float[] g, int gOff, int gStride);

  /** {@code y += x}. */
  void add(float[] x, float[] y);

  /**
   * GloVe's AdaGrad step on a word row {@code w} and a context row {@code c} with their squared
   * gradient sums: with {@code t1 = f c, t2 = f w} (old values), {@code w -= t1 / sqrt(gw), c -= t2 /
   * sqrt(gc), gw += t1^2, gc += t2^2}.
   */
  void adagrad(float[] w, float[] c, float[] gw, float[] gc, float f);

  /** A short name for logs: {@code "vector-256"} or {@code "scalar"}. */
  String name();

  /** The plain-Java kernel. */
  static RowKernel scalar() {
    return RowOps.KERNEL;
  }

  /** The Vector API kernel when {@code jdk.incubator.vector} is available, else the scalar one. */
  static RowKernel best() {
    return Holder.BEST;
  }

  /** Resolves the best kernel once. */
  final class Holder {
    private static final Logger LOG = LoggerFactory.getLogger(RowKernel.class);
    private static final RowKernel BEST = resolve();

    private Holder() {}

    private static RowKernel resolve() {
      if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
        LOG.debug("jdk.incubator.vector not present; using the scalar row kernel");
        return scalar();
      }
      try {
        return (RowKernel) Class.forName("org.seqlab.embeddings.train.VectorRowKernel")
            .getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.warn("Vector API kernel unavailable ({}); using the scalar row kernel", e.toString());
        return scalar();
      }
    }
  }
}
