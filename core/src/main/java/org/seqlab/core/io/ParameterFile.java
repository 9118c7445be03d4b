package org.seqlab.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;

/**
 * A versioned, checksummed binary file of named tensors plus string metadata, for model
 * parameters and (separately) optimizer state.
 *
 * <p>Layout, all integers little-endian:
 *
 * <pre>
 *   header   magic "SEQLABPF" (8 bytes) | u32 version | u64 payload length
 *   payload  u32 metaCount | metaCount x (str key, str value)          (sorted by key)
 *            u32 tensorCount | tensorCount x (str name, u8 dtype, u8 rank, rank x i64 dim, data)
 *   trailer  u32 CRC32 of the payload
 * </pre>
 *
 * <p>{@code str} is a u32 byte count and UTF-8 bytes; dtype 1 is float32 and 2 is float64; data is
 * the c-order (row-major) elements. The same tensors and metadata always give the same bytes.
 * Files are replaced atomically ({@link AtomicFiles}), so a crash leaves the old file or the new
 * one. By convention metadata holds {@link #KIND} (the model class) and {@link #SIGNATURE} (its
 * config signature).
 */
public final class ParameterFile {
  /** The format version written; versions 1..VERSION are read. */
  public static final int VERSION = 1;

  /** Metadata key for the model kind, e.g. {@code char-lm}. */
  public static final String KIND = "kind";

  /** Metadata key for the model's config signature. */
  public static final String SIGNATURE = "signature";

  private static final byte[] MAGIC = "SEQLABPF".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 8;

  /**
   * A file's contents.
   *
   * @param metadata key/value pairs, sorted by key
   * @param tensors named tensors in file order (FLOAT or DOUBLE, as stored)
   */
  public record Contents(Map<String, String> metadata, Map<String, INDArray> tensors) {}

  private ParameterFile() {}

  /** Writes the values of every parameter of {@code params}, in order, with their data types. */
  public static void write(Path path, ParameterSet params, Map<String, String> metadata) throws IOException {
    Map<String, INDArray> tensors = new LinkedHashMap<>();
    for (Parameter p : params.list()) {
      tensors.put(p.name(), p.value());
    }
    write(path, tensors, metadata);
  }

  /**
   * Writes FLOAT or DOUBLE tensors and metadata atomically.
   *
   * @throws IllegalArgumentException for another data type
   */
  public static void write(Path path, Map<String, INDArray> tensors, Map<String, String> metadata)
      throws IOException {
    byte[] payload = TensorCodec.encode(tensors, metadata);
    CRC32 crc = new CRC32();
    crc.update(payload);
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putInt(VERSION).putLong(payload.length);
    ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
    AtomicFiles.write(
        path,
        out -> {
          out.write(header.array());
          out.write(payload);
          out.write(trailer.array());
        });
  }

  /**
   * Reads a file.
   *
   * @throws IOException naming the path and the problem: not a parameter file (magic), a newer
   *     format version, truncated or with trailing bytes, checksum mismatch, malformed payload
   */
  public static Contents read(Path path) throws IOException {
    byte[] all = Files.readAllBytes(path);
    if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(path + ": not a seqlab parameter file (the first bytes are not \"SEQLABPF\")");
    }
    if (all.length < HEADER) {
      throw new IOException(path + ": truncated: " + all.length + " bytes, shorter than the " + HEADER + "-byte header");
    }
    ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int version = buf.getInt(MAGIC.length);
    if (version < 1 || version > VERSION) {
      throw new IOException(
          path + ": format version " + version + " is not supported; this build reads versions 1 to " + VERSION);
    }
    long payloadLength = buf.getLong(MAGIC.length + 4);
    long expected = HEADER + payloadLength + 4;
    if (payloadLength < 0 || all.length < expected) {
      throw new IOException(
          path + ": truncated: the header announces " + expected + " bytes but the file has " + all.length);
    }
    if (all.length > expected) {
      throw new IOException(path + ": " + (all.length - expected) + " unexpected bytes after the checksum");
    }
    CRC32 crc = new CRC32();
    crc.update(all, HEADER, (int) payloadLength);
    int stored = buf.getInt((int) (HEADER + payloadLength));
    if (stored != (int) crc.getValue()) {
      throw new IOException(
          String.format(
              java.util.Locale.ROOT,
              "%s: checksum mismatch (stored CRC32 %08x, computed %08x): the file is corrupt",
              path, stored, (int) crc.getValue()));
    }
    try {
      return TensorCodec.decode(buf.slice(HEADER, (int) payloadLength).order(ByteOrder.LITTLE_ENDIAN));
    } catch (IllegalArgumentException e) {
      throw new IOException(path + ": malformed payload: " + e.getMessage(), e);
    }
  }

  /**
   * Copies a file's tensors into the parameters of the same names (cast to each parameter's data
   * type). The file must hold exactly the set's parameters with the same shapes.
   *
   * @return the file's metadata
   * @throws IOException naming the path and the missing, unexpected or mis-shaped tensor
   */
  public static Map<String, String> load(Path path, ParameterSet params) throws IOException {
    Contents c = read(path);
    for (Parameter p : params.list()) {
      INDArray t = c.tensors().get(p.name());
      if (t == null) {
        throw new IOException(path + ": has no tensor '" + p.name() + "'; it has " + c.tensors().keySet());
      }
      if (!Arrays.equals(t.shape(), p.shape())) {
        throw new IOException(
            path + ": tensor '" + p.name() + "' has shape " + Arrays.toString(t.shape())
                + " but the model expects " + Arrays.toString(p.shape()));
      }
    }
    for (String name : c.tensors().keySet()) {
      if (!params.contains(name)) {
        throw new IOException(path + ": tensor '" + name + "' matches no parameter of the model");
      }
    }
    for (Parameter p : params.list()) {
      p.value().assign(c.tensors().get(p.name()).castTo(p.value().dataType()));
    }
    return c.metadata();
  }
}
