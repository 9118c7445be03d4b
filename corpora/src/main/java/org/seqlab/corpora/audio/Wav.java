package org.seqlab.corpora.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seqlab.core.io.AtomicFiles;

/**
 * Reads and writes RIFF/WAVE files with linear PCM samples: mono, 8-bit (unsigned) or 16-bit (signed
 * little-endian). Chunks other than {@code fmt } and {@code data} (e.g. {@code LIST}) are skipped,
 * with RIFF's pad byte after odd-sized chunks. Anything else (stereo, 24/32-bit, float, compressed or
 * WAVE_FORMAT_EXTENSIBLE data, a missing or truncated chunk) is rejected with a {@link
 * WavFormatException} naming the file and the problem.
 */
public final class Wav {
  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;

  private Wav() {}

  /** Reads a file. */
  public static Audio read(Path path) throws IOException {
    return decode(Files.readAllBytes(path), path.toString());
  }

  /**
   * Decodes the bytes of a WAV file.
   *
   * @param name used in error messages (usually the path)
   */
  public static Audio decode(byte[] bytes, String name) throws WavFormatException {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
      throw new WavFormatException(name + ": not a WAV file (no RIFF/WAVE header)");
    }
    int channels = -1;
    int rate = -1;
    int bits = -1;
    int pos = 12;
    while (pos + 8 <= bytes.length) {
      String id = tag(bytes, pos);
      long size = buf.getInt(pos + 4) & 0xFFFFFFFFL;
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + size > bytes.length) {
          throw new WavFormatException(name + ": truncated or short fmt chunk (" + size + " bytes)");
        }
        int format = buf.getShort(body) & 0xFFFF;
        channels = buf.getShort(body + 2) & 0xFFFF;
        rate = buf.getInt(body + 4);
        bits = buf.getShort(body + 14) & 0xFFFF;
        if (format == EXTENSIBLE) {
          throw new WavFormatException(name + ": WAVE_FORMAT_EXTENSIBLE is not supported; save as plain PCM (format 1)");
        }
        if (format != PCM) {
          throw new WavFormatException(name + ": audio format " + format + " is not supported; only linear PCM (1) is");
        }
        if (channels != 1) {
          throw new WavFormatException(name + ": " + channels + " channels; only mono is supported");
        }
        if (bits != 8 && bits != 16) {
          throw new WavFormatException(name + ": " + bits + "-bit samples; only 8- and 16-bit PCM are supported");
        }
        if (rate < 1) {
          throw new WavFormatException(name + ": sample rate " + rate + " is not positive");
        }
      } else if (id.equals("data")) {
        if (channels < 0) {
          throw new WavFormatException(name + ": data chunk before the fmt chunk");
        }
        long available = bytes.length - (long) body;
        if (size > available) {
          throw new WavFormatException(
              name + ": truncated: the data chunk announces " + size + " bytes but " + available + " follow");
        }
        int width = bits / 8;
        if (size % width != 0) {
          throw new WavFormatException(name + ": data chunk of " + size + " bytes is not a whole number of " + bits + "-bit samples");
        }
        double[] x = new double[(int) (size / width)];
        for (int i = 0; i < x.length; i++) {
          x[i] = bits == 16 ? buf.getShort(body + 2 * i) / 32768.0 : ((bytes[body + i] & 0xFF) - 128) / 128.0;
        }
        return new Audio(rate, x);
      }
      pos = (int) Math.min(bytes.length, body + size + (size & 1));
    }
    throw new WavFormatException(name + (channels < 0 ? ": no fmt chunk" : ": no data chunk") + " (truncated or not a PCM WAV file)");
  }

  private static String tag(byte[] b, int off) {
    return off + 4 <= b.length ? new String(b, off, 4, StandardCharsets.US_ASCII) : "";
  }

  /** Encodes as 16-bit mono PCM, clipping samples to {@code [-1, 1)}. */
  public static byte[] encode16(Audio audio) {
    int n = audio.length();
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) PCM).putShort((short) 1)
        .putInt(audio.sampleRate()).putInt(2 * audio.sampleRate()).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      long v = Math.round(audio.sample(i) * 32768.0);
      b.putShort((short) Math.max(-32768, Math.min(32767, v)));
    }
    return b.array();
  }

  /** Writes a 16-bit mono PCM file atomically. */
  public static void write16(Path path, Audio audio) throws IOException {
    byte[] bytes = encode16(audio);
    AtomicFiles.write(path, out -> out.write(bytes));
  }
}
