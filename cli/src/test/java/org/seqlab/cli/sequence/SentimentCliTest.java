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

class SentimentCliTest extends CliTestSupport {
  @TempDir Path dir;


  @Test
  void trainsOnEmojifyStyleFilesAndPredicts() throws IOException {
    Path emo = Files.createDirectories(dir.resolve("sentiment/emojify"));
    String[] cues = {"love", "ball", "happy", "sad", "food"};
    StringBuilder train = new StringBuilder();
    StringBuilder test = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      train.append("we ").append(cues[i % 5]).append(" it,").append(i % 5).append(",,\n");
      test.append("\"you ").append(cues[i % 5]).append("\t\",").append(i % 5).append('\n');
    }
    Files.writeString(emo.resolve("train_emoji.csv"), train, StandardCharsets.UTF_8);
    Files.writeString(emo.resolve("tesss.csv"), test, StandardCharsets.UTF_8);
    Path m = dir.resolve("m.seqlab");
    assertEquals(0, run("sentiment", "train", "--data", "emojify", "--data-dir", dir.toString(), "--embed", "8",
        "--epochs", "20", "--lr", "0.05", "--out", m.toString(), "--seed", "2"), err);
    assertTrue(out.contains("accuracy    100.00 %"), out);
    assertEquals(0, run("sentiment", "predict", "--model", m.toString(), "I LOVE you", "sad day"), err);
    assertTrue(out.contains("heart") && out.contains("disappointed"), out);
    Path e = dir.resolve("e.seqlab");
    assertEquals(0, run("sentiment", "train", "--data", "emojify", "--data-dir", dir.toString(), "--embed", "8",
        "--epochs", "20", "--lr", "0.05", "--out", e.toString(), "--seed", "2", "--ensemble", "2"), err);
    assertTrue(out.contains("seeds 2-3") && out.contains("ensemble accuracy") && out.contains("(ensemble)"), out);
    Path e1 = dir.resolve("e.m1.seqlab");
    Path e2 = dir.resolve("e.m2.seqlab");
    assertTrue(Files.exists(e1) && Files.exists(e2) && !Files.exists(e), out);
    assertEquals(0, run("sentiment", "predict", "--model", e1 + "," + e2, "I LOVE you", "sad day"), err);
    assertTrue(out.contains("heart") && out.contains("disappointed") && out.contains(e2.toString()), out);
    assertEquals(2, run("sentiment", "predict", "--model", e1 + "," + dir.resolve("missing.seqlab"), "hi"));
    assertTrue(err.contains("missing.seqlab"), err);
    assertEquals(2, run("sentiment", "train", "--data", "emojify", "--data-dir", dir.toString(), "--ensemble", "0"));
    assertTrue(err.contains("members must be >= 1, got 0"), err);
    assertEquals(2, run("sentiment", "train", "--data", "imdb"));
    assertTrue(err.contains("emojify or rt-polarity"), err);
    assertEquals(2, run("sentiment", "train", "--data", "rt-polarity", "--data-dir", dir.toString()));
    assertTrue(err.contains("rt-polarity not found"), err);
  }
}
