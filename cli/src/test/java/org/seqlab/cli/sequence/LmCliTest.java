package org.seqlab.cli.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.cli.CliTestSupport;

class LmCliTest extends CliTestSupport {
  @TempDir Path dir;
  Path text;

  @BeforeEach
  void writeText() throws IOException {
    text = dir.resolve("t.txt");
    Files.writeString(text, "the cat sat on the mat\nthe dog sat on the log\n".repeat(60), StandardCharsets.UTF_8);
  }


  private static final String[] TINY = {"--embed", "8", "--hidden", "16", "--layers", "1", "--batch", "4", "--bptt", "16",
      "--steps", "30", "--eval-every", "0", "--lr", "0.02", "--dropout", "0"};

  private String[] with(String... head) {
    String[] all = new String[head.length + TINY.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(TINY, 0, all, head.length, TINY.length);
    return all;
  }

  @Test
  void charModelTrainsEvaluatesScoresAndSamples() {
    Path m = dir.resolve("c.seqlab");
    assertEquals(0, run(with("lm", "train-char", "--data", text.toString(), "--out", m.toString(), "--samples", "1", "--seed", "3")), err);
    assertTrue(out.contains("seed        3") && out.contains("bits/char") && out.contains("trained in"), out);
    assertEquals(0, run("lm", "eval", "--model", m.toString(), "--text", text.toString()), err);
    assertTrue(out.contains("nats/char"), out);
    assertEquals(0, run("lm", "score", "--model", m.toString(), "the cat sat", "zzq xxj"), err);
    String[] lines = out.strip().split("\n");
    double good = Double.parseDouble(lines[1].trim().split(" +")[0]);
    double bad = Double.parseDouble(lines[2].trim().split(" +")[0]);
    assertTrue(good > bad, out);
    assertEquals(0, run("lm", "sample", "--model", m.toString(), "--prompt", "the ", "--length", "20", "--temperature", "0"), err);
    assertTrue(out.contains("the "), out);
  }

  @Test
  void wordModelAndDamagedFiles() throws IOException {
    Path m = dir.resolve("w.seqlab");
    assertEquals(0, run(with("lm", "train-word", "--data", text.toString(), "--tokenizer", "WHITESPACE", "--min-count", "1",
        "--out", m.toString(), "--samples", "1", "--score", "the cat sat on the mat")), err);
    assertTrue(out.contains("perplexity") && out.contains("score "), out);
    assertEquals(0, run("lm", "sample", "--model", m.toString(), "--prompt", "the", "--length", "5", "--top-k", "3"), err);
    byte[] b = Files.readAllBytes(m);
    b[b.length / 2] ^= 1;
    Path bad = dir.resolve("bad.seqlab");
    Files.write(bad, b);
    assertEquals(2, run("lm", "eval", "--model", bad.toString(), "--text", text.toString()));
    assertTrue(err.contains("checksum") && err.contains(bad.toString()), err);
    assertEquals(2, run("lm", "eval", "--model", text.toString(), "--text", text.toString()));
    assertTrue(err.contains("not a seqlab parameter file"), err);
  }
}
