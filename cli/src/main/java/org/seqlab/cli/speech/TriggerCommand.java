package org.seqlab.cli.speech;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab trigger train|detect}: trigger-word detection. */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    description = "Trigger-word detection: train a GRU detector on FSDD mixtures, detect the trigger in WAV files.",
    subcommands = {CommandLine.HelpCommand.class, TriggerTrainCommand.class, DetectCommand.class})
public final class TriggerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
