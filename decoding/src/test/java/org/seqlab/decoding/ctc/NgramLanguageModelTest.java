package org.seqlab.decoding.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NgramLanguageModelTest {
  @Test
  void handComputedWittenBell() {
    // corpus "ab", "ab", "b" over V = 2 (a = 0, b = 1); end symbol 2; unigram counts a:2, b:3, end:3
    NgramLanguageModel lm = NgramLanguageModel.trainOnText(List.of("ab", "ab", "b"), "ab", 2);
    double uniform = 1.0 / 3;
    double pUniB = (3 + 3 * uniform) / (8 + 3); // order-1 context: total 8, 3 distinct
    // context "a": followed by b twice -> total 2, distinct 1
    double pBgivenA = (2 + 1 * pUniB) / (2 + 1);
    assertEquals(Math.log(pBgivenA), lm.logProb(new int[] {0}, 1), 1e-12);
    // unseen context "b b": backs off through "b"; "b" was followed by end 3 times -> total 3, distinct 1
    double pUniA = (2 + 3 * uniform) / 11;
    double pAgivenB = (0 + 1 * pUniA) / (3 + 1);
    assertEquals(Math.log(pAgivenB), lm.logProb(new int[] {1, 1}, 0), 1e-12);
  }

  @Test
  void distributionsSumToOne() {
    SplittableRandom rng = new SplittableRandom(1);
    List<int[]> data = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      data.add(rng.ints(rng.nextInt(8), 0, 5).toArray());
    }
    NgramLanguageModel lm = NgramLanguageModel.train(data, 5, 3);
    for (int trial = 0; trial < 30; trial++) {
      int[] h = rng.ints(rng.nextInt(4), 0, 5).toArray();
      double s = Math.exp(lm.endLogProb(h));
      for (int w = 0; w < 5; w++) {
        s += Math.exp(lm.logProb(h, w));
      }
      assertEquals(1.0, s, 1e-12);
    }
  }

  @Test
  void errorsNameTheInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NgramLanguageModel.trainOnText(List.of("ab", "ac"), "ab", 2));
    assertTrue(e.getMessage().contains("line 2, column 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NgramLanguageModel.train(List.of(new int[] {3}), 3, 2));
    assertThrows(IllegalArgumentException.class, () -> NgramLanguageModel.train(List.of(), 3, 0));
  }
}
