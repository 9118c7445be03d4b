package org.seqlab.corpora.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FSDD loader on a generated miniature copy (two recordings and a manifest). */
class FsddTest {
  static Path fixture(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("recordings"));
    StringBuilder manifest = new StringBuilder("path\tbytes\tsha256\n");
    for (String name : new String[] {"3_alice_0", "7_bob_12"}) {
      byte[] b = Wav.encode16(new Audio(8000, new double[] {0.1, -0.1, 0.2}));
      Files.write(dir.resolve("recordings/" + name + ".wav"), b);
      manifest.append("recordings/").append(name).append(".wav\t").append(b.length).append("\t0\n");
    }
    Files.writeString(dir.resolve("MANIFEST.tsv"), manifest, StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void listsRecordingsWithLabelsAndTheOfficialSplit(@TempDir Path dir) throws IOException {
    List<Fsdd.Recording> r = Fsdd.load(fixture(dir));
    assertEquals(2, r.size());
    assertEquals(3, r.get(0).digit());
    assertEquals("alice", r.get(0).speaker());
    assertTrue(r.get(0).officialTest());
    assertFalse(r.get(1).officialTest());
    assertEquals(3, r.get(1).read().length());
  }

  @Test
  void missingDataAndModifiedFilesAreNamed(@TempDir Path dir) throws IOException {
    IOException e = assertThrows(IOException.class, () -> Fsdd.load(dir));
    assertTrue(e.getMessage().contains("SEQLAB_DATA"), e.getMessage());
    fixture(dir);
    Files.write(dir.resolve("recordings/7_bob_12.wav"), new byte[10]);
    List<Fsdd.Recording> r = Fsdd.load(dir);
    e = assertThrows(IOException.class, () -> r.get(1).read());
    assertTrue(e.getMessage().contains("10 bytes, MANIFEST.tsv says 50"), e.getMessage());
    Files.writeString(dir.resolve("MANIFEST.tsv"), "path\tbytes\tsha256\nrecordings/x.wav\t1\t0\n", StandardCharsets.UTF_8);
    e = assertThrows(IOException.class, () -> Fsdd.load(dir));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
