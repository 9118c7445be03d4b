package org.seqlab.examples.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.decoding.SamplerConfig;
import org.seqlab.sequence.CharLanguageModel;
import org.seqlab.sequence.CharLmConfig;
import org.seqlab.sequence.WordLanguageModel;
import org.seqlab.sequence.WordLmConfig;

class LmExamplesTest {
  @TempDir Path dir;

  /** Lines "ab", "abab", ... of a repeating pattern: learnable in a few dozen steps. */
  private Path patternFile() throws IOException {
    SplittableRandom rng = new SplittableRandom(1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      sb.append("the cat sat on the mat".substring(0, 3 + rng.nextInt(20))).append('\n');
    }
    Path f = dir.resolve("text.txt");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  private static CharLmConfig tiny(int steps) {
    return CharLmConfig.builder().embedDim(8).hiddenSize(24).layers(1).dropout(0).batchSize(8).bpttLength(16)
        .learningRate(0.02).clipNorm(5).steps(steps).evalEvery(20).evalChars(0).build();
  }

  @Test
  void charExampleTrainsSavesAndSamples() throws IOException {
    StringWriter log = new StringWriter();
    Path out = dir.resolve("c.seqlab");
    CharLmExample.Result r = CharLmExample.run(new CharLmExample.Options(patternFile().toString(), dir, tiny(60), 3, out,
        dir.resolve("c.ckpt"), SamplerConfig.greedy(), 2, new PrintWriter(log)));
    // uniform over the 14 symbols is ln 14 = 2.64 nats; the pattern is far more predictable
    assertTrue(r.validationNats() < 1.5, "nats " + r.validationNats());
    assertEquals(r.validationNats() / Math.log(2), r.bitsPerChar(), 1e-12);
    assertTrue(log.toString().contains("ETA") && log.toString().contains("seed        3"), log.toString());
    assertEquals(r.validationNats(), CharLanguageModel.load(out).evaluate(CharLmExample.load(patternFile().toString(), dir, 3).validation()), 1e-4);
    assertEquals(2, r.samples().size());
  }

  @Test
  void wordExampleReportsPerplexityAndScores() throws IOException {
    CharLmConfig net = tiny(60).withSteps(60);
    WordLmConfig cfg = new WordLmConfig(net, TokenizerKind.WHITESPACE, true, 1, 100);
    StringWriter log = new StringWriter();
    WordLmExample.Result r = WordLmExample.run(new WordLmExample.Options(patternFile().toString(), dir, cfg, 4,
        dir.resolve("w.seqlab"), null, SamplerConfig.greedy(), 1, "the cat", List.of("the cat sat"), 0, new PrintWriter(log)));
    assertTrue(r.perplexity() < 4, "perplexity " + r.perplexity());
    assertTrue(log.toString().contains("score ") && log.toString().contains("the cat | "), log.toString());
    assertEquals(r.model().vocabulary(), WordLanguageModel.load(dir.resolve("w.seqlab")).vocabulary());
  }

  @Test
  void missingDatasetSaysWhereItLooked() {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> CharLmExample.run(new CharLmExample.Options(
        "dinos", dir, tiny(1), 1, null, null, SamplerConfig.greedy(), 0, new PrintWriter(new StringWriter()))));
    assertTrue(e.getMessage().contains("dinos/dinos.txt"), e.getMessage());
  }
}
