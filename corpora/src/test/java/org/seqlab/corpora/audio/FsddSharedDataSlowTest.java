package org.seqlab.corpora.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reads every FSDD recording in ../shared/data/fsdd (or $SEQLAB_DATA/fsdd); skipped when absent. */
@Tag("slow")
class FsddSharedDataSlowTest {
  @Test
  void allRecordingsReadAsTheirSourceMdDescribes() throws Exception {
    String env = System.getenv("SEQLAB_DATA");
    Path dir = (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "..", "shared", "data")).resolve("fsdd");
    assumeTrue(Files.exists(dir.resolve("MANIFEST.tsv")), "no FSDD at " + dir.toAbsolutePath());
    List<Fsdd.Recording> all = Fsdd.load(dir);
    assertEquals(3000, all.size());
    assertEquals(300, all.stream().filter(Fsdd.Recording::officialTest).count());
    double seconds = 0;
    for (Fsdd.Recording r : all) {
      Audio a = r.read();
      assertEquals(8000, a.sampleRate(), r.path().toString());
      seconds += a.seconds();
    }
    assertEquals(1312.3, seconds, 0.1); // SOURCE.md: total 1,312.3 s
  }
}
