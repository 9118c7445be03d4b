package org.seqlab.cli.embeddings;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab embeddings ...}: train, evaluate, search, debias and plot word vectors. */
@Command(
    name = "embeddings",
    mixinStandardHelpOptions = true,
    description = "Word vectors: nearest neighbours, analogies, evaluation, debiasing and plots.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TrainEmbeddingsCommand.class,
      EvalCommand.class,
      NearestCommand.class,
      AnalogyCommand.class,
      DebiasCommand.class,
      RepelAntonymsCommand.class,
      PlotCommand.class,
    })
public final class EmbeddingsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
