package org.seqlab.cli.sequence;

import org.seqlab.decoding.SamplerConfig;
import picocli.CommandLine.Option;

/** {@code --temperature}, {@code --top-k}, {@code --top-p}. */
final class SamplingOptions {
  @Option(names = "--temperature", defaultValue = "0.8", description = "softmax temperature; 0 is greedy (default: ${DEFAULT-VALUE})")
  double temperature;

  @Option(names = "--top-k", defaultValue = "0", description = "sample among the k most probable tokens; 0 keeps all (default: ${DEFAULT-VALUE})")
  int topK;

  @Option(names = "--top-p", defaultValue = "1", description = "nucleus sampling mass in (0, 1] (default: ${DEFAULT-VALUE})")
  double topP;

  SamplerConfig config() {
    return new SamplerConfig(temperature, topK, topP);
  }
}
