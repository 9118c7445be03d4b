package org.seqlab.decoding.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Greedy and prefix beam search decoding: hand-derived cases and brute force over alignments. */
class CtcDecodersTest {
  static double[][] log(double[][] p) {
    double[][] out = new double[p.length][];
    for (int t = 0; t < p.length; t++) {
      out[t] = Arrays.stream(p[t]).map(Math::log).toArray();
    }
    return out;
  }

  static double[][] random(long seed, int t, int c, double scale) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] out = new double[t][];
    for (int i = 0; i < t; i++) {
      out[i] = Frames.logSoftmax(rng.doubles(c, -scale, scale).toArray());
    }
    return out;
  }

  /** Every label sequence reachable in T frames with its exact log p(W | x). */
  static Map<List<Integer>, Double> allLabelings(double[][] lp, int blank) {
    int t = lp.length;
    int c = lp[0].length;
    Map<List<Integer>, Double> p = new HashMap<>();
    int[] path = new int[t];
    for (long code = 0; code < (long) Math.pow(c, t); code++) {
      long r = code;
      double s = 0;
      for (int i = 0; i < t; i++) {
        path[i] = (int) (r % c);
        r /= c;
        s += lp[i][path[i]];
      }
      List<Integer> w = new ArrayList<>();
      for (int x : CtcGreedyDecoder.collapse(path, blank)) {
        w.add(x);
      }
      p.merge(w, Math.exp(s), Double::sum);
    }
    Map<List<Integer>, Double> out = new HashMap<>();
    p.forEach((k, v) -> out.put(k, Math.log(v)));
    return out;
  }

  @Test
  void collapseMergesRepeatsThenDropsBlanks() {
    assertArrayEquals(new int[] {1, 1, 2}, CtcGreedyDecoder.collapse(new int[] {1, 1, 0, 1, 2, 2, 0}, 0));
    assertArrayEquals(new int[] {}, CtcGreedyDecoder.collapse(new int[] {3, 3}, 3));
    assertArrayEquals(new int[] {0, 1}, CtcGreedyDecoder.collapse(new int[] {0, 2, 1, 1}, 2));
  }

  @Test
  void greedyIsTheCollapseOfTheMostProbablePath() {
    for (long seed = 0; seed < 20; seed++) {
      double[][] lp = random(seed, 4, 3, 2.0);
      int[] best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      int[] path = new int[4];
      for (int code = 0; code < 81; code++) {
        double s = 0;
        for (int i = 0, r = code; i < 4; i++, r /= 3) {
          path[i] = r % 3;
          s += lp[i][path[i]];
        }
        if (s > bestScore) {
          bestScore = s;
          best = CtcGreedyDecoder.collapse(path, 1);
        }
      }
      assertArrayEquals(best, new CtcGreedyDecoder(1).decode(lp), "seed " + seed);
    }
  }

  @Test
  void beamFindsTheMostProbableLabellingWhereBestPathDoesNot() {
    // two frames, y(∅) = 0.6, y(a) = 0.4: best path ∅∅ -> "" (0.36), but p("a") = 0.16 + 0.24 + 0.24 = 0.64
    double[][] lp = log(new double[][] {{0.6, 0.4}, {0.6, 0.4}});
    assertArrayEquals(new int[] {}, new CtcGreedyDecoder(0).decode(lp));
    List<CtcHypothesis> hyps = new CtcPrefixBeamSearch(CtcBeamConfig.of(4)).decode(lp);
    assertArrayEquals(new int[] {1}, hyps.get(0).labels());
    assertEquals(Math.log(0.64), hyps.get(0).score(), 1e-12);
    assertArrayEquals(new int[] {}, hyps.get(1).labels());
    assertEquals(Math.log(0.36), hyps.get(1).score(), 1e-12);
    assertEquals(2, hyps.size(), "a a needs 3 frames: its prefix has probability 0 and is dropped");
  }

  @Test
  void wideBeamIsExactOnTinyCases() {
    for (long seed = 0; seed < 30; seed++) {
      double[][] lp = random(100 + seed, 5, 3, 3.0);
      Map<List<Integer>, Double> all = allLabelings(lp, 0);
      List<Integer> argmax = all.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      List<CtcHypothesis> hyps = new CtcPrefixBeamSearch(CtcBeamConfig.of(1000)).decode(lp);
      CtcHypothesis top = hyps.get(0);
      assertEquals(argmax, Arrays.stream(top.labels()).boxed().toList(), "seed " + seed);
      assertEquals(all.get(argmax), top.ctcLogProb(), 1e-10);
      for (CtcHypothesis h : hyps) { // every kept prefix has its exact probability
        if (h.score() > Double.NEGATIVE_INFINITY) {
          assertEquals(all.get(Arrays.stream(h.labels()).boxed().toList()), h.ctcLogProb(), 1e-10);
        }
      }
    }
  }

  @Test
  void narrowBeamRarelyMissesTheBestLabelling() {
    // T = 6, C = 3, 400 seeds: width 3 matched the exact argmax in 324 of them, best path in 193
    int beamHits = 0;
    int greedyHits = 0;
    for (long seed = 0; seed < 400; seed++) {
      double[][] lp = random(500 + seed, 6, 3, 1.5);
      Map<List<Integer>, Double> all = allLabelings(lp, 0);
      List<Integer> argmax = all.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      beamHits += Arrays.stream(new CtcPrefixBeamSearch(CtcBeamConfig.of(3)).best(lp)).boxed().toList().equals(argmax) ? 1 : 0;
      greedyHits += Arrays.stream(new CtcGreedyDecoder(0).decode(lp)).boxed().toList().equals(argmax) ? 1 : 0;
    }
    assertTrue(beamHits >= 300 && greedyHits <= 240, "beam " + beamHits + ", best path " + greedyHits + " of 400");
  }

  @Test
  void languageModelAndInsertionBonusChangeTheRanking() {
    // one frame: y(∅) = 0.5, y(1) = 0.3, y(2) = 0.2. Acoustically "" > "1" > "2".
    double[][] lp = log(new double[][] {{0.5, 0.3, 0.2}});
    CtcLanguageModel prefersTwo = (history, label) -> Math.log(label == 2 ? 0.9 : 0.1);
    // alpha = 1, beta = 0: "1": log 0.3 + log 0.1 = -3.51; "2": log 0.2 + log 0.9 = -1.71; "": log 0.5 = -0.69
    CtcPrefixBeamSearch lmOnly = new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withLm(1, 0), prefersTwo);
    List<CtcHypothesis> h = lmOnly.decode(lp);
    assertArrayEquals(new int[] {}, h.get(0).labels());
    assertArrayEquals(new int[] {2}, h.get(1).labels());
    assertEquals(Math.log(0.2) + Math.log(0.9), h.get(1).score(), 1e-12);
    assertEquals(Math.log(0.2), h.get(1).ctcLogProb(), 1e-12);
    assertEquals(Math.log(0.9), h.get(1).lmLogProb(), 1e-12);
    // beta = 1.5 lifts every one-label hypothesis by 1.5: "2" scores -0.21 > "" at -0.69
    CtcPrefixBeamSearch withBonus = new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withLm(1, 1.5), prefersTwo);
    assertArrayEquals(new int[] {2}, withBonus.best(lp));
    assertEquals(Math.log(0.2) + Math.log(0.9) + 1.5, withBonus.decode(lp).get(0).score(), 1e-12);
  }

  @Test
  void ngramLmFixesAnAcousticallyAmbiguousDigit() {
    // the middle label is 1 or 2 with equal acoustic evidence; the LM has only seen "1 1 1" ... "3 2 3"
    NgramLanguageModel lm = NgramLanguageModel.train(List.of(new int[] {0, 1, 0}, new int[] {0, 1, 0}, new int[] {2, 1, 2}), 3, 3);
    double[][] p = {
      {0.05, 0.9, 0.025, 0.025}, {0.9, 0.05, 0.025, 0.025}, // label 0 (class 1), blank
      {0.04, 0.02, 0.47, 0.47}, {0.9, 0.05, 0.025, 0.025}, // class 2 or 3: ambiguous
      {0.05, 0.9, 0.025, 0.025}}; // label 0 again
    // classes: 0 = blank, k + 1 = label k
    CtcLanguageModel shifted = lm.withClassOffset(1);
    assertEquals(lm.logProb(new int[] {0, 1}, 2), shifted.logProb(new int[] {1, 2}, 3), 0);
    assertEquals(lm.endLogProb(new int[] {2}), shifted.endLogProb(new int[] {3}), 0);
    double[][] lp = log(p);
    int[] noLm = new CtcPrefixBeamSearch(CtcBeamConfig.of(8)).best(lp);
    int[] withLm = new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withLm(1.0, 0), shifted).best(lp);
    assertArrayEquals(new int[] {1, 2, 1}, noLm, "ties go to the lower label sequence");
    double[][] lp2 = log(new double[][] {p[0], p[1], {0.04, 0.02, 0.46, 0.48}, p[3], p[4]});
    assertArrayEquals(new int[] {1, 3, 1}, new CtcPrefixBeamSearch(CtcBeamConfig.of(8)).best(lp2));
    assertArrayEquals(new int[] {1, 2, 1}, new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withLm(1.0, 0), shifted).best(lp2));
    assertArrayEquals(new int[] {1, 2, 1}, withLm);
  }

  @Test
  void pruningSkipsUnlikelyClasses() {
    double[][] lp = log(new double[][] {{0.5, 0.499, 0.001}});
    List<CtcHypothesis> h = new CtcPrefixBeamSearch(CtcBeamConfig.of(8).withPruning(Math.log(0.01))).decode(lp);
    assertEquals(2, h.size());
    assertTrue(h.stream().noneMatch(x -> Arrays.equals(x.labels(), new int[] {2})));
  }

  @Test
  void logSoftmaxOfLogitsBatch() {
    double[][][] z = {{{1, 2, 3}, {0, 0, 0}}, {{5, 5, 5}, {-1, 2, 0}}};
    double[][] lp = Frames.logSoftmax(Nd4j.createFromArray(z), 1, 1);
    assertEquals(1, lp.length);
    assertEquals(-Math.log(3), lp[0][0], 1e-12);
  }

  @Test
  void badInputsNameTheProblem() {
    assertThrows(IllegalArgumentException.class, () -> CtcBeamConfig.of(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CtcGreedyDecoder(0).decode(new double[][] {{0, 0}, {0}}));
    assertTrue(e.getMessage().contains("frame 1 has 1 classes"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CtcGreedyDecoder(5).decode(new double[][] {{0, 0}}));
    assertTrue(e.getMessage().contains("blank 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CtcPrefixBeamSearch(CtcBeamConfig.of(2).withLm(0.5, 0)));
    assertTrue(e.getMessage().contains("needs a language model"), e.getMessage());
  }
}
