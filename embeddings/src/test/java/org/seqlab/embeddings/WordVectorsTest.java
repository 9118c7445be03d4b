package org.seqlab.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordVectorsTest {
  private static WordVectors tiny() {
    // "a"=(1,0), "b"=(1,1), "c"=(0,2), "d"=(-1,0)
    return WordVectors.of(List.of("a", "b", "c", "d"), new float[] {1, 0, 1, 1, 0, 2, -1, 0}, 2);
  }

  @Test
  void accessorsAndCopies() {
    WordVectors v = tiny();
    assertEquals(4, v.size());
    assertEquals(2, v.dim());
    assertEquals("c", v.word(2));
    assertEquals(2, v.indexOf("c").getAsInt());
    assertFalse(v.indexOf("zz").isPresent());
    float[] b = v.vector("b");
    assertArrayEquals(new float[] {1, 1}, b);
    b[0] = 42;
    assertArrayEquals(new float[] {1, 1}, v.vector("b"), "vector() must return a copy");
    float[] m = {3, 4};
    WordVectors w = WordVectors.of(List.of("x"), m, 2);
    m[0] = 0;
    assertArrayEquals(new float[] {3, 4}, w.vector(0), "of() must copy the matrix");
    assertArrayEquals(new float[] {0.6f, 0.8f}, w.unitVector(0), 1e-7f);
    assertEquals(5.0, w.norm(0), 1e-12);
  }

  @Test
  void similarityByHand() {
    WordVectors v = tiny();
    assertEquals(1 / Math.sqrt(2), v.similarity("a", "b"), 1e-7);
    assertEquals(0.0, v.similarity("a", "c"), 1e-7);
    assertEquals(-1.0, v.similarity("a", "d"), 1e-7);
    assertEquals(1.0, v.similarity("c", "c"), 1e-7);
  }

  @Test
  void nearestByHand() {
    List<Neighbor> n = tiny().nearest("a", 3);
    assertEquals(List.of("b", "c", "d"), n.stream().map(Neighbor::word).toList());
    assertEquals(1 / Math.sqrt(2), n.get(0).similarity(), 1e-7);
    List<Neighbor> q = tiny().nearest(new float[] {0, 5}, 2, Set.of("c"));
    assertEquals(List.of("b", "a"), q.stream().map(Neighbor::word).toList());
  }

  @Test
  void nearestMatchesBruteForce() {
    WordVectors v = Fixtures.random(700, 16, 11);
    for (int probe : new int[] {0, 17, 350, 699}) {
      String w = v.word(probe);
      List<Integer> order =
          IntStream.range(0, v.size())
              .filter(i -> i != probe)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> -Fixtures.cosine(v.vector(probe), v.vector(i))))
              .toList();
      List<Neighbor> got = v.nearest(w, 10);
      for (int r = 0; r < 10; r++) {
        double expect = Fixtures.cosine(v.vector(probe), v.vector(order.get(r)));
        assertEquals(expect, got.get(r).similarity(), 1e-5);
        assertEquals(v.word(order.get(r)), got.get(r).word(), "rank " + r + " of " + w);
      }
    }
  }

  @Test
  void cosineRowsMatchBruteForceAcrossChunks() {
    WordVectors v = Fixtures.random(1300, 7, 5); // 1300 > 2 chunks of 512
    int[] rows = {0, 5, 1299, 640};
    float[][] cos = v.cosineRows(rows, 1100);
    assertEquals(4, cos.length);
    for (int r = 0; r < rows.length; r++) {
      assertEquals(1100, cos[r].length);
      for (int j = 0; j < 1100; j++) {
        assertEquals(Fixtures.cosine(v.vector(rows[r]), v.vector(j)), cos[r][j], 1e-5, "row " + r + " col " + j);
      }
    }
  }

  @Test
  void analogyOnPlantedOffset() {
    // queen = woman + royal, king = man + royal, with distractors near the answer's pieces.
    List<String> words = List.of("man", "woman", "king", "queen", "royal", "prince", "apple");
    float[] m = {
      1, 0, 0, 0, //
      0, 1, 0, 0, //
      1, 0, 1, 0, //
      0, 1, 1, 0, //
      0, 0, 1, 0, //
      0.9f, 0.1f, 1, 0.2f, //
      0, 0, 0, 1
    };
    WordVectors v = WordVectors.of(words, m, 4);
    for (AnalogyMethod method : AnalogyMethod.values()) {
      List<Neighbor> ans = v.analogy("man", "king", "woman", 2, method);
      assertEquals("queen", ans.get(0).word(), method.toString());
      assertTrue(ans.stream().noneMatch(n -> Set.of("man", "king", "woman").contains(n.word())));
    }
    // 3CosAdd score of queen, by hand: cos(q,king)=1/2, cos(q,man)=0, cos(q,woman)=1/sqrt2
    assertEquals(0.5 + 1 / Math.sqrt(2), v.analogy("man", "king", "woman", 1, AnalogyMethod.COS_ADD).get(0).similarity(), 1e-6);
    double cosMul = ((1 + 0.5) / 2) * ((1 + 1 / Math.sqrt(2)) / 2) / ((1 + 0.0) / 2 + 1e-3);
    assertEquals(cosMul, v.analogy("man", "king", "woman", 1, AnalogyMethod.COS_MUL).get(0).similarity(), 1e-5);
  }

  @Test
  void restrictToKeepsMostFrequentPrefix() {
    WordVectors v = tiny();
    WordVectors r = v.restrictTo(2);
    assertEquals(List.of("a", "b"), r.words());
    assertArrayEquals(v.vector("b"), r.vector("b"));
    assertSame(v, v.restrictTo(4));
    assertFalse(r.contains("c"));
  }

  @Test
  void zeroVectorHasZeroCosine() {
    WordVectors v = WordVectors.of(List.of("z", "a"), new float[] {0, 0, 1, 0}, 2);
    assertEquals(0.0, v.similarity("z", "a"));
    assertEquals("z", v.nearest("a", 1).get(0).word());
  }

  @Test
  void rejectsBadInput() {
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "b", "a"), new float[3], 1));
    assertTrue(dup.getMessage().contains("\"a\""), dup.getMessage());
    IllegalArgumentException len =
        assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a", "b"), new float[5], 2));
    assertTrue(len.getMessage().contains("got 5"), len.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a"), new float[] {Float.NaN}, 1));
    assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of(""), new float[1], 1));
    assertThrows(IllegalArgumentException.class, () -> WordVectors.of(List.of("a"), new float[0], 0));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> tiny().vector("zebra"));
    assertTrue(unknown.getMessage().contains("zebra"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tiny().nearest("a", 0));
    assertThrows(IllegalArgumentException.class, () -> tiny().nearest(new float[3], 1, Set.of()));
    assertThrows(IllegalArgumentException.class, () -> tiny().analogy("a", "b", "nope", 1, AnalogyMethod.COS_ADD));
  }

  @Test
  void topKKeepsBestWithIndexTieBreak() {
    TopK top = new TopK(3);
    float[] s = {0.5f, 0.9f, 0.5f, 0.1f, 0.9f, Float.NaN, 0.7f};
    for (int i = 0; i < s.length; i++) {
      top.offer(i, s[i]);
    }
    assertArrayEquals(new int[] {1, 4, 6}, top.indices());
    assertArrayEquals(new float[] {0.9f, 0.9f, 0.7f}, top.scores());
    TopK all = new TopK(10);
    all.offerAll(s, s.length);
    List<Integer> expected = new ArrayList<>(List.of(1, 4, 6, 0, 2, 3));
    assertEquals(expected, IntStream.of(all.indices()).boxed().toList());
  }
}
