package org.seqlab.sequence;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between Java {@code double[]} and the native buffer of a c-ordered FLOAT or DOUBLE array
 * through NIO views, without an ND4J op call.
 */
final class Native {
  private Native() {}

  /**
   * Whether {@code a}'s elements are its buffer's first {@code length} elements in c order (a fresh
   * array, or a reshape of one, which ND4J reports as a view).
   */
  static boolean isDense(INDArray a) {
    return a.ordering() == 'c' && a.offset() == 0 && (a.length() <= 1 || a.elementWiseStride() == 1)
        && a.data().length() >= a.length();
  }

  private static long base(INDArray a) {
    if (!isDense(a)) {
      throw new IllegalArgumentException("needs a dense c-ordered array, got a view with offset " + a.offset());
    }
    return 0;
  }

  /** {@code dst[dstOff .. dstOff+len) = a.flat[off .. off+len)}. */
  static void read(INDArray a, long off, double[] dst, int dstOff, int len) {
    int start = Math.toIntExact(base(a) + off);
    if (a.dataType() == DataType.DOUBLE) {
      DoubleBuffer d = a.data().asNioDouble();
      d.position(start);
      d.get(dst, dstOff, len);
    } else if (a.dataType() == DataType.FLOAT) {
      FloatBuffer f = a.data().asNioFloat();
      float[] tmp = new float[len];
      f.position(start);
      f.get(tmp, 0, len);
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] = tmp[i];
      }
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + a.dataType());
    }
  }

  /** {@code a.flat[off .. off+len) = src[srcOff .. srcOff+len)}. */
  static void write(INDArray a, long off, double[] src, int srcOff, int len) {
    int start = Math.toIntExact(base(a) + off);
    if (a.dataType() == DataType.DOUBLE) {
      DoubleBuffer d = a.data().asNioDouble();
      d.position(start);
      d.put(src, srcOff, len);
    } else if (a.dataType() == DataType.FLOAT) {
      FloatBuffer f = a.data().asNioFloat();
      float[] tmp = new float[len];
      for (int i = 0; i < len; i++) {
        tmp[i] = (float) src[srcOff + i];
      }
      f.position(start);
      f.put(tmp, 0, len);
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + a.dataType());
    }
  }

  /** A new c-ordered array of {@code type} holding {@code v}. */
  static INDArray create(double[] v, DataType type, long... shape) {
    INDArray out = Nd4j.create(type, shape);
    write(out, 0, v, 0, v.length);
    return out;
  }

  /** The elements of {@code a} in c order. */
  static double[] toArray(INDArray a) {
    INDArray c = isDense(a) ? a : a.dup('c');
    double[] out = new double[Math.toIntExact(c.length())];
    read(c, 0, out, 0, out.length);
    return out;
  }
}
