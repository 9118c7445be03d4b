package org.seqlab.sequence;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.Tape;
import org.seqlab.core.Variable;
import org.seqlab.core.ops.MathOps;

/** Seeded test data for the sequence tests. */
final class TestData {
  private TestData() {}

  /** Uniform values in {@code [-scale, scale)}, a fresh DOUBLE array. */
  static INDArray random(long seed, double scale, long... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (rng.nextDouble() * 2 - 1) * scale;
    }
    return Nd4j.createFromArray(v).reshape('c', shape);
  }

  /** A {@code [B, T]} 0/1 DOUBLE mask with ones on the first {@code lengths[b]} steps. */
  static INDArray mask(int[] lengths, int t) {
    double[][] m = new double[lengths.length][t];
    for (int b = 0; b < lengths.length; b++) {
      for (int s = 0; s < lengths[b]; s++) {
        m[b][s] = 1;
      }
    }
    return Nd4j.createFromArray(m);
  }

  /** {@code sum(v * R)} with a fixed random R: the upstream gradient reaching v is R, not all ones. */
  static Variable weightedSum(Tape tape, Variable v, long seed) {
    INDArray r = random(seed, 1.0, v.shape()).castTo(v.value().dataType());
    return MathOps.sum(MathOps.mul(v, tape.constant(r)));
  }

  static double[][][] toArray3(INDArray x) {
    long[] s = x.shape();
    double[][][] out = new double[(int) s[0]][(int) s[1]][(int) s[2]];
    for (int i = 0; i < s[0]; i++) {
      for (int j = 0; j < s[1]; j++) {
        for (int k = 0; k < s[2]; k++) {
          out[i][j][k] = x.getDouble(i, j, k);
        }
      }
    }
    return out;
  }

  static double[][] toArray2(INDArray x) {
    return x.castTo(DataType.DOUBLE).toDoubleMatrix();
  }
}
