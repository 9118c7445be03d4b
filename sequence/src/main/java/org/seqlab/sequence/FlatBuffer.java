package org.seqlab.sequence;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.NativeArrays;

/**
 * Random element access to a c-ordered, non-view FLOAT or DOUBLE array through one NIO view of its
 * native buffer: far cheaper than {@code getDouble/putScalar} for a few thousand scattered elements.
 */
final class FlatBuffer {
  private final FloatBuffer f;
  private final DoubleBuffer d;

  FlatBuffer(INDArray x) {
    if (!NativeArrays.isDense(x)) {
      throw new IllegalArgumentException("FlatBuffer needs a c-ordered array that is not a view");
    }
    if (x.dataType() == DataType.FLOAT) {
      f = x.data().asNioFloat();
      d = null;
    } else if (x.dataType() == DataType.DOUBLE) {
      d = x.data().asNioDouble();
      f = null;
    } else {
      throw new IllegalArgumentException("FlatBuffer needs FLOAT or DOUBLE, got " + x.dataType());
    }
  }

  double get(long i) {
    return f != null ? f.get(Math.toIntExact(i)) : d.get(Math.toIntExact(i));
  }

  void add(long i, double v) {
    int k = Math.toIntExact(i);
    if (f != null) {
      f.put(k, (float) (f.get(k) + v));
    } else {
      d.put(k, d.get(k) + v);
    }
  }
}
