package org.seqlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The interned-id matcher against brute-force counting with string keys. */
class NgramMatcherTest {

  /** Counter of n-grams of one order, keyed by the tokens joined with U+0001. */
  private static Map<String, Integer> counts(List<String> toks, int n) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= toks.size(); i++) {
      m.merge(String.join("\u0001", toks.subList(i, i + n)), 1, Integer::sum);
    }
    return m;
  }

  private static long[][] bruteForce(List<String> hyp, List<List<String>> refs, int maxOrder) {
    long[] correct = new long[maxOrder];
    long[] total = new long[maxOrder];
    for (int n = 1; n <= maxOrder; n++) {
      Map<String, Integer> refMax = new HashMap<>();
      for (List<String> r : refs) {
        counts(r, n).forEach((k, v) -> refMax.merge(k, v, Math::max));
      }
      for (Map.Entry<String, Integer> e : counts(hyp, n).entrySet()) {
        total[n - 1] += e.getValue();
        correct[n - 1] += Math.min(e.getValue(), refMax.getOrDefault(e.getKey(), 0));
      }
    }
    return new long[][] {correct, total};
  }

  private static int[] ids(TokenTable table, List<String> tokens) {
    int[] ids = table.ids(String.join(" ", tokens));
    assertEquals(tokens.size(), ids.length);
    for (int i = 0; i < ids.length; i++) {
      assertEquals(tokens.get(i), table.token(ids[i]));
    }
    return ids;
  }

  private static List<String> randomTokens(SplittableRandom rng, int vocab, int maxLen) {
    int len = rng.nextInt(0, maxLen + 1);
    List<String> t = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      t.add("t" + rng.nextInt(vocab));
    }
    return t;
  }

  @Test
  void agreesWithBruteForceOnRandomSegments() {
    SplittableRandom rng = new SplittableRandom(2002);
    for (int trial = 0; trial < 2000; trial++) {
      int maxOrder = 1 + rng.nextInt(9);
      NgramMatcher matcher = new NgramMatcher(maxOrder);
      TokenTable table = new TokenTable();
      // several segments through one matcher: state must not leak between segments
      for (int seg = 0; seg < 3; seg++) {
        int vocab = 1 + rng.nextInt(6);
        List<String> hyp = randomTokens(rng, vocab, 25);
        List<List<String>> refs = new ArrayList<>();
        int nrefs = 1 + rng.nextInt(4);
        for (int r = 0; r < nrefs; r++) {
          refs.add(randomTokens(rng, vocab, 25));
        }
        long[] correct = new long[maxOrder];
        long[] total = new long[maxOrder];
        long[] lens = new long[2];
        matcher.accumulate(ids(table, hyp), refs.stream().map(r -> ids(table, r)).toList(), correct, total, lens);
        long[][] expected = bruteForce(hyp, refs, maxOrder);
        String where = "trial " + trial + " segment " + seg + " hyp " + hyp + " refs " + refs;
        assertArrayEquals(expected[0], correct, where);
        assertArrayEquals(expected[1], total, where);
      }
    }
  }

  @Test
  void longSegmentsGrowTheTables() {
    SplittableRandom rng = new SplittableRandom(7);
    List<String> ref = randomTokens(rng, 5000, 20_000);
    List<String> hyp = new ArrayList<>(ref.subList(0, ref.size() / 2));
    hyp.addAll(randomTokens(rng, 50, 3000));
    long[] correct = new long[4];
    long[] total = new long[4];
    TokenTable table = new TokenTable();
    new NgramMatcher(4).accumulate(ids(table, hyp), List.of(ids(table, ref)), correct, total, new long[2]);
    long[][] expected = bruteForce(hyp, List.of(ref), 4);
    assertArrayEquals(expected[0], correct);
    assertArrayEquals(expected[1], total);
  }
}
