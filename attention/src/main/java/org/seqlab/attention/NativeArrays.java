package org.seqlab.attention;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between Java {@code double[]} and c-ordered FLOAT or DOUBLE arrays through NIO views. */
final class NativeArrays {
  private NativeArrays() {}

  /** The elements of {@code a} in c order. */
  static double[] toArray(INDArray a) {
    INDArray c = a.ordering() == 'c' && a.offset() == 0 && !a.isView() ? a : a.dup('c');
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
      return c.castTo(DataType.DOUBLE).toDoubleVector();
    }
    return out;
  }

  /** A new c-ordered array of {@code type} holding {@code v}. */
  static INDArray create(double[] v, DataType type, long... shape) {
    INDArray out = Nd4j.create(type, shape);
    if (type == DataType.DOUBLE) {
      out.data().asNioDouble().put(v, 0, v.length);
    } else if (type == DataType.FLOAT) {
      FloatBuffer f = out.data().asNioFloat();
      for (int i = 0; i < v.length; i++) {
        f.put(i, (float) v[i]);
      }
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + type);
    }
    return out;
  }
}
