package org.seqlab.cli.sequence;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab lm ...}: character and word recurrent language models. */
@Command(
    name = "lm",
    mixinStandardHelpOptions = true,
    description = "Recurrent language models: train (characters or words), perplexity, sentence scores, sampling.",
    subcommands = {
      CommandLine.HelpCommand.class,
      TrainCharLmCommand.class,
      TrainWordLmCommand.class,
      LmEvalCommand.class,
      LmScoreCommand.class,
      LmSampleCommand.class,
    })
public final class LmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
