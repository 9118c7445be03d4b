package org.seqlab.embeddings.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.embeddings.Fixtures;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;

class HnswIndexTest {
  @TempDir Path dir;

  /** Mean recall@10 of the index against brute-force search, over every 10th word. */
  static double recallAt10(HnswIndex index, WordVectors v) throws IOException {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < v.size(); i += 10) {
      Set<String> exact = v.nearest(v.word(i), 10).stream().map(Neighbor::word).collect(Collectors.toSet());
      List<Neighbor> approx = index.nearest(v.word(i), 10);
      Set<String> hit = new HashSet<>(exact);
      hit.retainAll(approx.stream().map(Neighbor::word).toList());
      sum += hit.size() / 10.0;
      n++;
    }
    return sum / n;
  }

  @Test
  void highRecallAndExactScores() throws IOException {
    WordVectors v = Fixtures.random(1000, 16, 7);
    try (HnswIndex index = HnswIndex.build(v, HnswConfig.defaults())) {
      assertEquals(1000, index.size());
      // Calibrated on data seeds 0..59 (1000 x 16 Gaussian): recall@10 was 1.0 for every seed.
      double recall = recallAt10(index, v);
      assertTrue(recall >= 0.98, "recall@10 = " + recall);
      List<Neighbor> got = index.nearest("w3", 5);
      assertEquals(5, got.size());
      assertFalse(got.stream().anyMatch(nb -> nb.word().equals("w3")), "the query word is excluded");
      for (Neighbor nb : got) {
        assertEquals(Fixtures.cosine(v.vector("w3"), v.vector(nb.word())), nb.similarity(), 1e-5);
      }
      List<Neighbor> byVector = index.nearest(v.vector("w3"), 1);
      assertEquals("w3", byVector.get(0).word(), "a word's own vector finds the word");
      assertEquals(1.0, byVector.get(0).similarity(), 1e-5);
    }
  }

  @Test
  void lowEfSearchLosesRecall() throws IOException {
    WordVectors v = Fixtures.random(1000, 16, 7);
    try (HnswIndex wide = HnswIndex.build(v, HnswConfig.defaults());
        HnswIndex narrow = HnswIndex.build(v, new HnswConfig(4, 8, 1))) {
      // Calibrated on data seeds 0..59: narrow recall@10 <= 0.72, and at least 0.28 below the default's.
      assertTrue(recallAt10(narrow, v) < recallAt10(wide, v) - 0.1);
    }
  }

  @Test
  void onDiskIndexReopensForSameVocabularyOnly() throws IOException {
    WordVectors v = Fixtures.random(300, 8, 1);
    Path d = dir.resolve("idx");
    List<Neighbor> first;
    try (HnswIndex index = HnswIndex.build(v, new HnswConfig(8, 50, 50), d)) {
      first = index.nearest("w10", 5);
    }
    try (HnswIndex again = HnswIndex.open(v, d, 50)) {
      assertEquals(first, again.nearest("w10", 5));
      assertEquals(8, again.config().maxConn());
      assertEquals(50, again.config().beamWidth());
    }
    WordVectors other = Fixtures.random(300, 8, 2).restrictTo(299);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HnswIndex.open(other, d, 50));
    assertTrue(e.getMessage().contains("was built for 300 x 8"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HnswIndex.build(v, HnswConfig.defaults(), d), "non-empty directory");
    assertTrue(Files.isDirectory(d));
  }

  @Test
  void rejectsBadArguments() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> new HnswConfig(1, 100, 10));
    assertThrows(IllegalArgumentException.class, () -> new HnswConfig(16, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> new HnswConfig(16, 100, 0));
    WordVectors v = Fixtures.random(20, 4, 1);
    try (HnswIndex index = HnswIndex.build(v, HnswConfig.defaults())) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> index.nearest("zebra", 3));
      assertTrue(e.getMessage().contains("zebra"));
      assertThrows(IllegalArgumentException.class, () -> index.nearest("w1", 0));
      assertThrows(IllegalArgumentException.class, () -> index.nearest(new float[3], 2));
      assertEquals(19, index.nearest("w1", 50).size(), "k larger than the vocabulary gives all other words");
    }
  }
}
