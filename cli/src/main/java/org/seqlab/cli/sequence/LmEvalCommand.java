package org.seqlab.cli.sequence;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.examples.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab lm eval --model M --text FILE}: perplexity, nats and bits per token. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Scores a UTF-8 text file: nats and bits per character (character LM) or per token and perplexity (word LM).")
public final class LmEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE") Path model;

  @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text to score") Path text;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    LoadedLm lm = LoadedLm.load(model);
    out.println("model       " + lm.describe());
    long t0 = System.nanoTime();
    if (lm.chars() != null) {
      String s = Datasets.readString(text);
      double nats = lm.chars().evaluate(s);
      out.printf(Locale.ROOT, "text        %s: %,d characters%n", text, s.codePointCount(0, s.length()));
      out.printf(Locale.ROOT, "loss        %.4f nats/char  %.4f bits/char  perplexity %.3f%n", nats, nats / Math.log(2), Math.exp(nats));
    } else {
      List<String> lines = Datasets.readLines(text);
      double nats = lm.words().evaluate(lines);
      int tokens = lm.words().encode(lines).length - 1;
      out.printf(Locale.ROOT, "text        %s: %,d lines, %,d tokens (line ends included)%n", text, lines.size(), tokens);
      out.printf(Locale.ROOT, "loss        %.4f nats/token  %.4f bits/token  perplexity %.2f%n", nats, nats / Math.log(2), Math.exp(nats));
    }
    out.printf(Locale.ROOT, "time        %s%n", Datasets.duration((System.nanoTime() - t0) / 1e9));
    return 0;
  }
}
