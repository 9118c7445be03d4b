package org.seqlab.corpora.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
  /** A WAV file from parts: fmt fields, extra chunks before data, data bytes. */
  static byte[] wav(int format, int channels, int rate, int bits, byte[] data, byte[] extraChunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer fmt = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    fmt.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format).putShort((short) channels)
        .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    ByteBuffer dh = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    dh.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length);
    byte[] extra = extraChunk == null ? new byte[0] : extraChunk;
    int size = 4 + fmt.capacity() + extra.length + 8 + data.length;
    ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(riff.array());
    out.writeBytes(fmt.array());
    out.writeBytes(extra);
    out.writeBytes(dh.array());
    out.writeBytes(data);
    return out.toByteArray();
  }

  @Test
  void sixteenBitRoundTrip(@TempDir Path dir) throws Exception {
    double[] x = {0, 0.5, -0.5, -1, 32767 / 32768.0, 1e-4};
    Path f = dir.resolve("a.wav");
    Wav.write16(f, new Audio(8000, x));
    Audio a = Wav.read(f);
    assertEquals(8000, a.sampleRate());
    double[] expected = Arrays.stream(x).map(v -> Math.round(v * 32768) / 32768.0).toArray();
    assertArrayEquals(expected, a.samples(), 0);
    assertEquals(44 + 12, Wav.encode16(a).length);
  }

  @Test
  void eightBitUnsignedWithAnOddSizedChunkToSkip() throws Exception {
    byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0}; // 3 bytes + pad byte
    byte[] data = {(byte) 128, (byte) 255, 0, (byte) 192};
    Audio a = Wav.decode(wav(1, 1, 11025, 8, data, list), "x.wav");
    assertEquals(11025, a.sampleRate());
    assertArrayEquals(new double[] {0, 127 / 128.0, -1, 0.5}, a.samples(), 0);
  }

  @Test
  void unsupportedAndBrokenFilesGetClearErrors() {
    byte[] d16 = new byte[8];
    assertError("2 channels", wav(1, 2, 8000, 16, d16, null));
    assertError("24-bit", wav(1, 1, 8000, 24, new byte[6], null));
    assertError("audio format 3", wav(3, 1, 8000, 32, d16, null));
    assertError("WAVE_FORMAT_EXTENSIBLE", wav(0xFFFE, 1, 8000, 16, d16, null));
    byte[] ok = wav(1, 1, 8000, 16, d16, null);
    assertError("truncated: the data chunk announces 8 bytes but 5 follow", Arrays.copyOf(ok, ok.length - 3));
    assertError("no data chunk", Arrays.copyOf(ok, 36));
    assertError("not a WAV file", "hello world, not audio".getBytes(StandardCharsets.US_ASCII));
    assertError("not a whole number of 16-bit samples", wav(1, 1, 8000, 16, new byte[3], null));
  }

  private static void assertError(String part, byte[] bytes) {
    WavFormatException e = assertThrows(WavFormatException.class, () -> Wav.decode(bytes, "bad.wav"));
    assertTrue(e.getMessage().startsWith("bad.wav: ") && e.getMessage().contains(part), e.getMessage());
  }
}
