package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.corpora.datasets.WordNetAntonyms;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.debias.WordPair;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;
import org.seqlab.embeddings.lexicon.AntonymRepulsion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings repel-antonyms --vectors v.bin --out v-repel.bin}: WordNet antonyms pushed apart. */
@Command(
    name = "repel-antonyms",
    mixinStandardHelpOptions = true,
    description = "Pushes WordNet antonyms apart (the antonym term of counter-fitting, Mrksic et al. 2016) until their cosine is at most the margin, keeping every vector's length and pulling each moved word back towards its original direction. Words outside the antonym pairs are unchanged. Deterministic.")
public final class RepelAntonymsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Option(names = "--wordnet", paramLabel = "DIR", defaultValue = "/usr/share/wordnet",
      description = "WordNet 3.0 database directory with data.noun, data.verb, data.adj, data.adv (default: ${DEFAULT-VALUE}, Debian package wordnet-base)")
  Path wordnet;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write the adjusted vectors (omit to only report)")
  Path outPath;

  @Option(names = "--out-format", defaultValue = "word2vec-binary", description = "format of --out (default: ${DEFAULT-VALUE})")
  String outFormat;

  @Option(names = "--iterations", defaultValue = "200", description = "gradient steps (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--lr", defaultValue = "0.1", description = "step size (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--anchor", defaultValue = "1.0", description = "pull back to the original direction (default: ${DEFAULT-VALUE})")
  double anchor;

  @Option(names = "--margin", defaultValue = "0.0", description = "antonym pairs with a cosine above this are pushed (default: ${DEFAULT-VALUE})")
  double margin;

  @Option(names = "--show", defaultValue = "10", description = "pairs to list, the closest before (default: ${DEFAULT-VALUE})")
  int show;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    VectorsFormat fmt = VectorsFormat.fromId(outFormat);
    AntonymRepulsion.Config config = new AntonymRepulsion.Config(iterations, lr, anchor, margin);
    List<WordNetAntonyms.Pair> lexicon;
    try {
      lexicon = WordNetAntonyms.read(wordnet);
    } catch (CorpusFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    WordVectors v = vectors.load(out);
    List<WordPair> pairs = new ArrayList<>(lexicon.size());
    for (WordNetAntonyms.Pair p : lexicon) {
      pairs.add(new WordPair(p.first(), p.second()));
    }
    long t0 = System.nanoTime();
    AntonymRepulsion.Result r = AntonymRepulsion.apply(v, pairs, config);
    out.printf(Locale.ROOT, "antonyms    %s: %d pairs, %d with both words in the vocabulary, %d words moved%n",
        wordnet, lexicon.size(), r.pairs().size(), r.moved());
    out.printf(Locale.ROOT, "repel       %s in %.1f s: pairs with cosine > %s %d -> %d, mean cosine %.4f -> %.4f%n",
        config.signature(), (System.nanoTime() - t0) / 1e9, margin, r.aboveBefore(), r.aboveAfter(), r.meanCosineBefore(), r.meanCosineAfter());
    Integer[] closest = new Integer[r.pairs().size()];
    for (int i = 0; i < closest.length; i++) {
      closest[i] = i;
    }
    Arrays.sort(closest, Comparator.comparingDouble((Integer i) -> -r.cosinesBefore()[i]).thenComparing(i -> r.pairs().get(i).first()));
    for (int i : Arrays.copyOf(closest, Math.min(Math.max(show, 0), closest.length))) {
      WordPair p = r.pairs().get(i);
      out.printf(Locale.ROOT, "  %-16s %-16s %+.3f -> %+.3f%n", p.first(), p.second(), r.cosinesBefore()[i], r.cosinesAfter()[i]);
    }
    if (outPath != null) {
      WordVectorsFormat.write(outPath, r.vectors(), fmt, r.signature() + "|wordnet of [" + vectors.producer + "]");
      out.printf(Locale.ROOT, "wrote       %s (%s) with sidecar%n", outPath, fmt.id());
    }
    out.flush();
    return 0;
  }
}
