package org.seqlab.cli.speech;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab speech train|transcribe}: connected spoken-digit recognition with CTC. */
@Command(
    name = "speech",
    mixinStandardHelpOptions = true,
    description = "Spoken-digit recognition with CTC: train on FSDD, transcribe WAV files.",
    subcommands = {CommandLine.HelpCommand.class, SpeechTrainCommand.class, TranscribeCommand.class})
public final class SpeechCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
