package org.seqlab.examples.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.sequence.ClassifierConfig;
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
