package org.seqlab.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy search, sampling, teacher-forced scoring and error analysis on scripted models. */
class SearchTest {
  private static final int A = HandModel.A;
  private static final int B = HandModel.B;

  @Test
  void greedyForcesEosAtTheLimitAndDropsFinishedRows() {
    ScriptedStepModel m = HandModel.create();
    Hypothesis h = new GreedySearch(2).decode(m, m.initial(1)).get(0).get(0);
    // a (0.5), then <eos> forced at position 2 (0.1 after [a])
    assertArrayEquals(new int[] {A}, h.tokens());
    assertEquals(Math.log(0.5 * 0.1), h.logProb(), 1e-12);

    ScriptedStepModel r = ScriptedStepModel.random(6, 0, 1, 0.5, 9);
    var out = new GreedySearch(30).decode(r, r.initial(20));
    long steps = out.stream().mapToLong(l -> l.get(0).length()).max().orElseThrow();
    long rows = out.stream().mapToLong(l -> l.get(0).length()).sum();
    assertEquals(steps, r.calls());
    assertEquals(rows, r.rowsStepped(), "each sentence is stepped exactly once per emitted token");
  }

  @Test
  void samplingIsSeededAndFollowsTheModel() {
    ScriptedStepModel m = HandModel.create();
    SamplingSearch s = new SamplingSearch(SamplerConfig.ancestral(), 4000, 10, 42);
    List<Hypothesis> samples = s.decode(m, m.initial(1)).get(0);
    assertEquals(4000, samples.size());
    double b = samples.stream().filter(h -> h.tokens().length == 1 && h.tokens()[0] == B).count() / 4000.0;
    double aa = samples.stream().filter(h -> h.tokens().length == 2 && h.tokens()[0] == A && h.tokens()[1] == A).count() / 4000.0;
    // P(b) = 0.36, P(a a) = 0.27; standard deviation of a frequency over 4000 draws < 0.008
    assertEquals(0.36, b, 0.04);
    assertEquals(0.27, aa, 0.04);
    for (Hypothesis h : samples.subList(0, 50)) {
      double[] lp = SequenceScorer.logProbs(m, m.initial(1), List.of(h.tokens()));
      assertEquals(lp[0], h.logProb(), 1e-12);
    }
    assertEquals(samples, s.decode(HandModel.create(), m.initial(1)).get(0), "same seed, same samples");
    ScriptedStepModel r = ScriptedStepModel.random(6, 0, 1, 0.5, 9);
    SamplingSearch few = new SamplingSearch(SamplerConfig.ancestral().withTemperature(0.8), 3, 12, 5);
    var batch = few.decode(r, r.initial(4));
    assertEquals(batch.subList(0, 2), few.decode(r, r.initial(2)), "sentence i's samples depend on (seed, i) only");
  }

  @Test
  void temperatureZeroAndTopOneSampleTheGreedyOutput() {
    ScriptedStepModel m = ScriptedStepModel.random(8, 0, 1, 1.0, 4);
    var greedy = new GreedySearch(15).decode(m, m.initial(10));
    for (SamplerConfig c : new SamplerConfig[] {SamplerConfig.greedy(), SamplerConfig.ancestral().withTopK(1)}) {
      var sampled = new SamplingSearch(c, 1, 15, 1).decode(m, m.initial(10));
      assertEquals(greedy, sampled, c.signature());
    }
  }

  @Test
  void scorerMatchesTheTable() {
    ScriptedStepModel m = HandModel.create();
    double[] lp = SequenceScorer.logProbs(m, m.initial(3), List.of(new int[] {B}, new int[] {A, A}, new int[0]));
    assertArrayEquals(new double[] {Math.log(0.36), Math.log(0.27), Math.log(0.1)}, lp, 1e-12);
    assertThrows(IllegalArgumentException.class, () -> SequenceScorer.logProbs(m, m.initial(1), List.of(new int[] {1})));
  }

  @Test
  void errorAnalysisSeparatesSearchFromModelErrors() {
    ScriptedStepModel m = HandModel.create();
    // sentence 0: reference [b], greedy output [a a]: P(b) = 0.36 > 0.27, a search error.
    // sentence 1: reference [a a], beam output [b]: the model prefers its output, a model error.
    // sentence 2: reference [b], output [b]: correct.
    BeamErrorAnalysis.Report r = BeamErrorAnalysis.analyze(m, m.initial(3),
        List.of(new int[] {B}, new int[] {A, A}, new int[] {B}),
        List.of(new int[] {A, A}, new int[] {B}, new int[] {B}), LengthPenalty.NONE);
    assertEquals(BeamErrorAnalysis.Kind.SEARCH_ERROR, r.cases().get(0).kind());
    assertEquals(Math.log(0.36), r.cases().get(0).referenceLogProb(), 1e-12);
    assertEquals(Math.log(0.27), r.cases().get(0).outputLogProb(), 1e-12);
    assertEquals(BeamErrorAnalysis.Kind.MODEL_ERROR, r.cases().get(1).kind());
    assertEquals(BeamErrorAnalysis.Kind.CORRECT, r.cases().get(2).kind());
    assertEquals(1 / 3.0, r.fraction(BeamErrorAnalysis.Kind.SEARCH_ERROR), 1e-12);
    assertEquals(0.5, r.searchErrorShare(), 1e-12);
    assertTrue(r.format().startsWith("3 sentences: correct 33.3%, search errors 33.3%, model errors 33.3%"), r.format());

    // under alpha = 1 the order of sentence 1 flips: log(0.27)/3 = -0.436 > log(0.36)/2 = -0.511
    BeamErrorAnalysis.Report n = BeamErrorAnalysis.analyze(m, m.initial(1), List.of(new int[] {A, A}),
        List.of(new int[] {B}), new LengthPenalty(1));
    assertEquals(BeamErrorAnalysis.Kind.SEARCH_ERROR, n.cases().get(0).kind());
  }

  @Test
  void bannedTokensAreNeverEmittedAndTheRestIsRenormalised() {
    // banning a (p = 0.5 at the start) leaves <eos> 0.1 / 0.5 = 0.2 and b 0.4 / 0.5 = 0.8
    ScriptedStepModel m = HandModel.create();
    BannedTokens<ScriptedStepModel.State> noA = new BannedTokens<>(m, A);
    LogProbs lp = noA.step(m.initial(1), new int[] {HandModel.BOS}).logProbs();
    assertEquals(Double.NEGATIVE_INFINITY, lp.get(0, A));
    assertEquals(Math.log(0.2), lp.get(0, HandModel.EOS), 1e-12);
    assertEquals(Math.log(0.8), lp.get(0, B), 1e-12);
    Hypothesis h = new BeamSearch(BeamSearchConfig.of(2).withMaxLength(4)).decode(noA, m.initial(1)).get(0).get(0);
    assertArrayEquals(new int[] {B}, h.tokens());
    assertThrows(IllegalArgumentException.class, () -> new BannedTokens<>(m, HandModel.EOS));
  }

  @Test
  void scriptedModelChecksItsScript() {
    ScriptedStepModel bad = new ScriptedStepModel(3, 0, 1, (s, p) -> new double[] {0, 0.5, 0.4});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new GreedySearch(3).decode(bad, bad.initial(1)));
    assertTrue(e.getMessage().contains("summing to 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LogProbs(2, 3, new double[5]));
  }
}
