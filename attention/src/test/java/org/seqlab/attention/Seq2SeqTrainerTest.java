package org.seqlab.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.core.Parameter;
import org.seqlab.corpora.SentencePair;
import org.seqlab.decoding.GreedySearch;
import org.seqlab.sequence.TrainingProgress;

class Seq2SeqTrainerTest {
  /**
   * Lowest exact-match count (of 100 held-out reversals) the test accepts. Calibrated over seeds 1..12
   * of {@link #reversalExactMatches}: min 93, median 100 (a model without attention or with a broken
   * gradient stays far below).
   */
  static final int CALIBRATED_MIN = 85;

  /** Reversal of random digit strings: "3 1 4" -> "4 1 3", which needs attention to learn quickly. */
  static List<SentencePair> reversal(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SentencePair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int len = 2 + rng.nextInt(4);
      List<String> s = new ArrayList<>();
      for (int k = 0; k < len; k++) {
        s.add(Integer.toString(rng.nextInt(6)));
      }
      List<String> r = new ArrayList<>(s);
      java.util.Collections.reverse(r);
      out.add(new SentencePair(String.join(" ", s), String.join(" ", r)));
    }
    return out;
  }

  static Seq2SeqConfig small() {
    return Seq2SeqConfig.builder().embedDim(16).encoderHidden(24).decoderHidden(32).attentionDim(16).outputDim(24)
        .dropout(0).build();
  }

  /** Held-out exact matches (of 100) after 200 steps of training with {@code seed}. */
  static int reversalExactMatches(long seed, List<TrainingProgress> seen) throws IOException {
    Seq2SeqData train = Seq2SeqData.build(reversal(800, seed), Segmentation.WORDS, Segmentation.WORDS, 1);
    Seq2SeqData test = train.encodeLike(reversal(100, seed + 1000));
    Seq2SeqTrainerConfig cfg = Seq2SeqTrainerConfig.defaults().withBatchSize(32).withEpochs(8).withLearningRate(1e-2, 1e-4)
        .withWarmupSteps(10);
    Seq2SeqModel m = new Seq2SeqTrainer(small(), cfg).withProgress(25, seen::add).train(train, test, seed);
    int correct = 0;
    var out = new GreedySearch(10).decode(m.forDecoding(), m.encode(test.sources()));
    for (int i = 0; i < test.size(); i++) {
      correct += java.util.Arrays.equals(out.get(i).get(0).tokens(), test.targets().get(i)) ? 1 : 0;
    }
    return correct;
  }

  @Test
  void learnsToReverseSequences() throws IOException {
    List<TrainingProgress> seen = new ArrayList<>();
    int correct = reversalExactMatches(1, seen);
    assertTrue(correct >= CALIBRATED_MIN, "exact match " + correct + "/100");
    assertTrue(seen.get(seen.size() - 1).trainLoss() < seen.get(0).trainLoss());
    assertTrue(seen.get(0).etaSeconds() > 0);
  }

  @Test
  void resumingFromACheckpointEndsWithTheSameParameters(@TempDir Path dir) throws IOException {
    Seq2SeqData train = Seq2SeqData.build(reversal(200, 4), Segmentation.WORDS, Segmentation.WORDS, 1);
    Seq2SeqTrainerConfig cfg = Seq2SeqTrainerConfig.defaults().withBatchSize(32).withEpochs(2).withWarmupSteps(3);
    Seq2SeqConfig mc = small().withDropout(0.2);
    Seq2SeqModel full = new Seq2SeqTrainer(mc, cfg).train(train, null, 9);
    Path ck = dir.resolve("ck.params");
    Seq2SeqModel part = new Seq2SeqTrainer(mc, cfg).withCheckpoint(ck, 2).withStepLimit(5).train(train, null, 9);
    assertEquals("5", part.provenance().get("run.steps"));
    Seq2SeqModel resumed = new Seq2SeqTrainer(mc, cfg).withCheckpoint(ck, 2).train(train, null, 9);
    assertEquals(full.provenance().get("run.steps"), resumed.provenance().get("run.steps"));
    List<Parameter> a = full.network().params.list();
    List<Parameter> b = resumed.network().params.list();
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).value(), b.get(i).value(), a.get(i).name());
    }
    IOException e = assertThrows(IOException.class,
        () -> new Seq2SeqTrainer(mc, cfg.withEpochs(3)).withCheckpoint(ck, 2).train(train, null, 9));
    assertTrue(e.getMessage().contains("checkpoint of another run"), e.getMessage());
    assertThrows(IOException.class, () -> new Seq2SeqTrainer(mc, cfg).withCheckpoint(ck, 2).train(train, null, 10));
  }
}
