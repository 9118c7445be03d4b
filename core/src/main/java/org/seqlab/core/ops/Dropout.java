package org.seqlab.core.ops;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Variable;

/**
 * Inverted dropout (Srivastava et al. 2014): in training each element is kept with probability
 * {@code 1 - p} and scaled by {@code 1 / (1 - p)}, so that {@code E[y] = x} and evaluation is the
 * identity: {@code y = x * m / (1 - p)}, {@code m ~ Bernoulli(1 - p)}; backward {@code g * m / (1 -
 * p)}.
 */
public final class Dropout {
  private Dropout() {}

  /**
   * @param x any shape
   * @param p drop probability in [0, 1)
   * @param seed seeds the mask (drawn in Java with {@link SplittableRandom}, so the same seed gives
   *     the same mask on every backend); use {@link org.seqlab.core.Seeds#derive(long, long)} for a
   *     fresh mask per step
   * @param training false returns {@code x} unchanged
   * @return same shape as {@code x}
   */
  public static Variable apply(Variable x, double p, long seed, boolean training) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("dropout probability p must be in [0, 1), got " + p);
    }
    if (!training || p == 0) {
      return x;
    }
    INDArray mask = mask(x.value().dataType(), x.shape(), p, seed);
    INDArray out = x.value().mul(mask);
    return x.tape().record(out, g -> x.addGradOwned(g.mul(mask)), x);
  }

  /**
   * The scaled keep mask: each element is {@code 1 / (1 - p)} with probability {@code 1 - p}, else
   * 0.
   */
  public static INDArray mask(DataType type, long[] shape, double p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double keep = 1 - p;
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    if (type == DataType.DOUBLE) {
      double[] m = new double[Math.toIntExact(n)];
      for (int i = 0; i < m.length; i++) {
        m[i] = rng.nextDouble() < keep ? 1 / keep : 0;
      }
      return Nd4j.createFromArray(m).reshape('c', shape);
    }
    float[] m = new float[Math.toIntExact(n)];
    float scale = (float) (1 / keep);
    for (int i = 0; i < m.length; i++) {
      m[i] = rng.nextDouble() < keep ? scale : 0f;
    }
    INDArray mask = Nd4j.createFromArray(m).reshape('c', shape);
    return type == DataType.FLOAT ? mask : mask.castTo(type);
  }
}
