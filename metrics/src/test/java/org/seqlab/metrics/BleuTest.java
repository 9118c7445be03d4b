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
    // Candidate 1 of Papineni et al. (2002), 13a tokens (case-sensitive; the final "." is a token):
    //   It is a guide to action which ensures that the military always obeys the commands of the party .
    // References (17, 19 and 17 tokens):
    //   R1 It is a guide to action that ensures that the military will forever heed Party commands .
    //   R2 It is the guiding principle which guarantees the military forces always being under the
    //      command of the Party .
    //   R3 It is the practical guide for the army always to heed the directions of the party .
    // Unigrams 18/19: all but "obeys" ("the" x3 is within R2's and R3's four; "party" is in R3).
    // Bigrams 11/18: It is, is a, a guide, guide to, to action, ensures that, that the, the military
    //   (R1); of the, the party, party . (R3). Misses: action which, which ensures, military always,
    //   always obeys, obeys the, the commands, commands of.
    // Trigrams 8/17: It is a, is a guide, a guide to, guide to action, ensures that the,
    //   that the military (R1); of the party, the party . (R3).
    // 4-grams 5/16: It is a guide, is a guide to, a guide to action, ensures that the military (R1);
    //   of the party . (R3).
    // Length 19 equals R2's, so BP = 1 and BLEU = 100 * (18/19 * 11/18 * 8/17 * 5/16)^(1/4).
    String candidate =
        "It is a guide to action which ensures that the military always obeys the commands of the party.";
    List<List<String>> refs =
        List.of(
            List.of("It is a guide to action that ensures that the military will forever heed Party commands."),
            List.of(
                "It is the guiding principle which guarantees the military forces always being under the command of the Party."),
            List.of("It is the practical guide for the army always to heed the directions of the party."));
    BleuScore s = new Bleu(DEFAULTS.withSmooth(SmoothMethod.NONE)).corpusScore(List.of(candidate), refs);
    assertArrayEquals(new double[] {18, 11, 8, 5}, s.counts());
    assertArrayEquals(new double[] {19, 18, 17, 16}, s.totals());
    assertEquals(19, s.sysLen());
    assertEquals(19, s.refLen());
    assertEquals(1.0, s.bp(), 0);
    double expected = 100 * Math.pow((18.0 / 19) * (11.0 / 18) * (8.0 / 17) * (5.0 / 16), 0.25);
    assertEquals(expected, s.score(), 1e-9);
    assertEquals(3, refs.size());
    assertTrue(s.signature().startsWith("nrefs:3|case:mixed|eff:no|tok:13a|smooth:none|version:"));
  }

  @Test
  void emptyHypothesisAndEmptyReference() {
    // nothing matches: score 0; hyp_len 0 < ref_len 3 gives BP 0 (sacreBLEU's guard for c = 0)
    BleuScore s = new Bleu(DEFAULTS).corpusScore(List.of(""), List.of(List.of("a b c")));
    assertEquals(0.0, s.score(), 0);
    assertEquals(0.0, s.bp(), 0);
    assertArrayEquals(new double[4], s.totals());
    assertTrue(s.format(2).endsWith(" = 0.00 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 3)"));
    // an empty reference: no matches, BP 1 (c > r), ratio reported as 0
    BleuScore t = new Bleu(DEFAULTS).corpusScore(List.of("a b c"), List.of(List.of("")));
    assertEquals(0.0, t.score(), 0);
    assertTrue(t.format(2).endsWith("(BP = 1.000 ratio = 0.000 hyp_len = 3 ref_len = 0)"));
    // an empty corpus scores 0 without failing
    assertEquals(0.0, new Bleu(DEFAULTS).corpusScore(List.of(), List.of(List.of())).score(), 0);
  }

  @Test
  void allSmoothingMethodsWithSeveralZeroPrecisions() {
    // "a x b y" vs "a b c d": unigrams 2/4, bigrams 0/3, trigrams 0/2, 4-grams 0/1, BP 1.
    List<String> hyp = List.of("a x b y");
    List<List<String>> ref = List.of(List.of("a b c d"));
    // floor 0.1: 50, 100*0.1/3, 100*0.1/2, 100*0.1/1
    assertEquals(
        Math.pow(50 * (10.0 / 3) * 5 * 10, 0.25),
        new Bleu(DEFAULTS.withSmooth(SmoothMethod.FLOOR)).corpusScore(hyp, ref).score(),
        1e-9);
    // exp: the k-th zero precision is 100 / (2^k * total): 100/6, 100/8, 100/8
    assertEquals(
        Math.pow(50 * (100.0 / 6) * 12.5 * 12.5, 0.25), new Bleu(DEFAULTS).corpusScore(hyp, ref).score(), 1e-9);
    // add-k 1 (orders >= 2): 2/4, 1/4, 1/3, 1/2
    BleuScore addK = new Bleu(DEFAULTS.withSmooth(SmoothMethod.ADD_K)).corpusScore(hyp, ref);
    assertEquals(Math.pow(50 * 25 * (100.0 / 3) * 50, 0.25), addK.score(), 1e-9);
    assertArrayEquals(new double[] {4, 4, 3, 2}, addK.totals());
    // add-k 0.5: 2/4, 0.5/3.5, 0.5/2.5, 0.5/1.5
    assertEquals(
        100 * Math.pow(0.5 * (0.5 / 3.5) * (0.5 / 2.5) * (0.5 / 1.5), 0.25),
        new Bleu(DEFAULTS.withSmooth(SmoothMethod.ADD_K, 0.5)).corpusScore(hyp, ref).score(),
        1e-9);
    assertEquals(0.0, new Bleu(DEFAULTS.withSmooth(SmoothMethod.NONE)).corpusScore(hyp, ref).score(), 0);
  }

  @Test
  void fewerReferencesForSomeSegments() {
    // segment 1: "a b c" vs {"a b c"}: 3/3, 2/2, 1/1, 0/0, lengths 3 and 3.
    // segment 2: "d e f" vs {"d e", "d e f g"}: 3/3, 2/2, 1/1, 0/0; reference lengths 2 and 4 are
    //   equally close to 3, the shorter (2) wins. Totals 6/6, 4/4, 2/2, 0/0, c = 6, r = 5, BP 1.
    List<String> hyps = List.of("a b c", "d e f");
    List<List<String>> refs = List.of(List.of("a b c", "d e"), Arrays.asList(null, "d e f g"));
    BleuScore s = new Bleu(DEFAULTS).corpusScore(hyps, refs);
    assertEquals(6, s.sysLen());
    assertEquals(5, s.refLen());
    assertArrayEquals(new double[] {6, 4, 2, 0}, s.counts());
    // no 4-grams at all: the loop stops and log(0) is floored, so without effective order BLEU is 0
    assertEquals(0.0, s.score(), 1e-300);
    assertTrue(s.signature().startsWith("nrefs:var|"), s.signature());
    // with effective order the three observed orders are all 100%
    assertEquals(100.0, new Bleu(DEFAULTS.withEffectiveOrder(true)).corpusScore(hyps, refs).score(), 1e-12);
  }

  @Test
  void sentenceDefaultsUseExpSmoothingAndEffectiveOrder() {
    BleuConfig sent = BleuConfig.sentenceDefaults();
    assertEquals(SmoothMethod.EXP, sent.smooth());
    assertTrue(sent.effectiveOrder());
    // "a b" vs "a b c d": 2/2, 1/1, no trigrams -> effective order 2, BP = exp(1 - 4/2)
    BleuScore s = new Bleu(sent).sentenceScore("a b", Arrays.asList("a b c d", null));
    assertEquals(100 * Math.exp(-1), s.score(), 1e-9);
    assertTrue(s.signature().startsWith("nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|"), s.signature());
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
  void configSignatures() {
    assertEquals(
        "case:mixed|eff:no|tok:13a|smooth:exp|version:" + BleuConfig.SACREBLEU_VERSION,
        BleuConfig.corpusDefaults().signature());
    assertEquals(
        "nrefs:2|case:lc|eff:yes|tok:intl|smooth:none|version:" + BleuConfig.SACREBLEU_VERSION,
        BleuConfig.sentenceDefaults()
            .withLowercase(true)
            .withTokenizer(BleuTokenizer.INTL)
            .withSmooth(SmoothMethod.NONE)
            .signature(2));
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
    IllegalArgumentException noRef =
        assertThrows(
            IllegalArgumentException.class,
            () -> bleu.corpusScore(List.of("a", "b"), List.of(Arrays.asList("a", null))));
    assertTrue(noRef.getMessage().contains("segment 1 has no reference"), noRef.getMessage());
    IllegalArgumentException nullHyp =
        assertThrows(
            IllegalArgumentException.class,
            () -> bleu.corpusScore(Arrays.asList("a", null), List.of(List.of("a", "b"))));
    assertTrue(nullHyp.getMessage().contains("hypothesis 1 is null"), nullHyp.getMessage());
    assertThrows(IllegalArgumentException.class, () -> bleu.sentenceScore("a", Arrays.asList(null, null)));
    assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.fromName("moses"));
    assertThrows(IllegalArgumentException.class, () -> SmoothMethod.fromName("add_k"));
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withSmooth(SmoothMethod.EXP, 0.5));
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withMaxOrder(0));
  }
}
