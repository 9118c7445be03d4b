package org.seqlab.cli.sequence;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code seqlab sentiment ...}: many-to-one sentence classifiers. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description = "Sentence classifiers (mean-embedding baseline, LSTM, BiLSTM): train on emojify or rt-polarity, predict.",
    subcommands = {CommandLine.HelpCommand.class, TrainSentimentCommand.class, PredictSentimentCommand.class})
public final class SentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
