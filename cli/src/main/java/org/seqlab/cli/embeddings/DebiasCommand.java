package org.seqlab.cli.embeddings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.corpora.CorpusFormatException;
import org.seqlab.embeddings.AnalogyMethod;
import org.seqlab.embeddings.WordVectors;
import org.seqlab.embeddings.debias.BiasSubspace;
import org.seqlab.embeddings.debias.DebiasWordLists;
import org.seqlab.embeddings.debias.DirectBias;
import org.seqlab.embeddings.debias.HardDebias;
import org.seqlab.embeddings.eval.AnalogyEval;
import org.seqlab.embeddings.eval.AnalogyQuestions;
import org.seqlab.embeddings.eval.AnalogyResult;
import org.seqlab.embeddings.io.VectorsFormat;
import org.seqlab.embeddings.io.WordVectorsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings debias --vectors v.bin --lists DIR --out debiased.bin}: hard debiasing with a report. */
@Command(
    name = "debias",
    mixinStandardHelpOptions = true,
    description = "Hard debiasing (Bolukbasi et al. 2016) of word vectors, with a bias report. Neutralizes every word outside the gender-specific list and equalizes the equalize pairs. Reports the direct bias over professions, the most gendered professions and analogy accuracy, before and after, and writes the debiased (unit-length) vectors.")
public final class DebiasCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VectorsOption vectors;

  @Option(names = "--lists", paramLabel = "DIR", description = "directory with the debiaswe JSON lists (default: <data>/debiaswe)")
  Path lists;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "where to write the debiased vectors (omit to only report)")
  Path outPath;

  @Option(names = "--out-format", defaultValue = "word2vec-binary", description = "format of --out (default: ${DEFAULT-VALUE})")
  String outFormat;

  @Option(names = "--components", defaultValue = "1", description = "dimension k of the bias subspace (default: ${DEFAULT-VALUE}, as the paper)")
  int components;

  @Option(names = "--questions", paramLabel = "FILE", description = "analogy questions (default: <data>/wordsim/questions-words.txt if present)")
  Path questions;

  @Option(names = "--restrict", defaultValue = "30000", description = "analogy vocabulary (default: ${DEFAULT-VALUE})")
  int restrict;

  @Option(names = "--show", defaultValue = "10", description = "professions to list at each end (default: ${DEFAULT-VALUE})")
  int show;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = lists != null ? lists : DataDir.resolve().resolve("debiaswe");
    VectorsFormat fmt = VectorsFormat.fromId(outFormat);
    WordVectors v = vectors.load(out);
    try {
      DebiasWordLists l = DebiasWordLists.read(dir);
      BiasSubspace b = BiasSubspace.fromPairs(v, l.definitional(), components);
      out.printf(Locale.ROOT, "lists       %s: %d definitional pairs (%d in vocabulary), %d gender-specific words, %d equalize pairs, %d professions%n",
          dir, l.definitional().size(), b.used().size(), l.genderSpecific().size(), l.equalize().size(), l.professions().size());
      if (!b.skipped().isEmpty()) {
        out.printf(Locale.ROOT, "            skipped pairs (a word missing): %s%n", b.skipped());
      }
      out.printf(Locale.ROOT, "direction   first component explains %.1f %% of the definitional-pair variance%n", 100 * b.explainedRatios()[0]);
      HardDebias.Result r = HardDebias.apply(v, b, l.genderSpecific(), l.equalize());
      WordVectors after = r.vectors();
      out.printf(Locale.ROOT, "debias      %s: %d words neutralized, %d pairs equalized%n", r.signature(), r.neutralized(), r.equalized().size());
      report(out, v, after, b, l);
      analogies(out, v, after);
      if (outPath != null) {
        String sig = r.signature() + " of [" + vectors.producer + "]";
        WordVectorsFormat.write(outPath, after, fmt, sig);
        out.printf(Locale.ROOT, "%nwrote       %s (%s) with sidecar%n", outPath, fmt.id());
      }
    } catch (CorpusFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    out.flush();
    return 0;
  }

  private void report(PrintWriter out, WordVectors before, WordVectors after, BiasSubspace b, DebiasWordLists l) {
    List<String> all = new ArrayList<>();
    List<String> neutral = new ArrayList<>();
    for (DebiasWordLists.Profession p : l.professions()) {
      all.add(p.word());
      if (!l.genderSpecific().contains(p.word())) {
        neutral.add(p.word());
      }
    }
    for (String[] row : new String[][] {{"neutral professions", "n"}, {"all professions", "a"}}) {
      List<String> set = row[1].equals("n") ? neutral : all;
      DirectBias x = DirectBias.of(before, b, set, 1);
      DirectBias y = DirectBias.of(after, b, set, 1);
      out.printf(Locale.ROOT, "DirectBias_1 over %-20s %.4f -> %.4f  (%d words in vocabulary, %d missing)%n",
          row[0] + ":", x.value(), y.value(), x.words(), x.missing());
    }
    List<DirectBias.Shift> shifts = DirectBias.shifts(before, after, b, all);
    int n = Math.min(Math.max(show, 0), shifts.size() / 2);
    if (n > 0) {
      out.printf(Locale.ROOT, "%nprojection on g (she +, he -), before -> after%n");
      for (int i = 0; i < n; i++) {
        DirectBias.Shift s = shifts.get(i);
        DirectBias.Shift h = shifts.get(shifts.size() - 1 - i);
        out.printf(Locale.ROOT, "  %-22s %+.3f -> %+.3f      %-22s %+.3f -> %+.3f%n", s.word(), s.before(), s.after(), h.word(), h.before(), h.after());
      }
    }
  }

  private void analogies(PrintWriter out, WordVectors before, WordVectors after) throws IOException {
    Path q = questions != null ? questions : DataDir.resolve().resolve("wordsim").resolve(EvalCommand.QUESTIONS);
    if (!Files.exists(q)) {
      out.printf(Locale.ROOT, "%nanalogy     skipped: %s not found%n", q);
      return;
    }
    AnalogyQuestions qs = AnalogyQuestions.read(q);
    AnalogyResult x = AnalogyEval.evaluate(before, qs, restrict, AnalogyMethod.COS_ADD);
    AnalogyResult y = AnalogyEval.evaluate(after, qs, restrict, AnalogyMethod.COS_ADD);
    out.printf(Locale.ROOT, "%nanalogy     %s  %s%n", q.getFileName(), x.signature());
    out.printf(Locale.ROOT, "  semantic  %5.1f %% -> %5.1f %%%n", 100 * x.semantic().accuracy(), 100 * y.semantic().accuracy());
    out.printf(Locale.ROOT, "  syntactic %5.1f %% -> %5.1f %%%n", 100 * x.syntactic().accuracy(), 100 * y.syntactic().accuracy());
    out.printf(Locale.ROOT, "  total     %5.1f %% -> %5.1f %%  (%d questions)%n", 100 * x.total().accuracy(), 100 * y.total().accuracy(), x.total().total());
  }
}
