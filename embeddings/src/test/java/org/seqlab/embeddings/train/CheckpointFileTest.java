package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
  private static Map<String, float[]> arrays() {
    Map<String, float[]> a = new LinkedHashMap<>();
    a.put("syn0", new float[] {1.5f, -2f, 0.25f});
    a.put("empty", new float[0]);
    return a;
  }

  @Test
  void roundTrips(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("x.ckpt");
    CheckpointFile.write(p, Map.of("method", "test", "note", "héllo"), arrays());
    CheckpointFile.Contents c = CheckpointFile.read(p);
    assertEquals(Map.of("method", "test", "note", "héllo"), c.header());
    assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, c.arrays().get("syn0"));
    assertEquals(0, c.arrays().get("empty").length);
    assertEquals(List.of("x.ckpt"), listNames(dir)); // no temp file left behind
  }

  @Test
  void goldenFileKeepsLoading() throws IOException, URISyntaxException {
    // golden.ckpt was written by CheckpointFile version 1 with exactly this content
    Path golden = Path.of(getClass().getResource("/checkpoints/golden-v1.ckpt").toURI());
    CheckpointFile.Contents c = CheckpointFile.read(golden);
    assertEquals(Map.of("method", "test", "note", "héllo"), c.header());
    assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, c.arrays().get("syn0"));
    assertEquals(0, c.arrays().get("empty").length);
  }

  @Test
  void corruptionIsDetected(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("x.ckpt");
    CheckpointFile.write(p, Map.of("method", "test"), arrays());
    byte[] b = Files.readAllBytes(p);
    b[b.length - 8] ^= 1;
    Files.write(p, b);
    IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(p));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    Files.write(p, "SEQLABCK".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThrows(IOException.class, () -> CheckpointFile.read(p));
    Files.write(p, new byte[100]);
    e = assertThrows(IOException.class, () -> CheckpointFile.read(p));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
  }

  private static List<String> listNames(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }
}
