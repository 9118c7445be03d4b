package org.seqlab.embeddings.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplersTest {
  @Test
  void noiseProbabilitiesAreSmoothedUnigram() {
    long[] counts = {16, 1, 0, 81};
    NegativeSampler s = NegativeSampler.unigram(counts, 0.75);
    // 16^0.75 = 8, 1^0.75 = 1, 81^0.75 = 27: total 36
    assertEquals(8 / 36.0, s.probability(0), 1e-12);
    assertEquals(1 / 36.0, s.probability(1), 1e-12);
    assertEquals(0.0, s.probability(2));
    assertEquals(27 / 36.0, s.probability(3), 1e-12);
  }

  @Test
  void noiseDrawsMatchTheDistribution() {
    long[] counts = new long[50];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = 1 + (long) (1000.0 / (i + 1)); // Zipf-like
    }
    counts[7] = 0;
    NegativeSampler s = NegativeSampler.unigram(counts, 0.75);
    int draws = 2_000_000;
    long[] seen = new long[counts.length];
    SplittableRandom rng = new SplittableRandom(3);
    for (int k = 0; k < draws; k++) {
      seen[s.sample(rng)]++;
    }
    assertEquals(0, seen[7], "a zero-count word must never be drawn");
    double chi2 = 0;
    for (int i = 0; i < counts.length; i++) {
      double expected = draws * s.probability(i);
      if (expected > 0) {
        chi2 += (seen[i] - expected) * (seen[i] - expected) / expected;
      }
    }
    // 48 degrees of freedom: the 99.9% quantile of chi-square(48) is about 85
    assertTrue(chi2 < 85, "chi-square " + chi2);
  }

  @Test
  void keepProbabilityIsWord2vecFormula() {
    long[] counts = {900, 90, 10}; // N = 1000
    Subsampler s = Subsampler.of(counts, 0.01); // tN = 10
    // keep(900) = (sqrt(900/10) + 1) * 10/900
    assertEquals((Math.sqrt(90) + 1) * 10 / 900, s.keepProbability(0), 1e-6);
    assertEquals((Math.sqrt(9) + 1) * 10 / 90, s.keepProbability(1), 1e-6);
    assertEquals(1.0, s.keepProbability(2)); // (1 + 1) * 1 > 1: capped
    assertEquals(1.0, Subsampler.of(counts, 0).keepProbability(0));
  }

  @Test
  void subsamplingKeepsTheExpectedFraction() {
    long[] counts = {900, 90, 10};
    Subsampler s = Subsampler.of(counts, 0.01);
    int[] ids = new int[1000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i < 900 ? 0 : i < 990 ? 1 : 2;
    }
    int[] out = new int[ids.length];
    long[] kept = new long[3];
    int trials = 400;
    for (int t = 0; t < trials; t++) {
      FastRandom rng = FastRandom.forUnit(5, 0, t);
      int n = s.filter(ids, 0, ids.length, out, rng);
      for (int k = 0; k < n; k++) {
        kept[out[k]]++;
      }
    }
    for (int w = 0; w < 3; w++) {
      double expected = trials * counts[w] * s.keepProbability(w);
      double sd = Math.sqrt(trials * counts[w] * s.keepProbability(w) * (1 - s.keepProbability(w)));
      assertTrue(Math.abs(kept[w] - expected) <= 5 * sd + 1e-9,
          "word " + w + ": kept " + kept[w] + ", expected " + expected + " +- " + sd);
    }
  }

  @Test
  void samplersRejectBadInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NegativeSampler.unigram(new long[] {1, -2}, 0.75));
    assertEquals("counts[1] must be >= 0, got -2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NegativeSampler.unigram(new long[] {0, 0}, 0.75));
    assertThrows(IllegalArgumentException.class, () -> Subsampler.of(new long[] {1}, 1.5));
  }

  @Test
  void fastRandomStreamsAreUniformAndKeyed() {
    FastRandom a = FastRandom.forUnit(1, 0, 0);
    FastRandom b = FastRandom.forUnit(1, 0, 0);
    FastRandom c = FastRandom.forUnit(1, 0, 1);
    assertEquals(a.nextLong(), b.nextLong());
    assertTrue(a.nextLong() != c.nextLong());
    long[] bins = new long[10];
    for (int i = 0; i < 100_000; i++) {
      bins[a.nextInt(10)]++;
    }
    for (long bin : bins) {
      assertTrue(Math.abs(bin - 10_000) < 500, "bin " + bin);
    }
  }
}
