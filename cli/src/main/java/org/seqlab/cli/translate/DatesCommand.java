package org.seqlab.cli.translate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlab.attention.Translator;
import org.seqlab.cli.TextFiles;
import org.seqlab.examples.dates.DateNormalization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab dates train|normalize}: the date-normalisation attention model. */
@Command(
    name = "dates",
    mixinStandardHelpOptions = true,
    description = "Human-readable dates to ISO YYYY-MM-DD with a character-level Bahdanau attention model.",
    subcommands = {CommandLine.HelpCommand.class, DatesCommand.Train.class, DatesCommand.Normalize.class})
public final class DatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Generates dates, trains, reports exact match on held-out dates and writes an attention heatmap.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--train-size", description = "training dates (default: 40000)")
    Integer trainSize;

    @Option(names = "--test-size", description = "held-out dates (default: 2000)")
    Integer testSize;

    @Option(names = "--epochs", description = "epochs (default: 6)")
    Integer epochs;

    @Option(names = "--seed", description = "seed (default: 7)")
    Long seed;

    @Option(names = "--minutes", description = "stop training after this many minutes; rerun to resume")
    Long minutes;

    @Override
    public Integer call() throws IOException {
      DateNormalization.Options d = DateNormalization.Options.defaults(out);
      DateNormalization.Options o = new DateNormalization.Options(trainSize == null ? d.trainSize() : trainSize,
          testSize == null ? d.testSize() : testSize, d.model(),
          epochs == null ? d.training() : d.training().withEpochs(epochs), d.beam(), seed == null ? d.seed() : seed, out,
          minutes == null ? null : Duration.ofMinutes(minutes));
      PrintWriter w = spec.commandLine().getOut();
      w.println("settings: " + o.signature());
      w.flush();
      DateNormalization.Result r = DateNormalization.run(o);
      w.printf(Locale.ROOT, "exact match on %d held-out dates: greedy %.2f%%, beam %d %.2f%%%n", r.testSize(),
          100 * r.greedyExactMatch(), o.beam(), 100 * r.beamExactMatch());
      w.printf(Locale.ROOT, "training time %.0f s; model %s; heatmap %s%n", r.trainSeconds(), r.modelDir(), r.heatmap());
      r.examples().forEach(e -> w.println("  " + e));
      w.flush();
      return 0;
    }
  }

  @Command(name = "normalize", mixinStandardHelpOptions = true,
      description = "Reads dates from standard input (or --input), one per line, and prints their ISO form.")
  static final class Normalize implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "model directory (out/model)")
    Path model;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "dates (default: standard input)")
    Path input;

    @Option(names = {"-b", "--beam"}, defaultValue = "5", description = "beam width, 1 = greedy (default: ${DEFAULT-VALUE})")
    int beam;

    @Override
    public Integer call() throws IOException {
      Translator t = Translator.load(model);
      List<String> lines = input == null ? TextFiles.readLines(System.in, "standard input") : TextFiles.readLines(input);
      Translator.Options o = beam == 1 ? Translator.Options.greedy() : Translator.Options.beam(beam, 0);
      PrintWriter w = spec.commandLine().getOut();
      t.translate(lines, o).forEach(tr -> w.println(tr.text()));
      w.flush();
      return 0;
    }
  }
}
