package org.seqlab.core.io;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Encodes and decodes the payload of a {@link ParameterFile} (little-endian). */
final class TensorCodec {
  static final int FLOAT32 = 1;
  static final int FLOAT64 = 2;
  private static final int MAX_RANK = 8;

  private TensorCodec() {}

  /** The payload: metadata (sorted by key), then the tensors in map order. */
  static byte[] encode(Map<String, INDArray> tensors, Map<String, String> metadata) {
    Map<String, String> meta = new TreeMap<>(metadata);
    long size = 4;
    for (Map.Entry<String, String> e : meta.entrySet()) {
      size += strSize(e.getKey()) + strSize(e.getValue());
    }
    size += 4;
    for (Map.Entry<String, INDArray> e : tensors.entrySet()) {
      INDArray t = e.getValue();
      size += strSize(e.getKey()) + 2 + 8L * t.rank() + t.length() * elementSize(e.getKey(), t);
    }
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("parameter file payload of " + size + " bytes is too large (max 2 GiB)");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(meta.size());
    meta.forEach((k, v) -> {
      putStr(buf, k);
      putStr(buf, v);
    });
    buf.putInt(tensors.size());
    tensors.forEach((name, t) -> putTensor(buf, name, t));
    return buf.array();
  }

  private static void putTensor(ByteBuffer buf, String name, INDArray t) {
    boolean dbl = t.dataType() == DataType.DOUBLE;
    putStr(buf, name);
    buf.put((byte) (dbl ? FLOAT64 : FLOAT32));
    buf.put((byte) t.rank());
    for (long d : t.shape()) {
      buf.putLong(d);
    }
    INDArray c = t.dup('c');
    if (dbl) {
      double[] v = c.data().asDouble();
      buf.asDoubleBuffer().put(v);
      buf.position(buf.position() + 8 * v.length);
    } else {
      float[] v = c.data().asFloat();
      buf.asFloatBuffer().put(v);
      buf.position(buf.position() + 4 * v.length);
    }
  }

  private static int elementSize(String name, INDArray t) {
    if (t.dataType() == DataType.DOUBLE) {
      return 8;
    }
    if (t.dataType() == DataType.FLOAT) {
      return 4;
    }
    throw new IllegalArgumentException(
        "tensor '" + name + "' has type " + t.dataType() + "; only FLOAT and DOUBLE can be stored");
  }

  private static long strSize(String s) {
    return 4L + s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void putStr(ByteBuffer buf, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    buf.putInt(b.length);
    buf.put(b);
  }

  /**
   * Decodes a payload.
   *
   * @throws IllegalArgumentException describing the first malformed field
   */
  static ParameterFile.Contents decode(ByteBuffer buf) {
    try {
      Map<String, String> meta = new TreeMap<>();
      int metaCount = count(buf.getInt(), "metadata entries", buf);
      for (int i = 0; i < metaCount; i++) {
        String key = str(buf);
        meta.put(key, str(buf));
      }
      Map<String, INDArray> tensors = new LinkedHashMap<>();
      int n = count(buf.getInt(), "tensors", buf);
      for (int i = 0; i < n; i++) {
        String name = str(buf);
        if (tensors.put(name, tensor(buf, name)) != null) {
          throw new IllegalArgumentException("tensor '" + name + "' appears twice");
        }
      }
      if (buf.hasRemaining()) {
        throw new IllegalArgumentException(buf.remaining() + " unexpected bytes after the last tensor");
      }
      return new ParameterFile.Contents(meta, tensors);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("payload ends in the middle of a field at byte " + buf.position(), e);
    }
  }

  private static INDArray tensor(ByteBuffer buf, String name) {
    int type = buf.get();
    int rank = buf.get();
    if ((type != FLOAT32 && type != FLOAT64) || rank < 0 || rank > MAX_RANK) {
      throw new IllegalArgumentException(
          "tensor '" + name + "' has type code " + type + " (expected 1 or 2) and rank " + rank
              + " (expected 0.." + MAX_RANK + ")");
    }
    long[] shape = new long[rank];
    long len = 1;
    for (int d = 0; d < rank; d++) {
      shape[d] = buf.getLong();
      if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("tensor '" + name + "' has dimension " + shape[d]);
      }
      len *= shape[d];
    }
    int width = type == FLOAT64 ? 8 : 4;
    if (len > buf.remaining() / width) {
      throw new IllegalArgumentException(
          "tensor '" + name + "' of shape " + Arrays.toString(shape) + " runs past the end of the payload");
    }
    INDArray t;
    if (type == FLOAT64) {
      double[] v = new double[(int) len];
      buf.asDoubleBuffer().get(v);
      t = Nd4j.createFromArray(v);
    } else {
      float[] v = new float[(int) len];
      buf.asFloatBuffer().get(v);
      t = Nd4j.createFromArray(v);
    }
    buf.position(buf.position() + (int) len * width);
    return rank == 0 ? t.reshape(new long[0]) : t.reshape('c', shape);
  }

  private static int count(int n, String what, ByteBuffer buf) {
    if (n < 0 || n > buf.remaining()) {
      throw new IllegalArgumentException("implausible number of " + what + ": " + n);
    }
    return n;
  }

  private static String str(ByteBuffer buf) {
    int len = buf.getInt();
    if (len < 0 || len > buf.remaining()) {
      throw new IllegalArgumentException("string length " + len + " runs past the end of the payload");
    }
    byte[] b = new byte[len];
    buf.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
