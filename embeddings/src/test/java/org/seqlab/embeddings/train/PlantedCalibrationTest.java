package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.embeddings.glove.GloveConfig;
import org.seqlab.embeddings.glove.GloveTrainer;

/**
 * The calibration behind the thresholds of the planted-structure tests: 50 seeds each (corpus and
 * training seed varied together), the worst 5-NN purity must stay at or above the fast tests'
 * threshold of 0.85. Run with {@code mvn -Pslow}.
 */
@Tag("slow")
class PlantedCalibrationTest {
  static final int SEEDS = 50;

  static double[] sgnsPurities() {
    double[] p = new double[SEEDS];
    for (int s = 1; s <= SEEDS; s++) {
      EncodedCorpus c = EncodedCorpus.fromSentences(PlantedCorpus.sentences(5, 12, 600, 20, s), 1, SkipGramConfig.UNLIMITED);
      SkipGramConfig cfg =
          SkipGramConfig.builder().dim(16).window(3).negative(5).minCount(1).sample(0).epochs(3).seed(s).build();
      p[s - 1] = PlantedCorpus.neighbourPurity(new SkipGramTrainer(cfg).train(c), 5);
    }
    return p;
  }

  static double[] glovePurities(Path tmp) {
    double[] p = new double[SEEDS];
    for (int s = 1; s <= SEEDS; s++) {
      EncodedCorpus c = EncodedCorpus.fromSentences(PlantedCorpus.sentences(5, 12, 600, 20, s), 1, SkipGramConfig.UNLIMITED);
      GloveConfig cfg = GloveConfig.defaults().withDim(16).withWindow(5).withIterations(25).withMinCount(1).withSeed(s);
      p[s - 1] = PlantedCorpus.neighbourPurity(new GloveTrainer(cfg).train(c, tmp), 5);
    }
    return p;
  }

  static double min(double[] a) {
    return java.util.Arrays.stream(a).min().orElseThrow();
  }

  @Test
  void sgnsWorstSeedClearsTheThreshold() {
    double[] p = sgnsPurities();
    assertTrue(min(p) >= 0.85, java.util.Arrays.toString(p));
  }

  @Test
  void gloveWorstSeedClearsTheThreshold(@TempDir Path tmp) {
    double[] p = glovePurities(tmp);
    assertTrue(min(p) >= 0.85, java.util.Arrays.toString(p));
  }
}
