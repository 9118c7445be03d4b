package org.seqlab.examples.embeddings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.Neighbor;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.debias.BiasSubspace;
import org.seqlab.embeddings.debias.DebiasWordLists;
import org.seqlab.embeddings.debias.HardDebias;
import org.seqlab.embeddings.eval.AnalogyEval;
import org.seqlab.embeddings.eval.AnalogyResult;
import org.seqlab.embeddings.index.HnswConfig;
import org.seqlab.embeddings.index.HnswIndex;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;
import org.seqlab.embeddings.train.EncodedCorpus;
import org.seqlab.embeddings.train.SkipGramConfig;
import org.seqlab.embeddings.train.SkipGramTrainer;

/**
 * The README's word-vector walkthrough as code that CI compiles and runs: train skip-gram vectors on a
 * whitespace-tokenised corpus, save them, query neighbours and analogies (exact and through an HNSW
 * index), score analogy questions and debias the vectors.
 */
public final class WordVectorsTour {
  private WordVectorsTour() {}

  /**
   * @param corpus whitespace-tokenised UTF-8 text (plain, .gz or single-entry .zip), e.g. text8
   * @param out where to write the vectors (word2vec binary)
   * @param questions analogy questions in questions-words.txt format, or null to skip
   * @param debiasLists a directory with the debiaswe JSON lists, or null to skip debiasing
   * @param query a word whose neighbours to list; {@code analogy} is {@code a b c} for "a : b :: c : ?"
   */
  public record Options(
      Path corpus, Path out, SkipGramConfig config, Path questions, Path debiasLists, String query, List<String> analogy) {
    public Options {
      Objects.requireNonNull(corpus, "corpus");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(query, "query");
      if (analogy.size() != 3) {
        throw new IllegalArgumentException("analogy needs three words a, b, c, got " + analogy);
      }
    }
  }

  /**
   * @param analogyTotal accuracy on {@code questions} (NaN when skipped)
   * @param directBiasBefore the mean |cos(w, g)| of the words of the query's neighbourhood before debiasing (NaN when skipped)
   */
  public record Result(
      WordVectors vectors, List<Neighbor> nearest, List<Neighbor> nearestHnsw, List<Neighbor> analogy,
      double analogyTotal, double directBiasBefore, double directBiasAfter) {}

  public static Result run(Options o) throws IOException, CorpusFormatException {
    SkipGramConfig cfg = o.config();
    EncodedCorpus corpus = EncodedCorpus.fromTextFile(o.corpus(), cfg.minCount(), cfg.maxVocab(), 10_000);
    WordVectors v = new SkipGramTrainer(cfg).train(corpus).toWordVectors(); // immutable: keys + vectors
    WordVectorsFormat.write(o.out(), v, VectorsFormat.WORD2VEC_BINARY, cfg.signature());
    WordVectors loaded = WordVectorsFormat.read(o.out()); // checks the sidecar's checksum
    List<Neighbor> exact = loaded.nearest(o.query(), 5);
    List<Neighbor> approx;
    try (HnswIndex index = HnswIndex.build(loaded, HnswConfig.defaults())) {
      approx = index.nearest(o.query(), 5);
    }
    List<String> a = o.analogy();
    List<Neighbor> answer = loaded.analogy(a.get(0), a.get(1), a.get(2), 3, AnalogyMethod.COS_ADD);
    double total = Double.NaN;
    if (o.questions() != null) {
      AnalogyResult r = AnalogyEval.evaluate(loaded, o.questions(), 30_000, AnalogyMethod.COS_ADD);
      total = r.total().accuracy();
    }
    double before = Double.NaN;
    double after = Double.NaN;
    if (o.debiasLists() != null) {
      DebiasWordLists lists = DebiasWordLists.read(o.debiasLists());
      BiasSubspace g = BiasSubspace.fromPairs(loaded, lists.definitional(), 1); // PCA over definitional pairs
      WordVectors fair = HardDebias.apply(loaded, g, lists.genderSpecific(), lists.equalize()).vectors();
      before = meanAbsProjection(loaded, g, exact);
      after = meanAbsProjection(fair, g, exact);
    }
    return new Result(loaded, exact, approx, answer, total, before, after);
  }

  private static double meanAbsProjection(WordVectors v, BiasSubspace g, List<Neighbor> words) {
    return words.stream().mapToDouble(n -> Math.abs(g.projection(v, n.word()))).average().orElse(Double.NaN);
  }

  /** {@code WordVectorsTour [CORPUS [OUT]]}: defaults to ../shared/data/text8/text8.zip. */
  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getenv().getOrDefault("SEQLAB_DATA", "../shared/data"));
    Path corpus = args.length > 0 ? Path.of(args[0]) : data.resolve("text8/text8.zip");
    if (!Files.exists(corpus)) {
      System.err.println("corpus not found: " + corpus + " (pass a path, or set SEQLAB_DATA)");
      System.exit(2);
    }
    Path q = data.resolve("wordsim/questions-words.txt");
    Path lists = data.resolve("debiaswe");
    SkipGramConfig cfg = SkipGramConfig.builder().dim(100).window(5).negative(5).sample(1e-4).epochs(5).threads(2).seed(1).build();
    Options o = new Options(corpus, Path.of(args.length > 1 ? args[1] : "text8.bin"), cfg,
        Files.exists(q) ? q : null, Files.isDirectory(lists) ? lists : null, "paris", List.of("man", "king", "woman"));
    Result r = run(o);
    System.out.println(cfg.signature());
    System.out.println("nearest(paris)        " + r.nearest());
    System.out.println("hnsw nearest(paris)   " + r.nearestHnsw());
    System.out.println("man : king :: woman : " + r.analogy());
    System.out.printf("analogy total %.4f; bias of paris' neighbours %.4f -> %.4f%n", r.analogyTotal(), r.directBiasBefore(), r.directBiasAfter());
  }
}
