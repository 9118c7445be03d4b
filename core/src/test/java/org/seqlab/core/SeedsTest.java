package org.seqlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void deterministicAndDistinct() {
    assertEquals(Seeds.derive(7, 3), Seeds.derive(7, 3));
    assertEquals(Seeds.derive(7, "enc.w"), Seeds.derive(7, "enc.w"));
    assertNotEquals(Seeds.derive(7, "enc.w"), Seeds.derive(7, "enc.b"));
    assertNotEquals(Seeds.derive(7, 1), Seeds.derive(8, 1));
    Set<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      for (long i = 0; i < 200; i++) {
        seen.add(Seeds.derive(seed, i));
      }
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void mixIsTheSplitMix64Finaliser() {
    // reference: the first output of SplitMix64 seeded with 0 is mix(0x9e3779b97f4a7c15)
    assertEquals(0xe220a8397b1dcdafL, Seeds.mix(0x9e3779b97f4a7c15L));
  }
}
