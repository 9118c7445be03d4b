package org.seqlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.attention.Seq2SeqConfig;
import org.seqlab.attention.Seq2SeqTrainerConfig;
import org.seqlab.examples.translate.EngFraTranslation;
import org.seqlab.examples.translate.Multi30kTranslation;
import org.seqlab.examples.translate.TranslationExperiment;

/** The translation examples end to end on generated files in the datasets' layouts (no ../shared). */
class TranslationSmokeTest {
  private static final String[][] WORDS = {
    {"ein", "a"}, {"roter", "red"}, {"Hund", "dog"}, {"läuft", "runs"}, {"eine", "a"}, {"Katze", "cat"}, {"schläft", "sleeps"},
    {"kleiner", "small"}, {"Mann", "man"}, {"singt", "sings"}};

  /** {@code n} toy German/English sentences: "ein roter Hund läuft ." / "a red dog runs .". */
  static List<String[]> toyPairs(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder de = new StringBuilder();
      StringBuilder en = new StringBuilder();
      int len = 2 + rng.nextInt(4);
      for (int k = 0; k < len; k++) {
        String[] w = WORDS[rng.nextInt(WORDS.length)];
        de.append(w[0]).append(' ');
        en.append(w[1]).append(' ');
      }
      out.add(new String[] {de.append('.').toString(), en.toString().strip() + "."});
    }
    return out;
  }

  private static TranslationExperiment.Options tiny(Path out) {
    return new TranslationExperiment.Options(
        Seq2SeqConfig.builder().embedDim(8).encoderHidden(8).decoderHidden(8).attentionDim(8).outputDim(8).dropout(0).build(),
        Seq2SeqTrainerConfig.defaults().withEpochs(2).withBatchSize(16).withWarmupSteps(0), 1, 2, 0.7, 3, out, null, false, null);
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Toy German-English pairs in the Multi30k layout under {@code data}: 60 train, 10 val, 10 test lines. */
  private static Path toyMulti30k(Path data) throws IOException {
    String[][] splits = {{"train", "60"}, {"val", "10"}, {"test_2016_flickr", "10"}};
    for (String[] s : splits) {
      List<String[]> pairs = toyPairs(Integer.parseInt(s[1]), s[0].hashCode());
      write(data.resolve("raw/" + s[0] + ".de"), pairs.stream().map(p -> p[0]).toList());
      write(data.resolve("raw/" + s[0] + ".en"), pairs.stream().map(p -> p[1]).toList());
    }
    return data;
  }

  @Test
  void multi30kLayout(@TempDir Path dir) throws IOException {
    Path data = toyMulti30k(dir.resolve("multi30k"));
    TranslationExperiment.Result r = Multi30kTranslation.run(data, tiny(dir.resolve("out")));
    assertNotNull(r.greedy());
    assertTrue(r.beam().score() >= 0 && r.beam().score() <= 100);
    assertEquals(10, r.errors().cases().size());
    assertEquals(r.totalSteps(), r.steps());
    assertEquals(10, Files.readAllLines(dir.resolve("out/test.beam.txt")).size());
    assertTrue(r.beam().signature().contains("tok:13a"), r.beam().signature());
    List<List<String>> api = org.seqlab.examples.translate.TranslatorExample.run(r.modelDir(), List.of("ein Hund läuft ."));
    assertEquals(2, api.get(0).size());
    assertThrows(IllegalArgumentException.class, () -> Multi30kTranslation.run(dir.resolve("nothing"), tiny(dir)));
  }

  @Test
  void engFraFileWithTheTutorialFilter(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(4);
    String[][] subj = {{"I am", "Je suis"}, {"He is", "Il est"}, {"She is", "Elle est"}, {"We are", "Nous sommes"}};
    String[][] adj = {{"tired", "fatigue"}, {"happy", "heureux"}, {"here", "ici"}, {"late", "en retard"}};
    for (int i = 0; i < 200; i++) {
      String[] s = subj[rng.nextInt(subj.length)];
      String[] a = adj[rng.nextInt(adj.length)];
      lines.add(s[0] + " " + a[0] + ".\t" + s[1] + " " + a[1] + ".");
    }
    lines.add("Go.\tVa !"); // filtered out: no tutorial prefix
    Path fra = dir.resolve("fra.txt");
    write(fra, lines);
    TranslationExperiment.Result r = EngFraTranslation.run(fra, tiny(dir.resolve("out")));
    assertEquals(10, r.errors().cases().size()); // 5% of 200 pairs
    assertTrue(r.greedy().score() >= 0);
  }

  @Test
  void aFinishedRunContinuesFromItsSavedModel(@TempDir Path dir) throws IOException {
    Path data = toyMulti30k(dir.resolve("multi30k"));
    TranslationExperiment.Options longer = tiny(dir.resolve("first")).withTrainOnly(true);
    TranslationExperiment.Result first = Multi30kTranslation.run(data, longer.withTraining(longer.training().withEpochs(30)));
    // a vanishing learning rate: the continued model must be the saved one, not a fresh initialisation
    TranslationExperiment.Options frozen = tiny(dir.resolve("second")).withTrainOnly(true).withInitFrom(first.modelDir());
    frozen = frozen.withTraining(frozen.training().withEpochs(1).withLearningRate(1e-12, 1e-12));
    TranslationExperiment.Result second = Multi30kTranslation.run(data, frozen);
    assertEquals(first.validationNats(), second.validationNats(), 1e-6);
    TranslationExperiment.Result fresh = Multi30kTranslation.run(data,
        tiny(dir.resolve("fresh")).withTrainOnly(true).withTraining(frozen.training()));
    assertTrue(Math.abs(fresh.validationNats() - first.validationNats()) > 0.1, fresh.validationNats() + " vs " + first.validationNats());
    // another architecture is refused, naming both
    TranslationExperiment.Options other = new TranslationExperiment.Options(
        org.seqlab.attention.Seq2SeqConfig.builder().embedDim(8).encoderHidden(8).decoderHidden(12).attentionDim(8).outputDim(8)
            .dropout(0).build(), frozen.training(), 1, 2, 0.7, 3, dir.resolve("other"), null, true, first.modelDir());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Multi30kTranslation.run(data, other));
    assertTrue(e.getMessage().contains("dec:12") && e.getMessage().contains("dec:8"), e.getMessage());
  }
}
