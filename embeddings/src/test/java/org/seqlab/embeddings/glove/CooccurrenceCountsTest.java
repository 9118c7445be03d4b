package org.seqlab.embeddings.glove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlab.corpora.Corpus;
import org.seqlab.embeddings.train.EncodedCorpus;

class CooccurrenceCountsTest {
  /** Brute force: a dense V x V matrix, both directions added explicitly per pair. */
  private static double[][] bruteForce(EncodedCorpus corpus, int window) {
    int v = corpus.vocabulary().size();
    double[][] x = new double[v][v];
    for (int s = 0; s < corpus.sentenceCount(); s++) {
      int[] ids = corpus.sentence(s);
      for (int p = 0; p < ids.length; p++) {
        for (int q = p + 1; q < ids.length && q - p <= window; q++) {
          x[ids[p]][ids[q]] += 1.0 / (q - p);
          x[ids[q]][ids[p]] += 1.0 / (q - p);
        }
      }
    }
    return x;
  }

  private static EncodedCorpus randomCorpus(int vocab, int sentences, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<List<String>> out = new ArrayList<>();
    for (int s = 0; s < sentences; s++) {
      List<String> sentence = new ArrayList<>();
      int len = 1 + rng.nextInt(30);
      for (int k = 0; k < len; k++) {
        // skewed: small ids much more frequent, so both the dense block and the table are used
        int w = (int) (vocab * Math.pow(rng.nextDouble(), 3));
        sentence.add("w" + w);
      }
      out.add(sentence);
    }
    return EncodedCorpus.fromSentences(Corpus.of(out), 1, Integer.MAX_VALUE);
  }

  private static void assertMatches(double[][] expected, CooccurrenceCounts counts) {
    int v = expected.length;
    double[][] got = new double[v][v];
    for (int r = 0; r < counts.size(); r++) {
      assertEquals(0.0, got[counts.row(r)][counts.col(r)], "record (" + counts.row(r) + ", " + counts.col(r) + ") twice");
      got[counts.row(r)][counts.col(r)] = counts.value(r);
    }
    int nonZero = 0;
    for (int i = 0; i < v; i++) {
      for (int j = 0; j < v; j++) {
        assertEquals(expected[i][j], got[i][j], 1e-5 * Math.max(1, expected[i][j]), "X[" + i + "][" + j + "]");
        nonZero += expected[i][j] != 0 ? 1 : 0;
      }
    }
    assertEquals(nonZero, counts.size());
  }

  @Test
  void handComputedExample(@TempDir Path tmp) {
    // sentence "a b a": pairs (a,b) at 1, (b,a) at 1, (a,a) at 2 -> X[a][b] = X[b][a] = 2, X[a][a] = 2 * 1/2
    EncodedCorpus c = EncodedCorpus.fromSentences(Corpus.of(List.of(List.of("a", "b", "a"))), 1, 100);
    CooccurrenceCounts counts = CooccurrenceCounts.count(c, 5, 1 << 20, tmp);
    int a = c.vocabulary().id("a");
    int b = c.vocabulary().id("b");
    assertEquals(2.0, counts.get(a, b), 1e-6);
    assertEquals(2.0, counts.get(b, a), 1e-6);
    assertEquals(1.0, counts.get(a, a), 1e-6);
    assertEquals(0.0, counts.get(b, b));
    assertEquals(3, counts.size());
  }

  @Test
  void matchesBruteForceInMemory(@TempDir Path tmp) {
    EncodedCorpus corpus = randomCorpus(60, 300, 1);
    CooccurrenceCounts counts = CooccurrenceCounts.count(corpus, 4, 1 << 20, tmp);
    assertEquals(0, counts.spilledRuns());
    assertMatches(bruteForce(corpus, 4), counts);
  }

  @Test
  void matchesBruteForceWhenSpillingToDisk(@TempDir Path tmp) throws IOException {
    EncodedCorpus corpus = randomCorpus(300, 800, 2);
    // 4 KiB: a 16-word dense block and a 64-slot table, so the table spills many sorted runs
    CooccurrenceCounts counts = CooccurrenceCounts.count(corpus, 6, 4096, tmp);
    assertTrue(counts.spilledRuns() > 5, "spilled runs: " + counts.spilledRuns());
    assertMatches(bruteForce(corpus, 6), counts);
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "run files must be deleted after the merge");
    }
  }

  @Test
  void shuffleIsASeededPermutation(@TempDir Path tmp) {
    EncodedCorpus corpus = randomCorpus(40, 100, 3);
    CooccurrenceCounts counts = CooccurrenceCounts.count(corpus, 3, 1 << 20, tmp);
    CooccurrenceCounts a = counts.shuffle(new SplittableRandom(5));
    CooccurrenceCounts b = counts.shuffle(new SplittableRandom(5));
    assertEquals(counts.size(), a.size());
    boolean moved = false;
    for (int r = 0; r < a.size(); r++) {
      assertEquals(a.row(r), b.row(r));
      assertEquals(counts.get(a.row(r), a.col(r)), a.value(r), 0.0);
      moved |= a.row(r) != counts.row(r) || a.col(r) != counts.col(r);
    }
    assertTrue(moved);
  }
}
