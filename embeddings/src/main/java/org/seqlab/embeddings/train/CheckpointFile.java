package org.seqlab.embeddings.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.seqlab.core.io.AtomicFiles;

/**
 * The trainers' checkpoint format: a text header of {@code key=value} lines plus named float
 * arrays, checksummed and written atomically (temporary file in the same directory, then an atomic
 * rename), so a crash mid-save leaves the previous checkpoint intact.
 *
 * <p>Layout, integers little-endian:
 *
 * <pre>
 *   magic "SEQLABCK" | u32 version (1) | u32 n | n bytes UTF-8 header, sorted "key=value\n" lines
 *   | u32 arrayCount | arrayCount x (u32 nameBytes, UTF-8 name, u64 length, length x f32)
 *   | u32 CRC32 of every preceding byte
 * </pre>
 */
public final class CheckpointFile {
  /** Format version written; versions 1..VERSION are read. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "SEQLABCK".getBytes(StandardCharsets.US_ASCII);

  /** What a checkpoint holds. */
  public record Contents(Map<String, String> header, Map<String, float[]> arrays) {
    /** A header value. @throws IOException naming the key when absent */
    public String get(String key, Path path) throws IOException {
      String v = header.get(key);
      if (v == null) {
        throw new IOException(path + ": checkpoint header has no '" + key + "' entry");
      }
      return v;
    }

    /** A named array. @throws IOException naming the array when absent or of another length */
    public float[] array(String name, long expectedLength, Path path) throws IOException {
      float[] a = arrays.get(name);
      if (a == null || a.length != expectedLength) {
        throw new IOException(path + ": checkpoint array '" + name + "' has length "
            + (a == null ? "(missing)" : a.length) + ", expected " + expectedLength);
      }
      return a;
    }
  }

  private CheckpointFile() {}

  /** Writes {@code header} and {@code arrays} to {@code path} atomically. */
  public static void write(Path path, Map<String, String> header, Map<String, float[]> arrays)
      throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(header).entrySet()) {
      if (e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
        throw new IllegalArgumentException("header entry must not contain '=' in the key or newlines, got "
            + e.getKey() + "=" + e.getValue());
      }
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(path, out -> {
      CRC32 crc = new CRC32();
      ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      b.put(MAGIC).putInt(VERSION).putInt(head.length);
      flush(b, out, crc);
      crc.update(head);
      out.write(head);
      b.putInt(arrays.size());
      for (Map.Entry<String, float[]> e : arrays.entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        b.putInt(name.length).put(name).putLong(e.getValue().length);
        for (float f : e.getValue()) {
          if (b.remaining() < 4) {
            flush(b, out, crc);
          }
          b.putFloat(f);
        }
        flush(b, out, crc);
      }
      flush(b, out, crc);
      b.putInt((int) crc.getValue());
      b.flip();
      out.write(b.array(), 0, b.limit());
    });
  }

  private static void flush(ByteBuffer b, OutputStream out, CRC32 crc) throws IOException {
    crc.update(b.array(), 0, b.position());
    out.write(b.array(), 0, b.position());
    b.clear();
  }

  /**
   * Reads a checkpoint.
   *
   * @throws IOException naming the path if it is not a checkpoint, is truncated, fails its checksum or
   *     is from a newer version
   */
  public static Contents read(Path path) throws IOException {
    byte[] all;
    try (InputStream in = Files.newInputStream(path)) {
      all = in.readAllBytes();
    }
    if (all.length < MAGIC.length + 12 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(path + ": not a seqlab checkpoint (bad magic or too short)");
    }
    ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 4);
    int stored = buf.getInt(all.length - 4);
    if (stored != (int) crc.getValue()) {
      throw new IOException(path + ": checkpoint checksum mismatch (file corrupt or truncated)");
    }
    buf.position(MAGIC.length);
    int version = buf.getInt();
    if (version < 1 || version > VERSION) {
      throw new IOException(path + ": checkpoint version " + version + " is not supported (reads 1.." + VERSION + ")");
    }
    try {
      Map<String, String> header = parseHeader(path, readBytes(buf, buf.getInt()));
      int count = buf.getInt();
      Map<String, float[]> arrays = new LinkedHashMap<>();
      for (int a = 0; a < count; a++) {
        String name = new String(readBytes(buf, buf.getInt()), StandardCharsets.UTF_8);
        long len = buf.getLong();
        if (len < 0 || len * 4 > buf.remaining() - 4) {
          throw new IOException(path + ": array '" + name + "' claims " + len + " floats, more than the file holds");
        }
        float[] v = new float[(int) len];
        buf.asFloatBuffer().get(v);
        buf.position(buf.position() + 4 * v.length);
        arrays.put(name, v);
      }
      return new Contents(header, arrays);
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new IOException(path + ": checkpoint is malformed (" + e + ")", e);
    }
  }

  private static byte[] readBytes(ByteBuffer buf, int n) {
    if (n < 0 || n > buf.remaining()) {
      throw new IllegalArgumentException("length " + n + " exceeds the " + buf.remaining() + " bytes left");
    }
    byte[] b = new byte[n];
    buf.get(b);
    return b;
  }

  private static Map<String, String> parseHeader(Path path, byte[] bytes) throws IOException {
    Map<String, String> header = new TreeMap<>();
    List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IOException(path + ": checkpoint header line " + (i + 1) + " is not key=value: " + line);
      }
      header.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return header;
  }
}
