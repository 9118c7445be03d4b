package org.seqlab.core.ops;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java {@code double[]} and the native buffers of FLOAT or DOUBLE arrays, for
 * the ops whose index arithmetic (im2col, pooling windows) runs in plain Java loops: one native
 * call costs ~12 µs, a Java loop over a few million elements a few milliseconds.
 */
final class Buffers {
  private Buffers() {}

  /** Whether {@code a}'s elements are the first {@code length} elements of its buffer in c order. */
  static boolean isDense(INDArray a) {
    return a.ordering() == 'c' && a.offset() == 0 && (a.length() <= 1 || a.elementWiseStride() == 1)
        && a.data().length() >= a.length();
  }

  /** The elements of {@code a} in c order, as a new array. */
  static double[] read(INDArray a) {
    INDArray c = isDense(a) ? a : a.dup('c');
    int n = Math.toIntExact(c.length());
    double[] out = new double[n];
    if (c.dataType() == DataType.DOUBLE) {
      DoubleBuffer d = c.data().asNioDouble();
      d.get(out, 0, n);
    } else if (c.dataType() == DataType.FLOAT) {
      FloatBuffer f = c.data().asNioFloat();
      for (int i = 0; i < n; i++) {
        out[i] = f.get(i);
      }
    } else {
      double[] v = c.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      System.arraycopy(v, 0, out, 0, n);
    }
    return out;
  }

  /** A new c-ordered {@code type} array of {@code shape} holding {@code v}. */
  static INDArray create(double[] v, DataType type, long... shape) {
    if (type == DataType.DOUBLE) {
      INDArray out = Nd4j.createUninitialized(DataType.DOUBLE, shape);
      out.data().asNioDouble().put(v, 0, v.length);
      return out;
    }
    if (type == DataType.FLOAT) {
      INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape);
      float[] f = new float[v.length];
      for (int i = 0; i < v.length; i++) {
        f[i] = (float) v[i];
      }
      out.data().asNioFloat().put(f, 0, f.length);
      return out;
    }
    return create(v, DataType.DOUBLE, shape).castTo(type);
  }
}
