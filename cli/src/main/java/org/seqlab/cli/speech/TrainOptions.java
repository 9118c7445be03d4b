package org.seqlab.cli.speech;

import java.nio.file.Path;
import org.seqlab.cli.DataDir;
import org.seqlab.examples.speech.TrainConfig;
import picocli.CommandLine.Option;

/** Options shared by {@code speech train} and {@code trigger train}. */
final class TrainOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "the FSDD folder (default: $SEQLAB_DATA/fsdd or ../shared/data/fsdd)")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model")
  Path out;

  @Option(names = "--steps", description = "optimizer steps")
  Integer steps;

  @Option(names = "--batch", description = "utterances per step")
  Integer batch;

  @Option(names = "--lr", description = "peak learning rate (Adam, warm-up then cosine decay)")
  Double lr;

  @Option(names = "--hidden", description = "recurrent units (per direction)")
  Integer hidden;

  @Option(names = "--layers", description = "recurrent layers")
  Integer layers;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "save resumable state every 200 steps; rerunning the same command resumes from it")
  Path checkpoint;

  Path dataDir() {
    return data != null ? data : DataDir.resolve().resolve("fsdd");
  }

  TrainConfig train(TrainConfig d) {
    int s = steps != null ? steps : d.steps();
    if (s < 1) {
      throw new IllegalArgumentException("--steps must be >= 1, got " + s);
    }
    return new TrainConfig(s, batch != null ? batch : d.batchSize(), lr != null ? lr : d.learningRate(),
        Math.min(d.warmup(), s - 1), d.clipNorm());
  }
}
