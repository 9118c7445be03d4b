package org.seqlab.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.seqlab.core.GradientCheck;
import org.seqlab.core.Parameter;
import org.seqlab.core.ParameterSet;
import org.seqlab.core.Tape;

class LinearChainCrfTest {
  static LinearChainCrf randomCrf(ParameterSet ps, int k, long seed) {
    LinearChainCrf crf = new LinearChainCrf(ps, "crf", k, DataType.DOUBLE);
    ps.get("crf.trans").value().assign(TestData.random(seed, 1.0, k, k));
    ps.get("crf.start").value().assign(TestData.random(seed + 1, 1.0, k));
    ps.get("crf.end").value().assign(TestData.random(seed + 2, 1.0, k));
    return crf;
  }

  @Test
  void lossGradientMatchesFiniteDifferences() {
    ParameterSet ps = new ParameterSet();
    LinearChainCrf crf = randomCrf(ps, 3, 1);
    Parameter em = ps.add("emissions", TestData.random(4, 2.0, 3, 4, 3)); // [B, T, K]
    int[] lengths = {4, 1, 3};
    int[][] gold = {{0, 2, 2, 1}, {1}, {2, 0, 1}};
    GradientCheck.check(ps.list(), tape -> crf.loss(tape, tape.watch(em), gold, lengths)).assertOk(1e-6);
  }

  /** log Z and the best path by enumerating all K^L paths. */
  @Test
  void forwardAlgorithmAndViterbiAgreeWithBruteForce() {
    ParameterSet ps = new ParameterSet();
    int k = 3;
    int len = 4;
    LinearChainCrf crf = randomCrf(ps, k, 7);
    INDArray e = TestData.random(9, 2.0, 1, len, k);
    double[] scores = new double[(int) Math.pow(k, len)];
    int best = 0;
    for (int code = 0; code < scores.length; code++) {
      scores[code] = crf.pathScore(e, path(code, k, len));
      best = scores[code] > scores[best] ? code : best;
    }
    double logZ = LogProbs.logSumExp(scores);
    int[] gold = path(17, k, len);
    try (Tape tape = new Tape()) {
      double nll = crf.loss(tape, tape.constant(e), new int[][] {gold}, new int[] {len}).value().getDouble(0);
      assertEquals(logZ - scores[17], nll, 1e-10);
    }
    assertArrayEquals(path(best, k, len), crf.decode(e, new int[] {len})[0]);
  }

  /** An ensemble's decoding is the best path under the sum of the members' path scores. */
  @Test
  void summedDecodingAgreesWithBruteForceOverTheSumOfPathScores() {
    int k = 3;
    int len = 4;
    ParameterSet ps1 = new ParameterSet();
    ParameterSet ps2 = new ParameterSet();
    LinearChainCrf a = randomCrf(ps1, k, 3);
    LinearChainCrf b = randomCrf(ps2, k, 30);
    // two sentences, the second shorter (padded positions must be ignored)
    INDArray ea = TestData.random(5, 2.0, 2, len, k);
    INDArray eb = TestData.random(50, 2.0, 2, len, k);
    int[] lengths = {len, 2};
    int[][] got = LinearChainCrf.decodeSum(java.util.List.of(a, b),
        java.util.List.of(org.seqlab.core.NativeArrays.toArray(ea), org.seqlab.core.NativeArrays.toArray(eb)), len, lengths);
    boolean differsFromMembers = false;
    for (int s = 0; s < 2; s++) {
      int l = lengths[s];
      INDArray sa = ea.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, s + 1), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, l),
          org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
      INDArray sb = eb.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, s + 1), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, l),
          org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
      int best = 0;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int code = 0; code < Math.pow(k, l); code++) {
        double v = a.pathScore(sa, path(code, k, l)) + b.pathScore(sb, path(code, k, l));
        if (v > bestScore) {
          bestScore = v;
          best = code;
        }
      }
      assertArrayEquals(path(best, k, l), got[s], "sentence " + s);
      differsFromMembers |= !java.util.Arrays.equals(got[s], a.decode(sa, new int[] {l})[0])
          || !java.util.Arrays.equals(got[s], b.decode(sb, new int[] {l})[0]);
    }
    // the case is informative: the ensemble's path is not simply one member's
    assertEquals(true, differsFromMembers);
    assertThrows(IllegalArgumentException.class, () -> LinearChainCrf.decodeSum(java.util.List.of(a, b),
        java.util.List.of(org.seqlab.core.NativeArrays.toArray(ea)), len, lengths));
  }

  private static int[] path(int code, int k, int len) {
    int[] p = new int[len];
    for (int t = len - 1; t >= 0; t--) {
      p[t] = code % k;
      code /= k;
    }
    return p;
  }

  @Test
  void transitionsOverruleEmissionsInDecoding() {
    // emissions prefer tag 1 everywhere, but 0 -> 1 ... a hand-made case: start forces tag 0 and
    // the transition 0 -> 1 is forbidden, so the best path stays in 0 then may only reach 2
    ParameterSet ps = new ParameterSet();
    LinearChainCrf crf = new LinearChainCrf(ps, "crf", 3, DataType.DOUBLE);
    ps.get("crf.start").value().assign(org.nd4j.linalg.factory.Nd4j.createFromArray(10.0, -10, -10));
    ps.get("crf.trans").value().putScalar(new int[] {0, 1}, -100);
    ps.get("crf.trans").value().putScalar(new int[] {2, 1}, -100);
    INDArray e = org.nd4j.linalg.factory.Nd4j.createFromArray(new double[][][] {{{0, 1, 0.5}, {0, 1, 0.5}, {0, 1, 0.5}}});
    assertArrayEquals(new int[] {0, 2, 2}, crf.decode(e, new int[] {3})[0]);
  }

  @Test
  void badInputsAreNamed() {
    ParameterSet ps = new ParameterSet();
    LinearChainCrf crf = new LinearChainCrf(ps, "crf", 2, DataType.DOUBLE);
    try (Tape tape = new Tape()) {
      var e = tape.constant(TestData.random(1, 1, 1, 2, 2));
      assertThrows(IllegalArgumentException.class, () -> crf.loss(tape, e, new int[][] {{0, 2}}, new int[] {2}));
      assertThrows(IllegalArgumentException.class, () -> crf.loss(tape, e, new int[][] {{0}}, new int[] {2}));
      assertThrows(IllegalArgumentException.class, () -> crf.loss(tape, e, new int[][] {{0, 1}}, new int[] {3}));
    }
  }
}
