package org.seqlab.cli.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.attention.Translator;
import org.seqlab.cli.TextFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlab translate --model M [--beam 5 --alpha 0.7] < src.txt}: translates one sentence per
 * line with a saved seq2seq model; subcommands train, evaluate and run the reference experiments.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description =
        "Translates standard input (or --input), one sentence per line, with a seq2seq model "
            + "directory. Greedy with --beam 1, else beam search with length normalisation score = log "
            + "P / T^alpha.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TranslateTrainCommand.class,
      TranslateEvalCommand.class,
      TranslateExperimentCommand.Multi30kCommand.class,
      TranslateExperimentCommand.EngFraCommand.class,
    })
public final class TranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, paramLabel = "DIR", description = "model directory (from `translate train`)")
  Path model;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "source sentences (default: standard input)")
  Path input;

  @Option(names = {"-b", "--beam"}, defaultValue = "5", description = "beam width; 1 = greedy (default: ${DEFAULT-VALUE})")
  int beam;

  @Option(names = {"-a", "--alpha"}, defaultValue = "0.7", description = "length normalisation exponent (default: ${DEFAULT-VALUE})")
  double alpha;

  @Option(names = {"-n", "--nbest"}, defaultValue = "1", description = "print the n best, tab-separated with scores (default: ${DEFAULT-VALUE})")
  int nBest;

  @Option(names = "--allow-unk", description = "let outputs contain <unk>")
  boolean allowUnknown;

  @Override
  public Integer call() throws IOException {
    if (model == null) {
      throw new IllegalArgumentException("--model DIR is required (or use a subcommand: train, eval, multi30k, eng-fra)");
    }
    Translator t = Translator.load(model);
    List<String> lines = input == null ? TextFiles.readLines(System.in, "standard input") : TextFiles.readLines(input);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        throw new IllegalArgumentException((input == null ? "standard input" : input.toString()) + ": line " + (i + 1)
            + " is blank; give one sentence per line");
      }
    }
    Translator.Options o = (beam == 1 && nBest == 1 ? Translator.Options.greedy() : Translator.Options.beam(beam, alpha))
        .withNBest(nBest).withAllowUnknown(allowUnknown);
    PrintWriter out = spec.commandLine().getOut();
    for (List<Translator.Translation> ts : t.translateNBest(lines, o)) {
      if (nBest == 1) {
        out.println(ts.get(0).text());
      } else {
        for (Translator.Translation tr : ts) {
          out.println(String.format(Locale.ROOT, "%s\t%.4f\t%.4f", tr.text(), tr.score(), tr.logProb()));
        }
        out.println();
      }
    }
    out.flush();
    return 0;
  }
}
