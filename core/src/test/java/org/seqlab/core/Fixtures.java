package org.seqlab.core;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ops.MathOps;

/** Seeded DOUBLE test data shared by the core tests. */
public final class Fixtures {
  private Fixtures() {}

  /** Uniform values in {@code [-1, 1)}, a fresh DOUBLE array. */
  public static INDArray random(long seed, long... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextDouble() * 2 - 1;
    }
    return Nd4j.createFromArray(v).reshape('c', shape);
  }

  /** A DOUBLE parameter with seeded uniform values. */
  public static Parameter param(String name, long seed, long... shape) {
    return new Parameter(name, random(seed, shape));
  }

  /**
   * {@code sum(v * R)} with a fixed random R of v's shape: the upstream gradient reaching {@code v}
   * is R, not all ones, so backward passes that ignore their upstream gradient fail the check.
   */
  public static Variable weightedSum(Tape tape, Variable v, long seed) {
    INDArray r = random(seed, v.shape());
    return MathOps.sum(MathOps.mul(v, tape.constant(r.castTo(v.value().dataType()))));
  }

  /** The values of a DOUBLE array in c order. */
  public static double[] values(INDArray a) {
    return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
  }
}
