package org.seqlab.core.init;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialisers. Values are drawn in Java from {@link SplittableRandom} so that a seed gives
 * the same weights on every backend and thread count.
 *
 * <ul>
 *   <li>Xavier/Glorot (Glorot and Bengio 2010): uniform on {@code +-sqrt(6 / (fanIn + fanOut))} or
 *       normal with {@code std = sqrt(2 / (fanIn + fanOut))}.
 *   <li>He/Kaiming (He et al. 2015), for ReLU: normal with {@code std = sqrt(2 / fanIn)}.
 * </ul>
 */
public final class Init {
  private Init() {}

  public static INDArray uniform(DataType type, double limit, long seed, long... shape) {
    if (!(limit >= 0)) {
      throw new IllegalArgumentException("uniform limit must be >= 0, got " + limit);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[checkedLength(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (rng.nextDouble() * 2 - 1) * limit;
    }
    return create(type, v, shape);
  }

  public static INDArray normal(DataType type, double std, long seed, long... shape) {
    if (!(std >= 0)) {
      throw new IllegalArgumentException("normal std must be >= 0, got " + std);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[checkedLength(shape)];
    for (int i = 0; i < v.length; i += 2) {
      // Box-Muller: two independent standard normals per pair of uniforms
      double u1 = 1 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      v[i] = std * r * Math.cos(2 * Math.PI * u2);
      if (i + 1 < v.length) {
        v[i + 1] = std * r * Math.sin(2 * Math.PI * u2);
      }
    }
    return create(type, v, shape);
  }

  /** Glorot uniform for a {@code [fanIn, fanOut]} matrix. */
  public static INDArray xavierUniform(DataType type, long fanIn, long fanOut, long seed) {
    return uniform(type, Math.sqrt(6.0 / (fanIn + fanOut)), seed, fanIn, fanOut);
  }

  /** Glorot normal for a {@code [fanIn, fanOut]} matrix. */
  public static INDArray xavierNormal(DataType type, long fanIn, long fanOut, long seed) {
    return normal(type, Math.sqrt(2.0 / (fanIn + fanOut)), seed, fanIn, fanOut);
  }

  /** He normal for a {@code [fanIn, fanOut]} matrix. */
  public static INDArray heNormal(DataType type, long fanIn, long fanOut, long seed) {
    return normal(type, Math.sqrt(2.0 / fanIn), seed, fanIn, fanOut);
  }

  public static INDArray zeros(DataType type, long... shape) {
    return Nd4j.zeros(type, shape);
  }

  public static INDArray ones(DataType type, long... shape) {
    return Nd4j.ones(type, shape);
  }

  private static int checkedLength(long[] shape) {
    long n = 1;
    for (long s : shape) {
      if (s <= 0) {
        throw new IllegalArgumentException("shape dimensions must be > 0, got " + Arrays.toString(shape));
      }
      n *= s;
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large to initialise");
    }
    return (int) n;
  }

  private static INDArray create(DataType type, double[] v, long[] shape) {
    return Nd4j.createFromArray(v).castTo(type).reshape('c', shape);
  }
}
