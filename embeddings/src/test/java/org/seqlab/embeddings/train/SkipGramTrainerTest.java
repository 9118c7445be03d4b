package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipGramTrainerTest {
  private static final SkipGramConfig SMALL =
      SkipGramConfig.builder().dim(16).window(3).negative(5).minCount(1).sample(0).epochs(3).seed(11).build();

  private static EncodedCorpus planted(long seed) {
    return EncodedCorpus.fromSentences(PlantedCorpus.sentences(5, 12, 600, 20, seed), 1, SkipGramConfig.UNLIMITED);
  }

  @Test
  void recoversPlantedTopics() {
    // Calibration (PlantedCalibrationTest, slow): over seeds 1..50, corpus and training seed varied
    // together, the 5-NN purity was 1.0 for every seed; 0.85 leaves room for other kernels while
    // random vectors fail (expected purity of random vectors: (11/59)^5 < 0.001).
    for (long seed = 1; seed <= 3; seed++) {
      TrainedVectors v = new SkipGramTrainer(SMALL.withSeed(seed)).train(planted(seed));
      double purity = PlantedCorpus.neighbourPurity(v, 5);
      assertTrue(purity >= 0.85, "seed " + seed + ": 5-NN topic purity " + purity);
    }
  }

  @Test
  void untrainedVectorsFailThePurityCheck() {
    TrainedVectors v = new SkipGramTrainer(SMALL.withEpochs(1).toBuilder().alpha(1e-9).minAlpha(0).build())
        .train(planted(1));
    assertTrue(PlantedCorpus.neighbourPurity(v, 5) < 0.2);
  }

  @Test
  void oneThreadIsDeterministic() {
    EncodedCorpus corpus = planted(4);
    TrainedVectors a = new SkipGramTrainer(SMALL).train(corpus);
    TrainedVectors b = new SkipGramTrainer(SMALL).train(corpus);
    TrainedVectors c = new SkipGramTrainer(SMALL.withSeed(12)).train(corpus);
    assertTrue(a.sameVectors(b));
    assertFalse(a.sameVectors(c));
  }

  @Test
  void severalThreadsStillLearn() {
    TrainedVectors v = new SkipGramTrainer(SMALL.withThreads(3)).train(planted(5));
    assertTrue(PlantedCorpus.neighbourPurity(v, 5) >= 0.85);
  }

  @Test
  void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws IOException {
    EncodedCorpus corpus = planted(6);
    TrainedVectors whole = new SkipGramTrainer(SMALL).train(corpus);
    Path ckpt = dir.resolve("sgns.ckpt");
    List<Long> saved = new ArrayList<>();
    // a listener that "crashes" the run right after the second checkpoint
    TrainingListener crash = new TrainingListener() {
      @Override
      public void onCheckpoint(Path file, TrainingProgress p) {
        saved.add(p.done());
        if (saved.size() == 2) {
          throw new IllegalStateException("simulated crash");
        }
      }
    };
    SkipGramTrainer interrupted = new SkipGramTrainer(SMALL).withCheckpoints(ckpt, 7_000).withListener(crash);
    assertThrows(IllegalStateException.class, () -> interrupted.train(corpus));
    assertTrue(Files.exists(ckpt));
    assertEquals(SMALL, SkipGramTrainer.checkpointConfig(ckpt));
    TrainedVectors resumed = new SkipGramTrainer(SMALL).resume(ckpt, corpus);
    assertTrue(resumed.sameVectors(whole), "resumed run differs from the uninterrupted one");
  }

  @Test
  void resumeRejectsAnotherConfigOrCorpus(@TempDir Path dir) throws IOException {
    EncodedCorpus corpus = planted(7);
    Path ckpt = dir.resolve("c.ckpt");
    new SkipGramTrainer(SMALL).withCheckpoints(ckpt, 10_000).train(corpus);
    IOException e = assertThrows(IOException.class,
        () -> new SkipGramTrainer(SMALL.withSeed(99)).resume(ckpt, corpus));
    assertTrue(e.getMessage().contains("seed:11"), e.getMessage());
    assertThrows(IOException.class, () -> new SkipGramTrainer(SMALL).resume(ckpt, planted(8)));
  }

  @Test
  void progressIsReported() {
    List<TrainingProgress> seen = new ArrayList<>();
    new SkipGramTrainer(SMALL).withReportInterval(java.time.Duration.ZERO)
        .withListener(new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress p) {
            seen.add(p);
          }
        })
        .train(planted(9));
    assertTrue(seen.size() > 10);
    TrainingProgress last = seen.get(seen.size() - 1);
    assertEquals(1.0, last.fraction());
    assertEquals(3, last.epoch());
    assertTrue(last.format().startsWith("sgns epoch 3/3  100.0%"), last.format());
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i).done() >= seen.get(i - 1).done());
    }
  }

  @Test
  void rejectsCorpusBuiltWithAnotherMinCount() {
    EncodedCorpus corpus = planted(10);
    SkipGramConfig strict = SMALL.toBuilder().minCount(1_000_000).build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SkipGramTrainer(strict).train(corpus));
    assertTrue(e.getMessage().contains("minCount=1000000"), e.getMessage());
  }
}
