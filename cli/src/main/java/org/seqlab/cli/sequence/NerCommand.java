package org.seqlab.cli.sequence;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab ner ...}: BiLSTM-CRF named-entity recognition. */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = "Named-entity recognition: train a BiLSTM-CRF on CoNLL-2003 files (span F1), score saved models alone or as an ensemble, tag text.",
    subcommands = {CommandLine.HelpCommand.class, TrainNerCommand.class, EvalNerCommand.class, TagNerCommand.class})
public final class NerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
