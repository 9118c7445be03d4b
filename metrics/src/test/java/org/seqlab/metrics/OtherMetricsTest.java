package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OtherMetricsTest {
  @Test
  void editDistanceByHand() {
    assertEquals(3, EditDistance.distance("kitten", "sitting")); // k->s, e->i, +g
    assertEquals(new EditDistance.Alignment(2, 0, 1), EditDistance.align("kitten", "sitting"));
    assertEquals(0, EditDistance.distance("", ""));
    assertEquals(4, EditDistance.distance("", "abcd"));
    assertEquals(new EditDistance.Alignment(0, 4, 0), EditDistance.align("abcd", ""));
    // b->x, d deleted
    assertEquals(
        new EditDistance.Alignment(1, 1, 0), EditDistance.align(List.of("a", "b", "c", "d"), List.of("a", "x", "c")));
    // code points, not UTF-16 units: one emoji replaced by another is one substitution
    assertEquals(new EditDistance.Alignment(1, 0, 0), EditDistance.align("a😀", "a😃"));
  }

  /** Full-matrix Levenshtein distance, the textbook recurrence. */
  private static int textbook(List<Integer> r, List<Integer> h) {
    int[][] d = new int[r.size() + 1][h.size() + 1];
    for (int i = 0; i <= r.size(); i++) {
      for (int j = 0; j <= h.size(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
        } else {
          int sub = d[i - 1][j - 1] + (r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1);
          d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        }
      }
    }
    return d[r.size()][h.size()];
  }

  @Test
  void alignmentCountsAreConsistentOnRandomSequences() {
    SplittableRandom rng = new SplittableRandom(1966);
    for (int trial = 0; trial < 2000; trial++) {
      List<Integer> r = new ArrayList<>();
      List<Integer> h = new ArrayList<>();
      int alphabet = 1 + rng.nextInt(4);
      for (int i = rng.nextInt(12); i > 0; i--) {
        r.add(rng.nextInt(alphabet));
      }
      for (int i = rng.nextInt(12); i > 0; i--) {
        h.add(rng.nextInt(alphabet));
      }
      EditDistance.Alignment a = EditDistance.align(r, h);
      String where = r + " -> " + h;
      assertEquals(textbook(r, h), a.distance(), where);
      // |h| - |r| = I - D, and S + D cannot exceed |r|
      assertEquals(h.size() - r.size(), a.insertions() - a.deletions(), where);
      assertEquals(true, a.substitutions() + a.deletions() <= r.size(), where);
    }
  }

  @Test
  void werIsSummedOverTheCorpus() {
    // sentence 1: 1 substitution of 4 words; sentence 2: 2 insertions against 1 word -> 3 / 5
    ErrorRate wer = ErrorRate.wer(List.of("the cat sat down", "hi"), List.of("the cat sat up", "hi there you"));
    assertEquals(new ErrorRate(1, 0, 2, 5), wer);
    assertEquals(0.6, wer.rate(), 1e-15);
    // not the mean of the sentence rates (0.25 and 2.0)
    ErrorRate cer = ErrorRate.cer(List.of("abc", " hello "), List.of("abd", "help"));
    // abc->abd: 1 sub / 3; hello->help: l->p, o deleted / 5  => 3 / 8
    assertEquals(new ErrorRate(2, 1, 0, 8), cer);
    assertEquals(3.0 / 8, cer.rate(), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, ErrorRate.wer(List.of(""), List.of("a")).rate());
    assertEquals(0.0, ErrorRate.wer(List.of(""), List.of("")).rate());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ErrorRate.wer(List.of("a"), List.of()));
    assertEquals("got 1 references but 0 hypotheses; they must be aligned", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ErrorRate(-1, 0, 0, 1));
  }

  @Test
  void perplexityAndBits() {
    Perplexity p = new Perplexity(4 * Math.log(2), 2); // 2 tokens, each with probability 1/4
    assertEquals(4.0, p.perplexity(), 1e-12);
    assertEquals(2.0, p.bitsPerToken(), 1e-12);
    assertEquals(p, new Perplexity(0, 0).plus(2 * Math.log(2), 1).plus(2 * Math.log(2), 1));
    assertThrows(IllegalArgumentException.class, () -> new Perplexity(-1, 1));
    assertThrows(IllegalStateException.class, () -> new Perplexity(0, 0).perplexity());
  }

  @Test
  void accuracy() {
    assertEquals(0.75, Accuracy.of(new int[] {1, 2, 3, 4}, new int[] {1, 2, 3, 0}).value(), 0);
    assertEquals(new Accuracy(4, 6), new Accuracy(3, 4).plus(new Accuracy(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> Accuracy.of(new int[1], new int[2]));
    assertThrows(IllegalArgumentException.class, () -> new Accuracy(3, 2));
  }
}
