package org.seqlab.cli.speech;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.seqlab.examples.speech.TriggerWord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seqlab trigger train --out trigger.seqlab}: trains the trigger-word detector on FSDD mixtures. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Trains a GRU that marks the frames just after a trigger digit in noisy clips mixing it "
            + "with other digits, and reports precision, recall and F1 of detected triggers on test "
            + "clips.")
public final class TriggerTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TrainOptions common = new TrainOptions();

  @Option(names = "--word", defaultValue = "3", description = "the trigger digit (default: ${DEFAULT-VALUE})")
  int word;

  @Option(names = "--test-clips", defaultValue = "500", description = "test clips (default: ${DEFAULT-VALUE})")
  int testClips;

  @Option(names = "--causal", description = "a unidirectional GRU (can run on a stream) instead of a bidirectional one")
  boolean causal;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    TriggerWord.Options d = TriggerWord.Options.defaults(common.dataDir());
    TriggerWord.Options opt = new TriggerWord.Options(d.data(), word, common.hidden != null ? common.hidden : d.hidden(),
        common.layers != null ? common.layers : d.layers(), !causal, common.train(d.train()), d.clipSeconds(), d.positiveFrames(),
        d.positiveWeight(), testClips, common.seed, common.out, common.checkpoint, line -> {
          o.println(line);
          o.flush();
        });
    TriggerWord.run(opt);
    return 0;
  }
}
