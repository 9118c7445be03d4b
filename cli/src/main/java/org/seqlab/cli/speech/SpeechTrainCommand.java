package org.seqlab.cli.speech;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.seqlab.examples.speech.SpokenDigits;
import org.seqlab.sequence.CellType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab speech train --out model.seqlab}: trains the spoken-digit CTC recogniser on FSDD. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a bidirectional GRU/LSTM with CTC on connected-digit utterances built from FSDD's "
            + "training recordings and reports CER and sequence accuracy on utterances of its test "
            + "recordings. Progress lines show the loss and ETA.")
public final class SpeechTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TrainOptions common = new TrainOptions();

  @Option(names = "--cell", defaultValue = "GRU", description = "GRU or LSTM (default: ${DEFAULT-VALUE})")
  CellType cell;

  @Option(names = "--dropout", description = "dropout between layers")
  Double dropout;

  @Option(names = "--max-digits", defaultValue = "7", description = "digits per utterance at most (default: ${DEFAULT-VALUE})")
  int maxDigits;

  @Option(names = "--test-utterances", defaultValue = "1000", description = "test utterances (default: ${DEFAULT-VALUE})")
  int testUtterances;

  @Option(names = "--beam", defaultValue = "8", description = "prefix beam width for the beam-search score (default: ${DEFAULT-VALUE})")
  int beam;

  @Override
  public Integer call() throws IOException {
    if (cell != CellType.GRU && cell != CellType.LSTM) {
      throw new IllegalArgumentException("--cell must be GRU or LSTM, got " + cell);
    }
    PrintWriter o = spec.commandLine().getOut();
    SpokenDigits.Options d = SpokenDigits.Options.defaults(common.dataDir());
    SpokenDigits.Options opt = new SpokenDigits.Options(d.data(), cell, common.hidden != null ? common.hidden : d.hidden(),
        common.layers != null ? common.layers : d.layers(), dropout != null ? dropout : d.dropout(), common.train(d.train()),
        d.minDigits(), maxDigits, testUtterances, beam, common.seed, common.out, common.checkpoint, line -> {
          o.println(line);
          o.flush();
        });
    SpokenDigits.run(opt);
    return 0;
  }
}
