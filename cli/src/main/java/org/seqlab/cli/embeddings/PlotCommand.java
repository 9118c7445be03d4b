package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.plot.Projection;
import org.seqlab.embeddings.plot.ScatterPlot;
import org.seqlab.embeddings.plot.TsneConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings plot --vectors v.bin --words a,b,c --out p.png}. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "A labelled 2-D scatter plot (PNG) of words, by PCA or t-SNE. Projects the unit vectors of the chosen words. Each --words list is one colour group; --top N adds the N most frequent words.")
public final class PlotCommand implements Callable<Integer> {
  enum Method {
    pca,
    tsne
  }

  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Option(names = "--words", paramLabel = "W,W,...", description = "comma-separated words; repeat for more colour groups")
  List<String> groups = new ArrayList<>();

  @Option(names = "--top", defaultValue = "0", description = "also plot the N most frequent words (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "PNG", description = "the image to write")
  Path outPath;

  @Option(names = "--method", defaultValue = "pca", description = "pca or tsne (default: ${DEFAULT-VALUE})")
  Method method;

  @Option(names = "--perplexity", defaultValue = "0", description = "t-SNE perplexity (default: min(30, (n - 1) / 3))")
  double perplexity;

  @Option(names = "--iterations", defaultValue = "1000", description = "t-SNE iterations (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--seed", defaultValue = "7", description = "t-SNE seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--size", defaultValue = "1200x900", description = "image WIDTHxHEIGHT (default: ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--title", description = "caption (default: the file and method)")
  String title;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String[] wh = size.split("x");
    if (wh.length != 2 || !wh[0].matches("\\d{1,5}") || !wh[1].matches("\\d{1,5}")) {
      throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, e.g. 1200x900, got '" + size + "'");
    }
    ScatterPlot.Style style = new ScatterPlot.Style(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), "");
    WordVectors v = vectors.load(out);
    Map<String, Integer> groupOf = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (String w : groups.get(g).split(",")) {
        if (!w.isBlank()) {
          Words.requireKnown(v, w.strip());
          groupOf.putIfAbsent(w.strip(), g);
        }
      }
    }
    for (int i = 0; i < Math.min(Math.max(top, 0), v.size()); i++) {
      groupOf.putIfAbsent(v.word(i), groups.size());
    }
    List<String> words = new ArrayList<>(groupOf.keySet());
    if (words.size() < 3) {
      throw new IllegalArgumentException("need at least 3 words to plot (use --words and/or --top), got " + words.size());
    }
    long t0 = System.nanoTime();
    List<Projection.Point> pts;
    String how;
    if (method == Method.tsne) {
      double perp = perplexity > 0 ? perplexity : Math.min(30, (words.size() - 1) / 3.0);
      TsneConfig c = new TsneConfig(perp, iterations, 200, 12, seed);
      pts = Projection.tsne(v, words, c);
      how = c.signature();
    } else {
      pts = Projection.pca(v, words);
      how = "pca|components:2|unit-vectors";
    }
    List<ScatterPlot.Point> dots = new ArrayList<>();
    for (Projection.Point p : pts) {
      dots.add(new ScatterPlot.Point(p.word(), p.x(), p.y(), groupOf.get(p.word())));
    }
    String caption = title != null ? title : vectors.path.getFileName() + " — " + how;
    ScatterPlot.write(outPath, dots, new ScatterPlot.Style(style.width(), style.height(), caption));
    out.printf(Locale.ROOT, "projection  %s of %d words in %.1f s%n", how, words.size(), (System.nanoTime() - t0) / 1e9);
    out.printf(Locale.ROOT, "wrote       %s%n", outPath);
    out.flush();
    return 0;
  }
}
