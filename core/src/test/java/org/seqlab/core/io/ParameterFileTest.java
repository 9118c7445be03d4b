package org.seqlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seqlab.core.Fixtures.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.seqlab.core.ParameterSet;

class ParameterFileTest {
  @TempDir Path dir;

  private static byte[] golden() throws IOException {
    try (InputStream in = ParameterFileTest.class.getResourceAsStream(GoldenFiles.V1)) {
      return in.readAllBytes();
    }
  }

  private Path copyOfGolden(byte[] bytes) throws IOException {
    Path p = dir.resolve("copy.spf");
    Files.write(p, bytes);
    return p;
  }

  @Test
  void goldenV1StillLoadsWithExactValues() throws IOException {
    Path p = copyOfGolden(golden());
    ParameterFile.Contents c = ParameterFile.read(p);
    assertEquals(GoldenFiles.metadata(), c.metadata());
    assertEquals(List.of("layer.w", "layer.b"), List.copyOf(c.tensors().keySet()));
    INDArray w = c.tensors().get("layer.w");
    assertEquals(DataType.FLOAT, w.dataType());
    assertArrayEquals(new long[] {2, 3}, w.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(GoldenFiles.W[i][j], w.getFloat(i, j), 0);
      }
    }
    INDArray b = c.tensors().get("layer.b");
    assertEquals(DataType.DOUBLE, b.dataType());
    assertArrayEquals(GoldenFiles.B, b.toDoubleVector(), 0);
  }

  @Test
  void writingTheGoldenSetReproducesItByteForByte() throws IOException {
    Path p = dir.resolve("again.spf");
    ParameterFile.write(p, GoldenFiles.params(), GoldenFiles.metadata());
    assertArrayEquals(golden(), Files.readAllBytes(p));
  }

  @Test
  void headerAndChecksumFollowTheDocumentedLayout() throws IOException {
    byte[] all = golden();
    ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals("SEQLABPF", new String(all, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(1, buf.getInt(8));
    long payload = buf.getLong(12);
    assertEquals(all.length, 20 + payload + 4);
    CRC32 crc = new CRC32();
    crc.update(all, 20, (int) payload);
    assertEquals((int) crc.getValue(), buf.getInt((int) (20 + payload)));
  }

  @Test
  void roundTripIntoAParameterSetAndRankZero() throws IOException {
    ParameterSet ps = GoldenFiles.params();
    Path p = dir.resolve("model.spf");
    ParameterFile.write(p, ps, Map.of(ParameterFile.KIND, "test"));
    ParameterSet fresh = new ParameterSet();
    fresh.add("layer.w", Nd4j.zeros(DataType.FLOAT, 2, 3));
    fresh.add("layer.b", Nd4j.zeros(DataType.DOUBLE, 3));
    assertEquals(Map.of(ParameterFile.KIND, "test"), ParameterFile.load(p, fresh));
    assertArrayEquals(values(ps.get("layer.w").value()), values(fresh.get("layer.w").value()), 0);
    assertArrayEquals(GoldenFiles.B, values(fresh.get("layer.b").value()), 0);

    Map<String, INDArray> t = new LinkedHashMap<>();
    t.put("s", Nd4j.scalar(2.5));
    t.put("empty", Nd4j.create(DataType.FLOAT, 0, 3));
    Path q = dir.resolve("odd.spf");
    ParameterFile.write(q, t, Map.of());
    ParameterFile.Contents c = ParameterFile.read(q);
    assertEquals(0, c.tensors().get("s").rank());
    assertEquals(2.5, c.tensors().get("s").getDouble(0), 0);
    assertArrayEquals(new long[] {0, 3}, c.tensors().get("empty").shape());
  }

  @Test
  void loadReportsMissingExtraAndMisshapedTensors() throws IOException {
    Path p = dir.resolve("model.spf");
    ParameterFile.write(p, GoldenFiles.params(), Map.of());
    ParameterSet missing = GoldenFiles.params();
    missing.add("extra", Nd4j.zeros(1));
    IOException e1 = assertThrows(IOException.class, () -> ParameterFile.load(p, missing));
    assertTrue(e1.getMessage().contains("'extra'") && e1.getMessage().contains(p.toString()), e1.getMessage());
    ParameterSet fewer = new ParameterSet();
    fewer.add("layer.w", Nd4j.zeros(DataType.FLOAT, 2, 3));
    IOException e2 = assertThrows(IOException.class, () -> ParameterFile.load(p, fewer));
    assertTrue(e2.getMessage().contains("'layer.b'"), e2.getMessage());
    ParameterSet shaped = new ParameterSet();
    shaped.add("layer.w", Nd4j.zeros(DataType.FLOAT, 3, 2));
    shaped.add("layer.b", Nd4j.zeros(DataType.DOUBLE, 3));
    IOException e3 = assertThrows(IOException.class, () -> ParameterFile.load(p, shaped));
    assertTrue(e3.getMessage().contains("[2, 3]") && e3.getMessage().contains("[3, 2]"), e3.getMessage());
  }

  private void assertRejected(byte[] bytes, String expected) throws IOException {
    Path p = copyOfGolden(bytes);
    IOException e = assertThrows(IOException.class, () -> ParameterFile.read(p));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void corruptTruncatedForeignAndNewerFilesAreRejected() throws IOException {
    byte[] good = golden();
    for (int i : new int[] {20, 100, good.length - 10}) { // a flipped bit anywhere in the payload
      byte[] bad = good.clone();
      bad[i] ^= 0x10;
      assertRejected(bad, "checksum mismatch");
    }
    byte[] badCrc = good.clone();
    badCrc[good.length - 1] ^= 1;
    assertRejected(badCrc, "checksum mismatch");
    for (int len : new int[] {good.length - 1, good.length - 50, 21, 12}) {
      assertRejected(Arrays.copyOf(good, len), "truncated");
    }
    assertRejected(Arrays.copyOf(good, good.length + 3), "unexpected bytes");
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertRejected(magic, "not a seqlab parameter file");
    assertRejected(new byte[0], "not a seqlab parameter file");
    byte[] newer = good.clone();
    newer[8] = 2;
    assertRejected(newer, "format version 2");
  }

  @Test
  void malformedPayloadWithAValidChecksumIsRejected() throws IOException {
    byte[] good = golden();
    ByteBuffer buf = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(20, 1_000_000); // absurd metadata count
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 20, good.length - 24);
    buf.putInt(good.length - 4, (int) crc.getValue());
    assertRejected(buf.array(), "malformed payload");
  }

  @Test
  void writesAtomicallyLeavingNoTemporaryFiles() throws IOException {
    Path p = dir.resolve("sub/model.spf");
    ParameterFile.write(p, GoldenFiles.params(), Map.of());
    ParameterFile.write(p, GoldenFiles.params(), Map.of("v", "2"));
    try (var files = Files.list(p.getParent())) {
      assertEquals(List.of("model.spf"), files.map(f -> f.getFileName().toString()).toList());
    }
    assertEquals(Map.of("v", "2"), ParameterFile.read(p).metadata());
    Map<String, INDArray> ints = Map.of("i", Nd4j.createFromArray(1, 2));
    assertThrows(IllegalArgumentException.class, () -> ParameterFile.write(dir.resolve("i.spf"), ints, Map.of()));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }
}
