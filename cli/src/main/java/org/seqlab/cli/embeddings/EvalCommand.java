package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.eval.AnalogyEval;
import org.seqlab.embeddings.eval.AnalogyResult;
import org.seqlab.embeddings.eval.SectionScore;
import org.seqlab.embeddings.eval.SimilarityEval;
import org.seqlab.embeddings.eval.SimilarityResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings eval --vectors v.bin [--data DIR]}: analogy accuracy and word-similarity correlations. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Analogy accuracy and word-similarity correlations of word vectors. Google analogies (questions-words.txt, top-N vocabulary) and Spearman's rho on WordSim353 and SimLex-999, counted as gensim does (out-of-vocabulary questions and pairs skipped).")
public final class EvalCommand implements Callable<Integer> {
  static final String QUESTIONS = "questions-words.txt";
  static final String[] PAIR_FILES = {"wordsim353.tsv", "simlex999.txt"};

  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Option(names = "--data", paramLabel = "DIR", description = "directory with " + QUESTIONS + ", wordsim353.tsv, simlex999.txt (default: <data>/wordsim)")
  Path data;

  @Option(names = "--restrict", defaultValue = "30000", description = "analogy vocabulary: the N most frequent words (default: ${DEFAULT-VALUE})")
  int restrict;

  @Option(names = "--pairs-restrict", defaultValue = "300000", description = "similarity vocabulary (default: ${DEFAULT-VALUE}, as gensim)")
  int pairsRestrict;

  @Option(names = "--method", defaultValue = "cosadd", description = "cosadd or cosmul (default: ${DEFAULT-VALUE})")
  AnalogyCommand.Method method;

  @Option(names = "--no-sections", description = "print only the semantic, syntactic and total analogy scores")
  boolean noSections;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = data != null ? data : DataDir.resolve().resolve("wordsim");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("evaluation data directory " + dir + " does not exist (use --data DIR)");
    }
    WordVectors v = vectors.load(out);
    AnalogyMethod m = method == AnalogyCommand.Method.cosadd ? AnalogyMethod.COS_ADD : AnalogyMethod.COS_MUL;
    try {
      analogies(out, v, dir.resolve(QUESTIONS), m);
      for (String f : PAIR_FILES) {
        Path p = dir.resolve(f);
        if (Files.exists(p)) {
          SimilarityResult r = SimilarityEval.spearman(v, p, pairsRestrict);
          out.printf(Locale.ROOT, "%-11s %s  %s%n", f.substring(0, f.indexOf('.')), r.format(), r.signature());
        } else {
          out.printf(Locale.ROOT, "%-11s skipped: %s not found%n", f.substring(0, f.indexOf('.')), p);
        }
      }
    } catch (CorpusFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    out.flush();
    return 0;
  }

  private void analogies(PrintWriter out, WordVectors v, Path questions, AnalogyMethod m) throws IOException {
    if (!Files.exists(questions)) {
      out.printf(Locale.ROOT, "analogy     skipped: %s not found%n", questions);
      return;
    }
    long t0 = System.nanoTime();
    AnalogyResult r = AnalogyEval.evaluate(v, questions, restrict, m);
    out.printf(Locale.ROOT, "analogy     %s  (%.1f s)  %s%n", questions.getFileName(), (System.nanoTime() - t0) / 1e9, r.signature());
    if (!noSections) {
      for (SectionScore s : r.sections()) {
        out.println("  " + s.format());
      }
    }
    out.println("  " + r.semantic().format());
    out.println("  " + r.syntactic().format());
    out.println("  " + r.total().format());
  }
}
