package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BLEU reference values derived by hand (comments give the arithmetic). */
class BleuTest {
  private static final BleuConfig DEFAULTS = BleuConfig.corpusDefaults();

  @Test
  void papineniModifiedUnigramPrecisionIsTwoSevenths() {
    // "the" occurs 7 times in the candidate; at most twice in one reference (ref 1, case-folded),
    // so the clipped count is 2 of 7 unigrams.
    Bleu bleu = new Bleu(DEFAULTS.withLowercase(true));
    BleuStats s =
        bleu.segmentStats(
            "the the the the the the the",
            List.of("The cat is on the mat.", "There is a cat on the mat."));
    assertEquals(2, s.correct()[0]);
    assertEquals(7, s.total()[0]);
    // no bigram "the the" in any reference
    assertEquals(0, s.correct()[1]);
    assertEquals(6, s.total()[1]);
  }

  @Test
  void papineniThreeReferenceExample() {
    // Candidate 1 of the paper. 13a splits off the final period: 18 words + "." = 19 tokens.
    // Every token occurs in some reference except "obeys"; "the" occurs 3 times in the candidate and
    // 4 times in reference 3, so it is not clipped: 18 of 19 unigrams match (the paper's 17/18 plus
    // the period). The references have 17, 19 and 17 tokens (each with its "."), so the closest
    // reference length to 19 is 19.
    Bleu bleu = new Bleu(DEFAULTS.withSmooth(SmoothMethod.NONE));
    BleuStats s =
        bleu.segmentStats(
            "It is a guide to action which ensures that the military always obeys the commands of the party.",
            List.of(
                "It is a guide to action that ensures that the military will forever heed Party commands.",
                "It is the guiding principle which guarantees the military forces always being under the command of the Party.",
                "It is the practical guide for the army always to heed the directions of the party."));
    assertEquals(18, s.correct()[0]);
    assertEquals(19, s.total()[0]);
    assertEquals(19, s.sysLen());
    assertEquals(19, s.refLen());
  }

  @Test
  void perfectMatchScores100() {
    BleuScore s = new Bleu(DEFAULTS).corpusScore(List.of("a b c d"), List.of(List.of("a b c d")));
    assertEquals(100.0, s.score(), 1e-12);
    assertEquals(1.0, s.bp(), 0);
  }

  @Test
  void smoothingMethodsByHand() {
    // hyp "a b c x" vs ref "a b c d": matches 3/4, 2/3, 1/2, 0/1
    List<String> hyp = List.of("a b c x");
    List<List<String>> ref = List.of(List.of("a b c d"));
    // exp: the first zero precision becomes 100/(2*1) = 50 -> (75 * 66.67 * 50 * 50)^(1/4) = 12.5e6^(1/4)
    assertEquals(Math.pow(12.5e6, 0.25), new Bleu(DEFAULTS).corpusScore(hyp, ref).score(), 1e-9);
    // floor 0.1: 100*0.1/1 = 10 -> 2.5e6^(1/4)
    assertEquals(
        Math.pow(2.5e6, 0.25),
        new Bleu(DEFAULTS.withSmooth(SmoothMethod.FLOOR)).corpusScore(hyp, ref).score(),
        1e-9);
    // add-k 1 on orders 2..4: 3/4, 3/4, 2/3, 1/2 -> (75 * 75 * 66.67 * 50)^(1/4) = 18.75e6^(1/4)
    BleuScore addK = new Bleu(DEFAULTS.withSmooth(SmoothMethod.ADD_K)).corpusScore(hyp, ref);
    assertEquals(Math.pow(18.75e6, 0.25), addK.score(), 1e-9);
    assertArrayEquals(new double[] {3, 3, 2, 1}, addK.counts());
    // none: a zero 4-gram precision gives 0
    assertEquals(0.0, new Bleu(DEFAULTS.withSmooth(SmoothMethod.NONE)).corpusScore(hyp, ref).score(), 1e-12);
  }

  @Test
  void effectiveOrderAndBrevityPenalty() {
    // "a b" vs "a b c d": 2/2 and 1/1, no trigrams. BP = exp(1 - 4/2) = e^-1.
    List<String> hyp = List.of("a b");
    List<List<String>> ref = List.of(List.of("a b c d"));
    BleuConfig none = DEFAULTS.withSmooth(SmoothMethod.NONE);
    assertEquals(0.0, new Bleu(none).corpusScore(hyp, ref).score(), 1e-12);
    BleuScore eff = new Bleu(none.withEffectiveOrder(true)).corpusScore(hyp, ref);
    assertEquals(100 * Math.exp(-1), eff.score(), 1e-9);
    assertEquals(Math.exp(-1), eff.bp(), 1e-15);
  }

  @Test
  void closestReferenceLengthTiesGoToTheShorter() {
    assertEquals(4, Bleu.closestRefLen(5, new int[] {6, 4}));
    assertEquals(4, Bleu.closestRefLen(5, new int[] {4, 6}));
    assertEquals(6, Bleu.closestRefLen(7, new int[] {4, 6, 9}));
  }

  @Test
  void corpusBleuSumsStatisticsInsteadOfAveraging() {
    Bleu bleu = new Bleu(DEFAULTS);
    List<String> hyps = List.of("a b c d", "x y");
    List<List<String>> refs = List.of(List.of("a b c d", "p q r s"));
    BleuStats sum =
        bleu.segmentStats("a b c d", List.of("a b c d")).plus(bleu.segmentStats("x y", List.of("p q r s")));
    BleuScore corpus = bleu.corpusScore(hyps, refs);
    assertEquals(Bleu.compute(sum, DEFAULTS, "").score(), corpus.score(), 0);
    // 4/6, 3/4, 2/2, 1/1 with BP exp(1 - 8/6)
    double expected = Math.exp(1 - 8.0 / 6) * Math.pow((4.0 / 6) * (3.0 / 4), 0.25) * 100;
    assertEquals(expected, corpus.score(), 1e-9);
  }

  @Test
  void variableReferenceCountsGiveVarSignature() {
    BleuScore s =
        new Bleu(DEFAULTS)
            .corpusScore(
                List.of("a b c d", "c d e f"),
                List.of(List.of("a b c d", "c d e f"), Arrays.asList("a b c d", null)));
    assertTrue(s.signature().startsWith("nrefs:var|"), s.signature());
    assertEquals(100.0, s.score(), 1e-12);
  }

  @Test
  void thirteenATokenizer() {
    // symbols are split off; a period or comma is split off unless a digit precedes AND follows it;
    // a dash is split off after a digit.
    assertEquals(
        "It costs $ 5.50 , or 1,000 yen - i . e . 10 - 20 % .",
        BleuTokenizer.THIRTEEN_A.apply("It costs $5.50, or 1,000 yen - i.e. 10-20%."));
    assertEquals("\" a & b < c > \"", BleuTokenizer.THIRTEEN_A.apply("&quot;a &amp; b &lt;c&gt;&quot;"));
    assertEquals("a b", BleuTokenizer.THIRTEEN_A.apply("a<skipped> b"));
    assertEquals("d o g", BleuTokenizer.CHAR.apply("dog"));
  }

  @Test
  void formatsLikeSacrebleu() {
    BleuScore s =
        new BleuScore(34.2857, new double[4], new double[4], new double[] {65.4, 40, 28.6, 20}, 1, 13, 12, "sig");
    assertEquals(
        "BLEU|sig = 34.29 65.4/40.0/28.6/20.0 (BP = 1.000 ratio = 1.083 hyp_len = 13 ref_len = 12)",
        s.format(2));
    // Python rounds the exact binary value half-to-even: 0.35 is 0.34999..., 0.25 ties to 0.2
    assertEquals("0.3", PyText.fixed(0.35, 1));
    assertEquals("0.2", PyText.fixed(0.25, 1));
    assertEquals("2.67", PyText.fixed(2.675, 2));
  }

  @Test
  void badInputsNameTheProblem() {
    Bleu bleu = new Bleu(DEFAULTS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> bleu.corpusScore(List.of("a", "b"), List.of(List.of("a"))));
    assertTrue(e.getMessage().contains("reference stream 0 has 1 segments but there are 2 hypotheses"));
    assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.fromName("moses"));
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withSmooth(SmoothMethod.EXP, 0.5));
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxOrder(0));
  }
}
