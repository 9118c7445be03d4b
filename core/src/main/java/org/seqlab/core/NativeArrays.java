package org.seqlab.core;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java {@code double[]} and the native buffers of c-ordered FLOAT or DOUBLE
 * arrays through NIO views, without an ND4J op call. For the kernels whose arithmetic runs in plain
 * Java loops (recurrent gates, im2col, pooling windows, attention): one native call costs ~12 µs, a
 * Java loop over a few million elements a few milliseconds.
 */
public final class NativeArrays {
  private NativeArrays() {}

  /**
   * Whether {@code a}'s elements are its buffer's first {@code length} elements in c order (a fresh
   * array, or a reshape of one, which ND4J reports as a view).
   */
  public static boolean isDense(INDArray a) {
    return a.ordering() == 'c' && a.offset() == 0 && (a.length() <= 1 || a.elementWiseStride() == 1)
        && a.data().length() >= a.length();
  }

  private static int start(INDArray a, long off) {
    if (!isDense(a)) {
      throw new IllegalArgumentException("needs a dense c-ordered array, got a view with offset " + a.offset());
    }
    return Math.toIntExact(off);
  }

  /** {@code dst[dstOff .. dstOff+len) = a.flat[off .. off+len)} for a dense FLOAT or DOUBLE {@code a}. */
  public static void read(INDArray a, long off, double[] dst, int dstOff, int len) {
    int start = start(a, off);
    if (a.dataType() == DataType.DOUBLE) {
      a.data().asNioDouble().get(start, dst, dstOff, len);
    } else if (a.dataType() == DataType.FLOAT) {
      float[] tmp = new float[len];
      a.data().asNioFloat().get(start, tmp, 0, len);
      for (int i = 0; i < len; i++) {
        dst[dstOff + i] = tmp[i];
      }
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + a.dataType());
    }
  }

  /** {@code a.flat[off .. off+len) = src[srcOff .. srcOff+len)} for a dense FLOAT or DOUBLE {@code a}. */
  public static void write(INDArray a, long off, double[] src, int srcOff, int len) {
    int start = start(a, off);
    if (a.dataType() == DataType.DOUBLE) {
      a.data().asNioDouble().put(start, src, srcOff, len);
    } else if (a.dataType() == DataType.FLOAT) {
      float[] tmp = new float[len];
      for (int i = 0; i < len; i++) {
        tmp[i] = (float) src[srcOff + i];
      }
      a.data().asNioFloat().put(start, tmp, 0, len);
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + a.dataType());
    }
  }

  /**
   * {@code table[ids[i]] += rows[i]} for every {@code i} in order (a repeated id receives the sum),
   * written straight into the native buffer of a dense FLOAT or DOUBLE {@code [V, D]} table; only
   * the rows named in {@code ids} are touched.
   *
   * @param rows {@code [ids.length, D]}, cast to the table's type
   */
  public static void addRows(INDArray table, int[] ids, INDArray rows) {
    start(table, 0);
    int d = Math.toIntExact(table.size(1));
    if (table.dataType() == DataType.DOUBLE) {
      double[] src = rows.castTo(DataType.DOUBLE).dup('c').data().asDouble(); // [N * D]
      DoubleBuffer buf = table.data().asNioDouble();
      double[] row = new double[d];
      for (int i = 0; i < ids.length; i++) {
        int off = ids[i] * d;
        buf.get(off, row, 0, d);
        for (int j = 0; j < d; j++) {
          row[j] += src[i * d + j];
        }
        buf.put(off, row, 0, d);
      }
    } else if (table.dataType() == DataType.FLOAT) {
      float[] src = rows.castTo(DataType.FLOAT).dup('c').data().asFloat(); // [N * D]
      FloatBuffer buf = table.data().asNioFloat();
      float[] row = new float[d];
      for (int i = 0; i < ids.length; i++) {
        int off = ids[i] * d;
        buf.get(off, row, 0, d);
        for (int j = 0; j < d; j++) {
          row[j] += src[i * d + j];
        }
        buf.put(off, row, 0, d);
      }
    } else {
      throw new IllegalArgumentException("needs FLOAT or DOUBLE, got " + table.dataType());
    }
  }

  /** A new c-ordered array of {@code type} and {@code shape} holding {@code v} (other types via a cast). */
  public static INDArray create(double[] v, DataType type, long... shape) {
    if (type != DataType.DOUBLE && type != DataType.FLOAT) {
      return create(v, DataType.DOUBLE, shape).castTo(type);
    }
    INDArray out = Nd4j.createUninitialized(type, shape);
    if (out.length() != v.length) {
      throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + out.length()
          + " elements, got " + v.length);
    }
    write(out, 0, v, 0, v.length);
    return out;
  }

  /** The elements of {@code a} in c order, as a new array (views are copied first; other types cast). */
  public static double[] toArray(INDArray a) {
    INDArray c = isDense(a) ? a : a.dup('c');
    if (c.dataType() != DataType.DOUBLE && c.dataType() != DataType.FLOAT) {
      c = c.castTo(DataType.DOUBLE).dup('c');
    }
    double[] out = new double[Math.toIntExact(c.length())];
    read(c, 0, out, 0, out.length);
    return out;
  }
}
