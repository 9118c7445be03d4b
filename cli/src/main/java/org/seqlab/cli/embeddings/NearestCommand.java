package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.index.HnswConfig;
import org.seqlab.embeddings.index.HnswIndex;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings nearest --vectors v.bin king [queen ...] -k 10 [--hnsw]}. */
@Command(
    name = "nearest",
    mixinStandardHelpOptions = true,
    description = "The words closest to each WORD by cosine similarity (exact brute force, or Lucene HNSW with --hnsw).")
public final class NearestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Parameters(arity = "0..*", paramLabel = "WORD", description = "query words")
  List<String> words = new ArrayList<>();

  @Option(names = "-k", defaultValue = "10", description = "neighbours per word (default: ${DEFAULT-VALUE})")
  int k;

  @ArgGroup(exclusive = false)
  Hnsw hnsw;

  static final class Hnsw {
    @Option(names = "--hnsw", required = true, description = "search an HNSW graph (Apache Lucene) instead of all words")
    boolean on;

    @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW max connections M (default: ${DEFAULT-VALUE})")
    int m;

    @Option(names = "--hnsw-efc", defaultValue = "100", description = "HNSW construction beam width (default: ${DEFAULT-VALUE})")
    int efc;

    @Option(names = "--hnsw-ef", defaultValue = "100", description = "HNSW search beam width (default: ${DEFAULT-VALUE})")
    int ef;

    @Option(names = "--recall-sample", defaultValue = "0", paramLabel = "N",
        description = "measure recall@k of the graph against exact search on N random words (default: ${DEFAULT-VALUE})")
    int recallSample;

    @Option(names = "--seed", defaultValue = "7", description = "seed for --recall-sample (default: ${DEFAULT-VALUE})")
    long seed;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    if (words.isEmpty() && (hnsw == null || hnsw.recallSample <= 0)) {
      throw new IllegalArgumentException("give at least one WORD (or --hnsw --recall-sample N)");
    }
    WordVectors v = vectors.load(out);
    Words.requireKnown(v, words.toArray(new String[0]));
    HnswIndex index = null;
    try {
      if (hnsw != null) {
        HnswConfig config = new HnswConfig(hnsw.m, hnsw.efc, hnsw.ef);
        long t0 = System.nanoTime();
        index = HnswIndex.build(v, config);
        out.printf(Locale.ROOT, "index       %s, built in %.1f s%n", config.signature(), (System.nanoTime() - t0) / 1e9);
        if (hnsw.recallSample > 0) {
          RecallProbe.run(out, v, index, k, hnsw.recallSample, hnsw.seed);
        }
      } else {
        out.println("search      exact (cosine, all words)");
      }
      for (String w : words) {
        long t0 = System.nanoTime();
        List<Neighbor> nn = index == null ? v.nearest(w, k) : index.nearest(w, k);
        out.printf(Locale.ROOT, "%n%s  (%.1f ms)%n", w, (System.nanoTime() - t0) / 1e6);
        print(out, nn);
      }
    } finally {
      if (index != null) {
        index.close();
      }
    }
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, List<Neighbor> nn) {
    for (int i = 0; i < nn.size(); i++) {
      out.printf(Locale.ROOT, "  %2d  %-24s %.4f%n", i + 1, nn.get(i).word(), nn.get(i).similarity());
    }
  }
}
