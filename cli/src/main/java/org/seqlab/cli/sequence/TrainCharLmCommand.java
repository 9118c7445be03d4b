package org.seqlab.cli.sequence;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.lm.CharLmExample;
import org.seqlab.sequence.CharLmConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code seqlab lm train-char}: a character-level language model. */
@Command(
    name = "train-char",
    mixinStandardHelpOptions = true,
    description =
        "Trains a character-level LSTM/GRU language model with truncated BPTT and reports "
            + "validation nats and bits per character. --data tinyshakespeare|dinos|FILE. Rerun with "
            + "the same --checkpoint to resume an interrupted run.")
public final class TrainCharLmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "dinos", description = "tinyshakespeare, dinos or a UTF-8 text file (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "shared datasets (default: $SEQLAB_DATA or ../shared/data)")
  Path dataDir;

  @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "save the model here")
  Path out;

  @Option(names = "--checkpoint", paramLabel = "FILE", description = "resumable training state (saved every 25 steps)")
  Path checkpoint;

  @Option(names = "--samples", defaultValue = "5", description = "samples to print after training (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin NetworkOptions network;
  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() throws Exception {
    CharLmConfig defaults = data.equals("tinyshakespeare") ? CharLmExample.shakespeareConfig() : CharLmExample.dinosConfig();
    CharLmConfig cfg = network.apply(defaults);
    CharLmExample.run(new CharLmExample.Options(
        data, dataDir != null ? dataDir : DataDir.resolve(), cfg, seed, out, checkpoint, sampling.config(), samples,
        spec.commandLine().getOut()));
    return 0;
  }
}
