package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.sequence.WordLanguageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab lm score --model M SENTENCE...}: sentence log-probabilities. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Prints log p(sentence) in nats given a line start, with per-token perplexity (word LM) "
            + "or bits per character (character LM, which also scores the closing newline).")
public final class LmScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

  @Parameters(arity = "1..*", paramLabel = "SENTENCE") List<String> sentences;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedLm lm = LoadedLm.load(model);
    out.println("model       " + lm.describe());
    for (String s : sentences) {
      if (lm.chars() != null) {
        String text = s + "\n";
        double lp = lm.chars().logProbability("\n", text);
        int n = text.codePointCount(0, text.length());
        out.printf(Locale.ROOT, "%10.3f nats  %6.3f bits/char  %s%n", lp, -lp / Math.log(2) / n, s);
      } else {
        WordLanguageModel.SentenceScore sc = lm.words().score(s);
        out.printf(Locale.ROOT, "%10.3f nats  ppl %8.2f  %d tokens  %d unknown  %s%n",
            sc.logProbability(), sc.perplexity(), sc.tokens(), sc.unknownWords(), s);
      }
    }
    return 0;
  }
}
