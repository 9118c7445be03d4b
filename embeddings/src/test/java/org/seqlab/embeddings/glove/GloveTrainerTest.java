package org.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.Corpus;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.TrainedVectors;
import org.seqlab.embeddings.train.TrainingListener;
import org.seqlab.embeddings.train.TrainingProgress;

class GloveTrainerTest {
  private static final GloveConfig SMALL =
      GloveConfig.defaults().withDim(16).withWindow(5).withIterations(25).withMinCount(1).withXMax(10).withSeed(3);

  /** Topics of 12 words; each sentence uses one topic (see the SGNS test's PlantedCorpus). */
  static EncodedCorpus planted(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      int t = rng.nextInt(5);
      List<String> sentence = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        sentence.add("t" + t + "w" + rng.nextInt(12));
      }
      out.add(sentence);
    }
    return EncodedCorpus.fromSentences(Corpus.of(out), 1, Integer.MAX_VALUE);
  }

  static double purity(TrainedVectors v, int k) {
    int n = v.size();
    int pure = 0;
    for (int a = 0; a < n; a++) {
      Integer[] order = new Integer[n];
      double[] sims = new double[n];
      for (int b = 0; b < n; b++) {
        order[b] = b;
        sims[b] = a == b ? Double.NEGATIVE_INFINITY : v.cosine(a, b);
      }
      java.util.Arrays.sort(order, (x, y) -> Double.compare(sims[y], sims[x]));
      String topic = v.vocabulary().token(a).substring(0, 2);
      boolean ok = true;
      for (int r = 0; r < k; r++) {
        ok &= v.vocabulary().token(order[r]).startsWith(topic);
      }
      pure += ok ? 1 : 0;
    }
    return pure / (double) n;
  }

  private static final class Costs implements TrainingListener {
    final List<Double> costs = new ArrayList<>();

    @Override
    public void onProgress(TrainingProgress p) {
      if (!Double.isNaN(p.cost())) {
        costs.add(p.cost());
      }
    }
  }

  @Test
  void costDecreasesAndTopicsAreRecovered(@TempDir Path tmp) {
    Costs costs = new Costs();
    TrainedVectors v = new GloveTrainer(SMALL).withListener(costs).train(planted(1), tmp);
    assertEquals(SMALL.iterations(), costs.costs.size());
    for (int i = 1; i < costs.costs.size(); i++) {
      assertTrue(costs.costs.get(i) < costs.costs.get(i - 1), "cost went up at iteration " + (i + 1) + ": " + costs.costs);
    }
    assertTrue(costs.costs.get(costs.costs.size() - 1) < 0.5 * costs.costs.get(0), costs.costs.toString());
    // Calibration (train.PlantedCalibrationTest, slow): over seeds 1..50 the 5-NN purity was at least
    // 0.95 (mean 0.996); random vectors give < 0.001.
    double p = purity(v, 5);
    assertTrue(p >= 0.85, "5-NN purity " + p);
  }

  @Test
  void oneThreadIsDeterministicAndResumeIsExact(@TempDir Path tmp) throws IOException {
    EncodedCorpus corpus = planted(2);
    GloveConfig c = SMALL.withIterations(4);
    TrainedVectors a = new GloveTrainer(c).train(corpus, tmp);
    TrainedVectors b = new GloveTrainer(c).train(corpus, tmp);
    assertTrue(a.sameVectors(b));
    assertFalse(a.sameVectors(new GloveTrainer(c.withSeed(4)).train(corpus, tmp)));

    Path ckpt = tmp.resolve("glove.ckpt");
    TrainingListener crash = new TrainingListener() {
      @Override
      public void onCheckpoint(Path file, TrainingProgress p) {
        if (p.epoch() == 2) {
          throw new IllegalStateException("simulated crash");
        }
      }
    };
    assertThrows(IllegalStateException.class,
        () -> new GloveTrainer(c).withCheckpoints(ckpt).withListener(crash).train(corpus, tmp));
    assertEquals(c, GloveTrainer.checkpointConfig(ckpt));
    TrainedVectors resumed = new GloveTrainer(c).resume(ckpt, corpus, tmp);
    assertTrue(resumed.sameVectors(a), "resumed GloVe run differs from the uninterrupted one");
  }

  @Test
  void severalThreadsStillLearn(@TempDir Path tmp) {
    TrainedVectors v = new GloveTrainer(SMALL.withThreads(3)).train(planted(3), tmp);
    assertTrue(purity(v, 5) >= 0.85);
  }

  @Test
  void signature() {
    assertEquals("glove|dim:100|win:15|xmax:10|alpha:0.75|eta:0.05|it:15|min:5|seed:1|v:1",
        GloveConfig.defaults().signature());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GloveConfig.defaults().withXMax(0));
    assertEquals("xMax must be a finite number > 0, got 0.0", e.getMessage());
  }
}
