package org.seqlab.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
  private static final int A = HandModel.A;
  private static final int B = HandModel.B;

  private static Hypothesis best(Decoder d, ScriptedStepModel m) {
    return d.decode(m, m.initial(1)).get(0).get(0);
  }

  @Test
  void beamOfTwoFindsTheMoreProbableShortOutputThatGreedyMisses() {
    // Greedy: a (0.5), then a (0.6 of [a]), then <eos> (0.9): [a a] with p = 0.27.
    ScriptedStepModel m = HandModel.create();
    Hypothesis g = best(new GreedySearch(10), m);
    assertArrayEquals(new int[] {A, A}, g.tokens());
    assertEquals(Math.log(0.27), g.logProb(), 1e-12);

    // Beam 2, alpha 0. Step 1: a 0.5, b 0.4, <eos> 0.1 (rank 2 >= K: dropped). Step 2: [b <eos>] 0.36
    // (rank 0: finished), [a a] 0.30, [a b] 0.15 live. Best live 0.30 < 0.36 finished: early stop.
    ScriptedStepModel m2 = HandModel.create();
    Hypothesis h = best(new BeamSearch(BeamSearchConfig.of(2).withMaxLength(4)), m2);
    assertArrayEquals(new int[] {B}, h.tokens());
    assertEquals(Math.log(0.36), h.logProb(), 1e-12);
    assertEquals(Math.log(0.36), h.score(), 1e-12);
    assertEquals(2, h.length());
    assertEquals(2, m2.calls(), "early stopping after two steps");
  }

  @Test
  void lengthNormalisationFlipsTheOrder() {
    // alpha 1: [b] scores log(0.36)/2 = -0.511. The bound log(0.30)/4 = -0.301 for the live [a a]
    // beats it, so search goes on. Step 3: [a a <eos>] 0.27 (rank 0) and [a b <eos>] 0.075 (rank 1)
    // finish with log(0.27)/3 = -0.436 and log(0.075)/3 = -0.863; [a b a], [a b b] (0.0375) stay live
    // with bound log(0.0375)/4 = -0.821 < -0.436: stop. Best: [a a].
    ScriptedStepModel m = HandModel.create();
    BeamSearchConfig c = BeamSearchConfig.of(2).withMaxLength(4).withAlpha(1).withNBest(2);
    List<Hypothesis> nbest = new BeamSearch(c).decode(m, m.initial(1)).get(0);
    assertEquals(2, nbest.size());
    assertArrayEquals(new int[] {A, A}, nbest.get(0).tokens());
    assertEquals(Math.log(0.27) / 3, nbest.get(0).score(), 1e-12);
    assertArrayEquals(new int[] {B}, nbest.get(1).tokens());
    assertEquals(Math.log(0.36) / 2, nbest.get(1).score(), 1e-12);
    assertEquals(3, m.calls());
  }

  @Test
  void earlyStoppingNeverChangesTheResult() {
    for (double alpha : new double[] {0, 0.6, 1, 2}) {
      for (int k : new int[] {1, 2, 3, 5}) {
        ScriptedStepModel early = ScriptedStepModel.random(6, 0, 1, 1.5, 7);
        ScriptedStepModel full = ScriptedStepModel.random(6, 0, 1, 1.5, 7);
        BeamSearchConfig c = BeamSearchConfig.of(k).withMaxLength(7).withAlpha(alpha).withNBest(Math.min(k, 2));
        var a = new BeamSearch(c).decode(early, early.initial(8));
        var b = new BeamSearch(c.withEarlyStopping(false)).decode(full, full.initial(8));
        assertEquals(b, a, "alpha " + alpha + " k " + k);
        assertTrue(early.rowsStepped() <= full.rowsStepped());
      }
    }
  }

  @Test
  void aWideBeamIsExhaustiveSearch() {
    // V = 5: <bos>, <eos> and 3 tokens; max length 4 gives 1 + 3 + 9 + 27 = 40 outputs. With K = 40 every
    // prefix stays live and every <eos> candidate ranks below K, so beam search must return exactly
    // the 10 best outputs of the enumeration, for every alpha.
    for (double alpha : new double[] {0, 0.5, 1, 2}) {
      for (int sentence = 0; sentence < 5; sentence++) {
        ScriptedStepModel m = ScriptedStepModel.random(5, 0, 1, 1.0, 11);
        LengthPenalty lp = new LengthPenalty(alpha);
        List<Hypothesis> all = m.enumerate(sentence, 4, lp);
        assertEquals(40, all.size());
        BeamSearchConfig c = BeamSearchConfig.of(40).withNBest(10).withMaxLength(4).withAlpha(alpha);
        List<Hypothesis> got = new BeamSearch(c).decode(m, m.initial(5)).get(sentence);
        assertEquals(10, got.size());
        for (int i = 0; i < 10; i++) {
          assertArrayEquals(all.get(i).tokens(), got.get(i).tokens(), "alpha " + alpha + " rank " + i);
          assertEquals(all.get(i).score(), got.get(i).score(), 1e-9);
          assertEquals(all.get(i).logProb(), got.get(i).logProb(), 1e-9);
        }
      }
    }
  }

  @Test
  void beamOfOneWithoutNormalisationIsGreedy() {
    ScriptedStepModel m = ScriptedStepModel.random(7, 0, 1, 2.0, 3);
    var greedy = new GreedySearch(12).decode(m, m.initial(30));
    var beam = new BeamSearch(BeamSearchConfig.of(1).withMaxLength(12)).decode(m, m.initial(30));
    assertEquals(greedy, beam);
  }

  @Test
  void batchedResultsEqualOneSentenceAtATimeAndFinishedSentencesLeaveTheBatch() {
    ScriptedStepModel batched = ScriptedStepModel.random(6, 0, 1, 1.2, 5);
    BeamSearchConfig c = BeamSearchConfig.of(3).withNBest(3).withMaxLength(9).withAlpha(0.7);
    int[] limits = {2, 9, 5, 1, 7, 9};
    var all = new BeamSearch(c).decode(batched, batched.initial(6), limits);
    for (int s = 0; s < 6; s++) {
      ScriptedStepModel one = batched.shifted(s);
      var alone = new BeamSearch(c).decode(one, one.initial(1), new int[] {limits[s]}).get(0);
      assertEquals(alone, all.get(s), "sentence " + s);
      for (Hypothesis h : all.get(s)) {
        assertTrue(h.length() <= limits[s]);
      }
    }
    // 9 steps at most for 6 sentences of 3 beams would be 162 rows without compaction
    assertTrue(batched.rowsStepped() < 162, "rows stepped " + batched.rowsStepped());
  }

  @Test
  void lengthOneAllowsOnlyEos() {
    ScriptedStepModel m = HandModel.create();
    Hypothesis h = new BeamSearch(BeamSearchConfig.of(3).withMaxLength(1)).decode(m, m.initial(1)).get(0).get(0);
    assertEquals(0, h.tokens().length);
    assertEquals(Math.log(0.1), h.logProb(), 1e-12);
  }

  @Test
  void configsValidateAndSign() {
    assertThrows(IllegalArgumentException.class, () -> BeamSearchConfig.of(0));
    assertThrows(IllegalArgumentException.class, () -> BeamSearchConfig.of(2).withNBest(3));
    assertThrows(IllegalArgumentException.class, () -> BeamSearchConfig.of(2).withAlpha(-1));
    assertThrows(IllegalArgumentException.class, () -> BeamSearchConfig.of(2).withMaxLength(0));
    assertEquals("beam|k:5|n:1|max:200|alpha:0.7|early:1", BeamSearchConfig.of(5).withAlpha(0.7).signature());
    ScriptedStepModel m = HandModel.create();
    assertThrows(IllegalArgumentException.class,
        () -> new BeamSearch(BeamSearchConfig.of(2)).decode(m, m.initial(2), new int[] {3}));
  }
}
