package org.seqlab.cli.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;

class NerCliTest extends CliTestSupport {
  @TempDir Path dir;


  @Test
  void trainsAndTags() throws IOException {
    // an invented two-pattern corpus in CoNLL-2003 columns
    StringBuilder sb = new StringBuilder("-DOCSTART- -X- O O\n\n");
    String[] names = {"Ola", "Kim", "Ravi", "Uma"};
    String[] cities = {"Bern", "Riga", "Oslo", "Kiev"};
    for (int i = 0; i < 24; i++) {
      sb.append(names[i % 4]).append(" NNP I-NP I-PER\nlives VBZ I-VP O\nin IN I-PP O\n")
          .append(cities[(i / 4) % 4]).append(" NNP I-NP I-LOC\n. . O O\n\n");
    }
    for (String f : new String[] {"eng.train", "eng.testa", "eng.testb"}) {
      Files.writeString(dir.resolve(f), sb, StandardCharsets.UTF_8);
    }
    Path m = dir.resolve("ner.seqlab");
    assertEquals(0, run("ner", "train", "--ner-dir", dir.toString(), "--word-dim", "8", "--char-dim", "4", "--char-hidden", "4",
        "--hidden", "8", "--dropout", "0", "--epochs", "8", "--batch", "4", "--lr", "0.02", "--out", m.toString()), err);
    assertTrue(out.contains("test F1     100.00"), out);
    assertEquals(0, run("ner", "tag", "--model", m.toString(), "Uma lives in Riga ."), err);
    assertEquals("Uma/B-PER lives/O in/O Riga/B-LOC ./O", out.strip());
    assertEquals(2, run("ner", "tag", "--model", dir.resolve("eng.train").toString(), "x"));
    assertTrue(err.contains("not a seqlab parameter file"), err);

    // an IOBES model (S-PER, S-LOC here) still answers in IOB2; two IOBES models decode together
    // (the second trained with lazy word-table updates)
    Path e1 = dir.resolve("e1.seqlab");
    Path e2 = dir.resolve("e2.seqlab");
    for (Path f : new Path[] {e1, e2}) {
      assertEquals(0, run("ner", "train", "--ner-dir", dir.toString(), "--word-dim", "8", "--char-dim", "4", "--char-hidden", "4",
          "--hidden", "8", "--dropout", "0", "--epochs", "8", "--batch", "4", "--lr", "0.02", "--tags", "iobes",
          "--seed", f == e1 ? "1" : "2", "--out", f.toString(), f == e1 ? "--unk-replace=0.5" : "--sparse-adam"), err);
      assertTrue(out.contains("tag scheme  IOBES") && out.contains("test F1     100.00"), out);
      assertTrue(out.contains(f == e1 ? "every parameter updated at every step" : "word table updated lazily"), out);
    }
    assertEquals(0, run("ner", "eval", "--ner-dir", dir.toString(), "--model", e1 + "," + e2), err);
    assertTrue(out.contains("models      2") && out.contains("dev F1      100.00") && out.contains("test F1     100.00")
        && out.contains("PER    F1 100.00"), out);
    assertEquals(0, run("ner", "tag", "--model", e1 + "," + e2, "Uma lives in Riga ."), err);
    assertEquals("Uma/B-PER lives/O in/O Riga/B-LOC ./O", out.strip());
    assertEquals(2, run("ner", "eval", "--ner-dir", dir.toString(), "--model", m + "," + e1));
    assertTrue(err.contains("member 1 has the tags"), err);
    assertEquals(2, run("ner", "tag", "--model", e1 + "," + dir.resolve("missing.seqlab"), "x"));
    assertTrue(err.contains("missing.seqlab"), err);
    assertEquals(2, run("ner", "train", "--ner-dir", dir.toString(), "--tags", "bilou"));
    assertTrue(err.contains("bilou"), err);
  }
}
