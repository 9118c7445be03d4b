package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.index.HnswIndex;

/** Measures an HNSW index against exact search: recall@k and mean query times on sampled words. */
final class RecallProbe {
  private RecallProbe() {}

  static void run(PrintWriter out, WordVectors v, HnswIndex index, int k, int samples, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = Math.min(samples, v.size());
    String[] queries = new String[n];
    for (int i = 0; i < n; i++) {
      queries[i] = v.word(rnd.nextInt(v.size()));
    }
    for (int i = 0; i < Math.min(n, 50); i++) { // warm-up, not timed
      v.nearest(queries[i], k);
      index.nearest(queries[i], k);
    }
    long exactNs = 0;
    long approxNs = 0;
    double recall = 0;
    for (String q : queries) {
      long t0 = System.nanoTime();
      List<Neighbor> exact = v.nearest(q, k);
      long t1 = System.nanoTime();
      List<Neighbor> approx = index.nearest(q, k);
      long t2 = System.nanoTime();
      exactNs += t1 - t0;
      approxNs += t2 - t1;
      Set<String> hit = new HashSet<>();
      for (Neighbor nb : exact) {
        hit.add(nb.word());
      }
      int found = 0;
      for (Neighbor nb : approx) {
        found += hit.contains(nb.word()) ? 1 : 0;
      }
      recall += found / (double) exact.size();
    }
    out.printf(Locale.ROOT, 
        "recall@%d   %.4f over %d random words (seed %d); mean query: exact %.2f ms, hnsw %.3f ms%n",
        k, recall / n, n, seed, exactNs / 1e6 / n, approxNs / 1e6 / n);
  }
}
