package org.seqlab.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SamplerTest {
  /** logits ln(1), ln(2), ln(3), ln(4): softmax is exactly [0.1, 0.2, 0.3, 0.4]. */
  private static final double[] Z = {Math.log(1), Math.log(2), Math.log(3), Math.log(4)};

  @Test
  void temperatureOneIsSoftmax() {
    double[] p = new Sampler(SamplerConfig.ancestral()).distribution(Z);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, p, 1e-12);
  }

  @Test
  void temperatureHalfSquaresTheOdds() {
    // softmax(z / 0.5) = p^2 / sum(p^2) = [1, 4, 9, 16] / 30
    double[] p = new Sampler(SamplerConfig.ancestral().withTemperature(0.5)).distribution(Z);
    assertArrayEquals(new double[] {1 / 30.0, 4 / 30.0, 9 / 30.0, 16 / 30.0}, p, 1e-12);
  }

  @Test
  void topKKeepsTheKMostProbable() {
    double[] p = new Sampler(SamplerConfig.ancestral().withTopK(2)).distribution(Z);
    assertArrayEquals(new double[] {0, 0, 3 / 7.0, 4 / 7.0}, p, 1e-12);
  }

  @Test
  void topPKeepsTheSmallestNucleus() {
    // sorted 0.4, 0.3, 0.2, 0.1: 0.4 < 0.5 <= 0.7, so the nucleus for p = 0.5 is {3, 2}
    assertArrayEquals(
        new double[] {0, 0, 3 / 7.0, 4 / 7.0},
        new Sampler(SamplerConfig.ancestral().withTopP(0.5)).distribution(Z), 1e-12);
    assertArrayEquals(
        new double[] {0, 0, 0, 1}, new Sampler(SamplerConfig.ancestral().withTopP(0.4)).distribution(Z), 1e-12);
    // 0.4 + 0.3 + 0.2 = 0.9 reaches 0.85
    assertArrayEquals(
        new double[] {0, 2 / 9.0, 3 / 9.0, 4 / 9.0},
        new Sampler(SamplerConfig.ancestral().withTopP(0.85)).distribution(Z), 1e-12);
  }

  @Test
  void topPAppliesWithinTopK() {
    // top-3 renormalised: [2, 3, 4] / 9; nucleus 0.7: 4/9 = 0.44 < 0.7 <= 7/9
    double[] p = new Sampler(new SamplerConfig(1, 3, 0.7)).distribution(Z);
    assertArrayEquals(new double[] {0, 0, 3 / 7.0, 4 / 7.0}, p, 1e-12);
  }

  @Test
  void greedyTakesTheArgmaxAndTheLowestIdOnTies() {
    Sampler greedy = new Sampler(SamplerConfig.greedy());
    assertEquals(3, greedy.sample(Z, new SplittableRandom(1)));
    assertEquals(1, greedy.sample(new double[] {0, 5, 5, 1}, new SplittableRandom(1)));
    assertArrayEquals(new double[] {0, 1, 0, 0}, greedy.distribution(new double[] {0, 5, 5, 1}), 0);
  }

  @Test
  void tiesInTopKAreBrokenByLowerId() {
    double[] p = new Sampler(SamplerConfig.ancestral().withTopK(1)).distribution(new double[] {2, 7, 7, 1});
    assertArrayEquals(new double[] {0, 1, 0, 0}, p, 0);
  }

  @Test
  void frequenciesMatchTheDistribution() {
    // 40,000 draws: the binomial standard deviation of each frequency is below 0.0025, so a
    // 5-sigma band (0.0125) is never crossed by a correct sampler and always by an off-by-one one.
    Sampler s = new Sampler(SamplerConfig.ancestral().withTopK(3));
    double[] expected = s.distribution(Z);
    SplittableRandom rng = new SplittableRandom(20240601L);
    int n = 40_000;
    int[] counts = new int[4];
    for (int i = 0; i < n; i++) {
      counts[s.sample(Z, rng)]++;
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], counts[i] / (double) n, 0.0125, "token " + i);
    }
    assertEquals(0, counts[0]);
  }

  @Test
  void sameSeedSameSamples() {
    Sampler s = new Sampler(SamplerConfig.ancestral());
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 100; i++) {
      assertEquals(s.sample(Z, a), s.sample(Z, b));
    }
  }

  @Test
  void forbiddenTokensAreNeverSampled() {
    double[] z = {0, Double.NEGATIVE_INFINITY, 0};
    Sampler s = new Sampler(SamplerConfig.ancestral().withTemperature(3));
    SplittableRandom rng = new SplittableRandom(9);
    for (int i = 0; i < 2000; i++) {
      assertTrue(s.sample(z, rng) != 1);
    }
  }

  @Test
  void samplesEachRowOfABatch() {
    double[][] rows = {{0, 0, 50}, {50, 0, 0}};
    int[] ids = new Sampler(SamplerConfig.ancestral()).sample(Nd4j.createFromArray(rows), new SplittableRandom(3));
    assertArrayEquals(new int[] {2, 0}, ids);
  }

  @Test
  void invalidInputsNameTheArgument() {
    var e = assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(-1, 0, 1));
    assertTrue(e.getMessage().contains("temperature") && e.getMessage().contains("-1"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(1, -2, 1))
        .getMessage().contains("topK"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SamplerConfig(1, 0, 0))
        .getMessage().contains("topP"));
    Sampler s = new Sampler(SamplerConfig.ancestral());
    assertThrows(IllegalArgumentException.class, () -> s.sample(new double[] {Double.NaN}, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class,
        () -> s.sample(new double[] {Double.NEGATIVE_INFINITY}, new SplittableRandom(1)));
  }

  @Test
  void signatureNamesEverySetting() {
    assertEquals("sample|temp:0.8|topk:40|topp:1", new SamplerConfig(0.8, 40, 1).signature());
  }
}
