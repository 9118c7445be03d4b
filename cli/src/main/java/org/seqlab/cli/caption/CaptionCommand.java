package org.seqlab.cli.caption;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab caption ...}: train, run and evaluate image caption models on synthetic scenes. */
@Command(
    name = "caption",
    mixinStandardHelpOptions = true,
    description = "Image captioning: a CNN encoder with an LSTM decoder (show and tell, or show, attend and tell).",
    subcommands = {
      CommandLine.HelpCommand.class,
      CaptionTrainCommand.class,
      CaptionDescribeCommand.class,
      CaptionEvalCommand.class,
      CaptionScenesCommand.class,
    })
public final class CaptionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
