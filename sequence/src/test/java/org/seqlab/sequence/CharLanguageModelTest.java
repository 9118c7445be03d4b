package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.core.Parameter;
import org.seqlab.decoding.SamplerConfig;

class CharLanguageModelTest {
  /** Delay of the copy task: random characters between a line's first character and its copy. */
  static final int DELAY = 4;

  /**
   * Lines {@code c r1..r4 c \n} with c in {A, B, C, D} and r in {x, y}: the character before the
   * newline is predictable only by remembering the line's first character across 4 random steps.
   */
  static String delayedCopy(int lines, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      char c = "ABCD".charAt(rng.nextInt(4));
      sb.append(c);
      for (int k = 0; k < DELAY; k++) {
        sb.append(rng.nextBoolean() ? 'x' : 'y');
      }
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  static CharLmConfig small(CellType cell, int steps) {
    return CharLmConfig.builder().cell(cell).embedDim(8).hiddenSize(32).layers(1).dropout(0).batchSize(32)
        .bpttLength(32).learningRate(0.02).clipNorm(5).steps(steps).evalEvery(0).evalChars(0).build();
  }

  /** Mean probability of the remembered character on held-out lines. */
  static double recall(CharLanguageModel m, String text) {
    String[] lines = text.split("\n");
    double sum = 0;
    for (String line : lines) {
      sum += Math.exp(m.logProbability("\n" + line.substring(0, DELAY + 1), line.substring(DELAY + 1, DELAY + 2)));
    }
    return sum / lines.length;
  }

  @Test
  void lstmAndGruLearnToRememberAcrossFiveSteps() throws IOException {
    // A model without memory reaches at most 0.25. Calibrated over 20 seeds (training data and
    // initialisation, 300 steps): LSTM min 0.66, median 0.98; GRU min 0.51, median 0.99.
    String train = delayedCopy(2000, 1);
    String held = delayedCopy(100, 2);
    for (CellType cell : new CellType[] {CellType.LSTM, CellType.GRU}) {
      CharLanguageModel m = new CharLmTrainer(small(cell, 300)).train(train, held, 3);
      double r = recall(m, held);
      assertTrue(r > 0.45, cell + " recall " + r);
    }
  }

  @Test
  void saveLoadRoundTripAndCorruptFilesFailClearly(@TempDir Path dir) throws IOException {
    CharLanguageModel m = new CharLmTrainer(small(CellType.LSTM, 5)).train(delayedCopy(200, 4), null, 5);
    Path file = dir.resolve("m.seqlab");
    m.save(file);
    CharLanguageModel back = CharLanguageModel.load(file);
    assertEquals(m.config(), back.config());
    assertEquals(m.vocabulary(), back.vocabulary());
    assertEquals(m.logProbability("\nA", "xyyxA\n"), back.logProbability("\nA", "xyyxA\n"), 1e-9);
    assertEquals("5", back.provenance().get("run.seed"));

    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Path bad = dir.resolve("bad.seqlab");
    Files.write(bad, bytes);
    IOException e = assertThrows(IOException.class, () -> CharLanguageModel.load(bad));
    assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("checksum"), e.getMessage());
    Path text = dir.resolve("text.txt");
    Files.writeString(text, "hello", java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> CharLanguageModel.load(text));
  }

  @Test
  void resumingFromACheckpointEqualsAnUninterruptedRun(@TempDir Path dir) throws IOException {
    String train = delayedCopy(300, 6);
    CharLmConfig cfg = small(CellType.LSTM, 12).withSteps(12);
    CharLanguageModel straight = new CharLmTrainer(cfg).train(train, null, 7);
    Path ckpt = dir.resolve("run.ckpt");
    new CharLmTrainer(cfg.withSteps(5)).withCheckpoint(ckpt, 5).train(train, null, 7);
    CharLanguageModel resumed = new CharLmTrainer(cfg).withCheckpoint(ckpt, 5).train(train, null, 7);
    for (Parameter p : straight.languageModel().parameters().list()) {
      Parameter q = resumed.languageModel().parameters().get(p.name());
      assertArrayEquals(p.value().reshape(-1).toFloatVector(), q.value().reshape(-1).toFloatVector(), 1e-6f, p.name());
    }
    IOException e = assertThrows(IOException.class, () -> new CharLmTrainer(cfg).withCheckpoint(ckpt, 5).train(train, null, 8));
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }

  @Test
  void samplingIsSeededAndFollowsAConfidentModel() throws IOException {
    // a repeating pattern is learned almost perfectly; greedy decoding must continue it
    String train = "0123456789".repeat(400);
    CharLanguageModel m = new CharLmTrainer(small(CellType.GRU, 150)).train(train, null, 9);
    assertEquals("3456789012", m.sample("012", 10, -1, SamplerConfig.greedy(), 1));
    SamplerConfig warm = SamplerConfig.ancestral().withTemperature(1.5);
    assertEquals(m.sample("0", 30, -1, warm, 42), m.sample("0", 30, -1, warm, 42));
    String stopped = m.sample("0", 50, '5', SamplerConfig.greedy(), 1);
    assertEquals("12345", stopped);
  }

  @Test
  void goldenFileVersion1KeepsLoading() throws IOException {
    // written once by GoldenFiles.main: a 1-layer LSTM (emb 3, hidden 4) over "abc\n" with every
    // parameter 0, so every next-character distribution is uniform over the 5 ids (4 chars + unknown)
    Path golden = Path.of("src/test/resources/golden/charlm-v1.seqlab");
    CharLanguageModel m = CharLanguageModel.load(golden);
    assertEquals(5, m.vocabulary().size());
    assertEquals("a", new String(Character.toChars(m.vocabulary().codePoint(2))));
    assertEquals(CellType.LSTM, m.config().cell());
    assertEquals(4, m.config().hiddenSize());
    assertEquals(-3 * Math.log(5), m.logProbability("a", "bc\n"), 1e-6);
    assertEquals(Math.log(5), m.evaluate("abcabc"), 1e-6);
  }

  @Test
  void vocabularyMapsUnknownCharactersToZero() {
    CharVocabulary v = CharVocabulary.of("ba\n");
    assertEquals(4, v.size());
    assertArrayEquals(new int[] {2, 3, 0, 1}, v.encode("ab?\n"));
    assertEquals(v, CharVocabulary.parse(v.serialize()));
    assertThrows(IllegalArgumentException.class, () -> CharVocabulary.parse("a,zz"));
  }
}
