package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.core.Parameter;
import org.seqlab.corpora.tokenize.TokenizerKind;
import org.seqlab.decoding.SamplerConfig;

class WordLanguageModelTest {
  static final List<String> HEADS = List.of("cat", "dog", "owl", "fox");
  static final List<String> FILLERS = List.of("big", "small", "old", "new", "red");

  /**
   * Lines {@code head filler filler headS}: the last word is the first word's plural, predictable
   * only by remembering the first word across two random fillers.
   */
  static List<String> echoLines(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String h = HEADS.get(rng.nextInt(HEADS.size()));
      out.add(h + " " + FILLERS.get(rng.nextInt(5)) + " " + FILLERS.get(rng.nextInt(5)) + " " + h + "s");
    }
    return out;
  }

  static WordLmConfig small(int steps) {
    CharLmConfig net = CharLmConfig.builder().embedDim(16).hiddenSize(32).layers(1).dropout(0).batchSize(16)
        .bpttLength(20).learningRate(0.02).clipNorm(5).steps(steps).evalEvery(0).evalChars(0).build();
    return new WordLmConfig(net, TokenizerKind.WHITESPACE, true, 1, 1000);
  }

  @Test
  void learnsToEchoTheFirstWordAndScoresSentences() throws IOException {
    WordLanguageModel m = new WordLmTrainer(small(250)).train(echoLines(1500, 1), echoLines(100, 2), 3);
    // an LM that cannot remember the head is at best ln 4 = 1.39 nats on the echo and ln 4 on the
    // head; fillers cost ln 5 each and line ends are certain: >= (4 ln 4 + 2 ln 5) / 5 = 1.75 nats
    // per token for a memoryless model, (ln 4 + 2 ln 5) / 5 = 0.92 for a perfect one
    double nats = m.evaluate(echoLines(100, 4));
    assertTrue(nats < 1.2, "validation nats " + nats);
    double right = m.score("Dog old red dogs").logProbability();
    double wrong = m.score("dog old red cats").logProbability();
    assertTrue(right > wrong + 2, right + " vs " + wrong);
    assertEquals(5, m.score("dog old red dogs").tokens());
    assertEquals(1, m.score("dog zebra red dogs").unknownWords());
    assertEquals("owls", m.sample("owl new big", 5, SamplerConfig.greedy(), 1));
    SamplerConfig warm = SamplerConfig.ancestral().withTemperature(1.3).withTopK(3);
    assertEquals(m.sample("", 12, warm, 7), m.sample("", 12, warm, 7));
    for (String w : m.sample("", 50, warm, 8).split(" ")) {
      assertTrue(m.vocabulary().contains(w) && !w.startsWith("<"), "sampled '" + w + "'");
    }
  }

  @Test
  void saveLoadRoundTripAndDamagedFilesFailClearly(@TempDir Path dir) throws IOException {
    WordLanguageModel m = new WordLmTrainer(small(4)).train(echoLines(100, 5), null, 5);
    Path file = dir.resolve("w.seqlab");
    m.save(file);
    WordLanguageModel back = WordLanguageModel.load(file);
    assertEquals(m.config(), back.config());
    assertEquals(m.vocabulary(), back.vocabulary());
    assertEquals(m.score("cat old new cats").logProbability(), back.score("cat old new cats").logProbability(), 1e-9);
    assertEquals("5", back.provenance().get("run.seed"));

    byte[] bytes = Files.readAllBytes(file);
    Path truncated = dir.resolve("truncated.seqlab");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
    IOException t = assertThrows(IOException.class, () -> WordLanguageModel.load(truncated));
    assertTrue(t.getMessage().contains(truncated.toString()) && t.getMessage().contains("truncated"), t.getMessage());
    bytes[bytes.length / 3] ^= 0x11;
    Path corrupt = dir.resolve("corrupt.seqlab");
    Files.write(corrupt, bytes);
    IOException c = assertThrows(IOException.class, () -> WordLanguageModel.load(corrupt));
    assertTrue(c.getMessage().contains("checksum"), c.getMessage());
    Path charModel = dir.resolve("char.seqlab");
    new CharLmTrainer(CharLanguageModelTest.small(CellType.GRU, 2)).train("abcabcabc".repeat(200), null, 1).save(charModel);
    IOException f = assertThrows(IOException.class, () -> WordLanguageModel.load(charModel));
    assertTrue(f.getMessage().contains("seqlab-charlm"), f.getMessage());
  }

  @Test
  void resumingFromACheckpointEqualsAnUninterruptedRun(@TempDir Path dir) throws IOException {
    List<String> train = echoLines(200, 6);
    WordLanguageModel straight = new WordLmTrainer(small(10)).train(train, null, 7);
    Path ckpt = dir.resolve("run.ckpt");
    new WordLmTrainer(small(4)).withCheckpoint(ckpt, 2).train(train, null, 7);
    WordLanguageModel resumed = new WordLmTrainer(small(10)).withCheckpoint(ckpt, 2).train(train, null, 7);
    for (Parameter p : straight.languageModel().parameters().list()) {
      Parameter q = resumed.languageModel().parameters().get(p.name());
      assertArrayEquals(p.value().reshape(-1).toFloatVector(), q.value().reshape(-1).toFloatVector(), 1e-6f, p.name());
    }
  }

  @Test
  void goldenFileVersion1KeepsLoading() throws IOException {
    // written once by GoldenFiles.main(dir, "wordlm"): every parameter 0, so each next-token
    // distribution is uniform over the 6 ids
    WordLanguageModel m = WordLanguageModel.load(Path.of("src/test/resources/golden/wordlm-v1.seqlab"));
    assertEquals(6, m.vocabulary().size());
    assertEquals("a", m.vocabulary().token(4));
    assertEquals(TokenizerKind.WHITESPACE, m.config().tokenizer());
    assertEquals(-3 * Math.log(6), m.score("A b").logProbability(), 1e-6);
    assertEquals(Math.log(6), m.evaluate(List.of("a b", "b")), 1e-6);
  }

  @Test
  void tokenTableRoundTripsAndRejectsDamage() {
    TokenTable t = TokenTable.of(List.of("<pad>", "<unk>", "a\\b", "new\nline"), "<unk>");
    assertEquals(t, TokenTable.parse(t.serialize()));
    assertEquals(1, t.id("never seen"));
    assertThrows(IllegalArgumentException.class, () -> TokenTable.of(List.of("x", "x"), null));
    assertThrows(IllegalArgumentException.class, () -> TokenTable.of(List.of("x"), null).id("y"));
    String s = t.serialize();
    assertThrows(IllegalArgumentException.class, () -> TokenTable.parse(s.substring(0, s.lastIndexOf('\n'))));
    assertThrows(IllegalArgumentException.class, () -> TokenTable.parse("tokens v1 n=1 unk=-1\nbad\\x"));
  }
}
