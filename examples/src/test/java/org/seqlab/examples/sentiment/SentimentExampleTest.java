package org.seqlab.examples.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.datasets.LabeledText;
import org.seqlab.corpora.datasets.SentimentData;
import org.seqlab.sequence.ClassifierConfig;
import org.seqlab.sequence.ClassifierEnsemble;
import org.seqlab.sequence.SequenceClassifier;

class SentimentExampleTest {
  @TempDir Path data;

  static final List<List<String>> CUES = List.of(
      List.of("love", "adore"), List.of("ball", "game"), List.of("happy", "glad"), List.of("sad", "upset"), List.of("food", "eat"));
  static final List<String> FILLER = List.of("i", "you", "we", "the", "a", "so", "very", "today");

  /** Sentences of fillers with one class cue word each, as emojify CSV rows. */
  static String emojiCsv(int n, long seed, boolean testStyle) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(5);
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        s.append(k == 2 ? CUES.get(c).get(rng.nextInt(2)) : FILLER.get(rng.nextInt(FILLER.size()))).append(' ');
      }
      sb.append(testStyle ? "\"" + s.toString().strip() + "\t\"," + c : s.toString().strip() + "," + c + ",,").append('\n');
    }
    return sb.toString();
  }

  @Test
  void emojifyStyleDataWithPretrainedVectors() throws IOException {
    Path dir = Files.createDirectories(data.resolve("sentiment/emojify"));
    Files.writeString(dir.resolve("train_emoji.csv"), emojiCsv(120, 1, false), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("tesss.csv"), emojiCsv(40, 2, true), StandardCharsets.UTF_8);
    // word2vec text vectors: each cue pair shares a direction, so "adore" is known from "love"
    StringBuilder vec = new StringBuilder("10 5\n");
    for (int c = 0; c < 5; c++) {
      for (String w : CUES.get(c)) {
        vec.append(w);
        for (int d = 0; d < 5; d++) {
          vec.append(' ').append(d == c ? "1.0" : "0.0");
        }
        vec.append('\n');
      }
    }
    Path vectors = data.resolve("v.txt");
    Files.writeString(vectors, vec.toString(), StandardCharsets.UTF_8);
    StringWriter log = new StringWriter();
    Path out = data.resolve("m.seqlab");
    ClassifierConfig cfg = SentimentExample.emojifyConfig().withTraining(15, 8, 0.02);
    SentimentExample.Result r = SentimentExample.run(new SentimentExample.Options(SentimentExample.Dataset.EMOJIFY, data, cfg,
        vectors, false, false, 10, 3, out, null, new PrintWriter(log)));
    assertTrue(r.accuracy() > 0.9, r.accuracy() + "\n" + log);
    assertTrue(log.toString().contains("10 x 5") && log.toString().contains("seed        3"), log.toString());
    SequenceClassifier.Saved s = SequenceClassifier.load(out);
    assertEquals("heart", s.labels().token(0));
    assertEquals(5, s.model().config().embedDim());
  }

  @Test
  void ensembleTrainsMembersFromConsecutiveSeedsAndScoresTheirMeanProbabilities() throws IOException {
    Path dir = Files.createDirectories(data.resolve("sentiment/emojify"));
    Files.writeString(dir.resolve("train_emoji.csv"), emojiCsv(60, 5, false), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("tesss.csv"), emojiCsv(40, 6, true), StandardCharsets.UTF_8);
    // few epochs and no pretrained vectors: the members are imperfect and differ from each other
    ClassifierConfig cfg = new ClassifierConfig(ClassifierConfig.Encoder.MEAN_EMBEDDING, ClassifierConfig.Pooling.LAST, 1, 6,
        4, 5, 3, 8, 0.02, 0, 5);
    StringWriter log = new StringWriter();
    Path out = data.resolve("e.seqlab");
    SentimentExample.Result r = SentimentExample.run(new SentimentExample.Options(SentimentExample.Dataset.EMOJIFY, data, cfg,
        null, false, false, 10, 7, out, null, new PrintWriter(log), 3));
    assertEquals(3, r.models().size());
    assertEquals(3, r.memberAccuracies().size());
    assertTrue(log.toString().contains("seeds 7-9") && log.toString().contains("ensemble accuracy"), log.toString());
    // each member equals a single run with its seed
    SentimentExample.Result single = SentimentExample.run(new SentimentExample.Options(SentimentExample.Dataset.EMOJIFY, data,
        cfg, null, false, false, 10, 8, null, null, new PrintWriter(new StringWriter())));
    assertEquals(single.accuracy(), r.memberAccuracies().get(1).get(0), 0);
    // the reported accuracy is the argmax of the saved members' mean probabilities on the test file
    List<LabeledText> test = SentimentData.emojify(dir.resolve("tesss.csv"));
    List<double[][]> probs = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      SequenceClassifier.Saved s = SequenceClassifier.load(SentimentExample.memberFile(out, k));
      assertEquals(Long.toString(6 + k), s.metadata().get("run.seed"));
      assertEquals(k + "/3", s.metadata().get("run.ensemble"));
      probs.add(s.model().probabilities(test.stream().map(t -> SentimentExample.ids(t.text(), s.words())).toList()));
    }
    int[] pred = ClassifierEnsemble.argmax(ClassifierEnsemble.average(probs));
    int ok = 0;
    for (int i = 0; i < pred.length; i++) {
      ok += pred[i] == test.get(i).label() ? 1 : 0;
    }
    assertEquals(ok / (double) pred.length, r.accuracy(), 1e-12);
    assertEquals(ok, r.correct());
    assertTrue(r.memberAccuracies().stream().map(m -> m.get(0)).distinct().count() > 1
        || !Arrays.deepEquals(probs.get(0), probs.get(1)), "members should differ: " + log);
    assertEquals(Path.of("dir/a.m2.seqlab"), SentimentExample.memberFile(Path.of("dir/a.seqlab"), 2));
    assertEquals(Path.of("model.m3"), SentimentExample.memberFile(Path.of("model"), 3));
    assertThrows(IllegalArgumentException.class, () -> new SentimentExample.Options(SentimentExample.Dataset.EMOJIFY, data, cfg,
        null, false, false, 10, 7, null, null, new PrintWriter(new StringWriter()), 0));
  }

  @Test
  void rtPolarityStyleCrossValidation() throws IOException {
    Path dir = Files.createDirectories(data.resolve("sentiment/rt-polarity"));
    SplittableRandom rng = new SplittableRandom(4);
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      pos.append("a ").append(rng.nextBoolean() ? "great" : "fine").append(" film , truly\n");
      neg.append("a ").append(rng.nextBoolean() ? "dull" : "bad").append(" film , truly\n");
    }
    Files.writeString(dir.resolve("rt-polarity.pos"), pos, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("rt-polarity.neg"), neg, StandardCharsets.UTF_8);
    ClassifierConfig cfg = SentimentExample.rtPolarityConfig().withTraining(3, 16, 0.01);
    cfg = new ClassifierConfig(cfg.encoder(), cfg.pooling(), 1, 8, 8, 2, 3, 16, 0.01, 0.1, 5);
    StringWriter log = new StringWriter();
    SentimentExample.Result r = SentimentExample.run(new SentimentExample.Options(SentimentExample.Dataset.RT_POLARITY, data, cfg,
        null, false, false, 3, 5, null, data.resolve("ck"), new PrintWriter(log)));
    assertEquals(3, r.foldAccuracies().size());
    assertEquals(120, r.total());
    assertTrue(r.accuracy() > 0.9, r.accuracy() + "\n" + log);
    assertTrue(Files.exists(data.resolve("ck.fold3")), log.toString());
    assertTrue(log.toString().contains("3-fold cross-validation"), log.toString());
  }
}
